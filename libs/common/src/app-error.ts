import { ENTITIES, Entity } from './messages/entities';
import { MessageKey, MessageText, ParamsThen, bilingual, message, messageText } from './messages/message';

/**
 * The one error model of the platform. Services throw AppError with a stable code; the API maps the code once
 * (GraphQL extensions.code, HTTP status) in its error filters, so clients can rely on the codes, never on
 * message texts. Messages come from the catalogue (messages/), Chinese first with the English after it.
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
  /** The catalogue key of the message, for clients that show messages in a language of their own. */
  readonly messageKey: MessageKey;

  constructor(
    readonly code: ErrorCode,
    /** The message in both languages, for a message that quotes it. */
    readonly text: MessageText,
    readonly details?: ErrorDetails,
  ) {
    super(bilingual(text));
    this.name = 'AppError';
    this.messageKey = text.key;
  }
}

/** An error whose message is the catalogue's `key`: `appError('CONFLICT', 'user.exists', { username })`. */
export function appError<K extends MessageKey>(code: ErrorCode, key: K, ...[params, details]: ParamsThen<K, [details?: ErrorDetails]>): AppError {
  return new AppError(code, messageText(key, ...([params] as ParamsThen<K>)), details);
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

/** A problem of one field, its message from the catalogue: `fieldError('name', 'input.empty')`. */
export function fieldError<K extends MessageKey>(path: string, key: K, ...params: ParamsThen<K>): FieldError {
  return { path, message: message(key, ...params) };
}

/**
 * BAD_USER_INPUT for the fields named. The message is `summary` (by default 输入有误 (invalid input)) followed by
 * each field's problem, so a client that shows only the message still says what to fix.
 */
export function badInput(fields: FieldError[], summary: MessageText = messageText('input.invalid')): AppError {
  const listed = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
  const error = new AppError('BAD_USER_INPUT', summary, { fields });
  if (listed) error.message = `${error.message}: ${listed}`;
  return error;
}

export function notFound(entity: Entity, key: string): AppError {
  return appError('NOT_FOUND', 'notFound', { what: ENTITIES[entity], key });
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
