import { AppError, isAppError } from '@opendata/common';

/**
 * CKAN's action API wraps every answer: `{ help, success, result }` or `{ help, success: false, error }` where
 * the error has a `__type` ("Not Found Error", "Validation Error", ...) and a `message`. Clients written for
 * CKAN branch on these, so they are reproduced exactly.
 */
export interface CkanSuccess<T> {
  help: string;
  success: true;
  result: T;
}

export interface CkanFailure {
  help: string;
  success: false;
  error: { __type: string; message?: string; [field: string]: unknown };
}

export function helpUrl(publicUrl: string, action: string): string {
  return `${publicUrl}/api/3/action/help_show?name=${encodeURIComponent(action)}`;
}

/** An error already in CKAN's terms (status and error object), raised by the action layer. */
export class CkanError extends Error {
  constructor(
    readonly status: number,
    readonly body: CkanFailure['error'],
  ) {
    super(String(body.message ?? body.__type));
  }
}

export const ckanNotFound = (message = 'Not found'): CkanError => new CkanError(404, { __type: 'Not Found Error', message });

/** CKAN reports invalid parameters per field: `{ __type: "Validation Error", field: ["message"] }`, status 409. */
export function ckanValidation(fields: Record<string, string>): CkanError {
  const perField = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v]]));
  return new CkanError(409, { __type: 'Validation Error', message: '参数无效 / Validation Error', ...perField });
}

/** Maps the platform's errors onto CKAN's four kinds; anything unexpected is a 500 without details. */
export function toCkanError(error: unknown): CkanError {
  if (error instanceof CkanError) return error;
  if (isAppError(error)) return fromAppError(error);
  return new CkanError(500, { __type: 'Internal Server Error', message: 'Internal server error' });
}

function fromAppError(error: AppError): CkanError {
  switch (error.code) {
    case 'NOT_FOUND':
      return ckanNotFound();
    case 'BAD_USER_INPUT': {
      const fields = error.details?.fields ?? [];
      return fields.length ? ckanValidation(Object.fromEntries(fields.map((f) => [f.path, f.message]))) : ckanValidation({ message: error.message });
    }
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
      return new CkanError(403, { __type: 'Authorization Error', message: error.message });
    case 'RATE_LIMITED':
      return new CkanError(429, { __type: 'Rate Limited', message: error.message });
    default:
      return new CkanError(error.code === 'SERVICE_UNAVAILABLE' ? 503 : 500, { __type: 'Internal Server Error', message: error.message });
  }
}
