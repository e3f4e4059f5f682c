import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ErrorCode, HTTP_STATUS_BY_CODE, MessageKey, MessageText, bilingual, fromDataException, isAppError, messageText } from '@opendata/common';
import { Request, Response } from 'express';

interface PublicError {
  status: number;
  code: string;
  /** The message clients show: Chinese first, the English after it (`text` rendered). */
  message: string;
  messageKey: MessageKey;
  text: MessageText;
  /** What the framework or the body parser said (English only), for an envelope that words its refusal itself. */
  reason?: string;
  details?: Record<string, unknown>;
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

function publicError(status: number, code: string, text: MessageText, details?: Record<string, unknown>): PublicError {
  return { status, code, message: bilingual(text), messageKey: text.key, text, ...(details ? { details } : {}) };
}

/** Maps any error to its public shape once, for REST routes (and errors raised before GraphQL runs). */
export function toPublicError(thrown: unknown): PublicError {
  const exception = fromDataException(thrown) ?? thrown;
  if (isAppError(exception)) {
    const error = publicError(HTTP_STATUS_BY_CODE[exception.code], exception.code, exception.text, exception.details);
    // badInput lists its fields after the summary.
    return { ...error, message: exception.message };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const said = typeof body === 'object' && body && 'message' in body ? String((body as { message: unknown }).message) : exception.message;
    return { ...publicError(status, CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_USER_INPUT'), frameworkText(status, said)), reason: said };
  }
  // Errors of the body parser (malformed JSON, oversized bodies) carry an HTTP status.
  const failure = exception as { status?: number; type?: string; message?: string } | null;
  const status = failure?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { ...publicError(status, CODE_BY_STATUS[status] ?? 'BAD_USER_INPUT', bodyParserText(failure?.type, String(failure?.message))), reason: String(failure?.message) };
  }
  return publicError(500, 'INTERNAL', messageText('error.internal'));
}

/** Nest's own refusals: an unknown route ("Cannot GET /x"), or a status raised by the framework. */
function frameworkText(status: number, said: string): MessageText {
  const route = /^Cannot ([A-Z]+) (.*)$/.exec(said);
  if (status === 404 && route) return messageText('http.routeNotFound', { method: route[1], path: route[2] });
  return status >= 500 ? messageText('error.internal') : messageText('http.badRequest', { reason: said });
}

/** The body parser's errors, by their type (its messages are English only). */
function bodyParserText(type: string | undefined, said: string): MessageText {
  if (type === 'entity.too.large') return messageText('http.bodyTooLarge');
  if (type === 'entity.parse.failed') return messageText('http.badJson', { reason: said });
  return messageText('http.badRequest', { reason: said });
}

/** Writes the errors of a family of routes whose clients expect another shape (the CKAN API: CKAN's envelope). */
export interface RouteErrorShape {
  /** Path prefix of the routes, e.g. `/api/3/`. */
  prefix: string;
  write(exception: unknown, request: Request, response: Response): void;
}

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly shapes: readonly RouteErrorShape[] = []) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    // Inside GraphQL execution errors belong to Apollo, which formats them (formatGraphqlError).
    if (host.getType<string>() === 'graphql') return exception;
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const error = toPublicError(exception);
    if (error.status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    if (response.headersSent) return response.end();
    // A busy server says when to come back (uploads beyond the queue, quotas).
    const retryAfter = error.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    // Errors raised anywhere (middleware, router, body parser, handler) take the shape their route family promises.
    // originalUrl: inside middleware mounted on a path, `path` is relative to the mount point.
    const shape = this.shapes.find((s) => request.originalUrl.startsWith(s.prefix));
    if (shape) return shape.write(exception, request, response);
    if (request.originalUrl.startsWith('/graphql')) {
      // GraphQL clients expect the GraphQL error shape even for errors raised before execution (401, 413).
      const fields = error.details?.fields;
      const extensions = { code: error.code, messageKey: error.messageKey, ...(fields ? { fields } : {}) };
      return response.status(error.status).json({ errors: [{ message: error.message, extensions }] });
    }
    const { code, messageKey, message, details } = error;
    return response.status(error.status).json({ code, messageKey, message, ...(details ? { details } : {}) });
  }
}

