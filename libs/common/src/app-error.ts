/**
 * The one error model of the platform. Services throw AppError with a stable code; the API maps the code once
 * (GraphQL extensions.code, HTTP status) in its error filters, so clients can rely on the codes, never on
 * message texts.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNPROCESSABLE',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A problem with one input field; `path` is dotted (`contactPoint.email`, `themes.0`). */
export interface FieldError {
  path: string;
  message: string;
}

export interface ErrorDetails {
  fields?: FieldError[];
  [key: string]: unknown;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

export function badInput(fields: FieldError[], message?: string): AppError {
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
  return new AppError('BAD_USER_INPUT', message ?? `Invalid input: ${summary}`, { fields });
}

export function notFound(what: string, key: string): AppError {
  return new AppError('NOT_FOUND', `${what} "${key}" was not found`);
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
