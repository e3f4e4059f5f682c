import { MessageText, bilingual, isAppError, message, messageText } from '@opendata/common';
import { Request, Response } from 'express';
import { toPublicError } from '../http/http-error.filter';

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

/** Every route of CKAN's action API (v3) lives under this prefix. */
export const CKAN_ROUTES = '/api/3/';

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

export const ckanNotFound = (text: MessageText = messageText('ckan.notFound')): CkanError => new CkanError(404, { __type: 'Not Found Error', message: bilingual(text) });

/** CKAN reports invalid parameters per field: `{ __type: "Validation Error", field: ["message"] }`, status 409. */
export function ckanValidation(fields: Record<string, string>): CkanError {
  const perField = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v]]));
  return new CkanError(409, { __type: 'Validation Error', ...perField });
}

/** What CKAN answers when Solr refuses the parameters of package_search (status 400). */
export function ckanSearchQueryError(text: MessageText): CkanError {
  return new CkanError(400, { __type: 'Search Query Error', message: bilingual(text) });
}

/**
 * Any error of a CKAN route in CKAN's terms, whatever raised it: the action layer (CkanError), the platform's
 * services (AppError), the authentication and rate-limit middleware, the router (no such route), the body
 * parser. Statuses are CKAN's: 409 for invalid input, 403 for every authentication or permission problem
 * (CKAN has no 401), 404, and 500 with no details.
 */
export function toCkanError(error: unknown): CkanError {
  if (error instanceof CkanError) return error;
  if (isAppError(error) && error.code === 'BAD_USER_INPUT' && error.details?.fields?.length) {
    return ckanValidation(Object.fromEntries(error.details.fields.map((f) => [f.path, f.message])));
  }
  const { status, message: said, text, reason } = toPublicError(error);
  if (status === 400 && isAppError(error)) return ckanValidation({ message: said });
  if (status === 409) return ckanValidation({ message: said });
  if (status === 401 || status === 403) return new CkanError(403, { __type: 'Authorization Error', message: message('ckan.accessDenied', { reason: text }) });
  if (status === 404) return ckanNotFound();
  if (status === 429) return new CkanError(429, { __type: 'Rate Limit Error', message: said });
  if (status < 500) return new CkanError(status, { __type: 'Bad Request', message: message('ckan.badRequest', { reason: reason ?? text }) });
  return new CkanError(status, { __type: 'Internal Server Error', message: message('ckan.internal') });
}

/**
 * Writes an error of a CKAN route in CKAN's envelope; the one place CKAN errors are shaped (the application's
 * error filter hands it every error of /api/3/).
 */
export function ckanErrorWriter(publicUrl: string): (exception: unknown, request: Request, response: Response) => void {
  return (exception, request, response) => {
    const error = toCkanError(exception);
    const action = /^\/api\/3\/action\/([^/?#]*)/.exec(request.originalUrl)?.[1] ?? '';
    const body: CkanFailure = { help: helpUrl(publicUrl, safeDecode(action)), success: false, error: error.body };
    response.status(error.status).json(body);
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
