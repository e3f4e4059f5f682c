import { AppError, appError } from './app-error';

/**
 * The last line behind the input checks: a value PostgreSQL could not take as its type (SQLSTATE class 22,
 * "data exception": an impossible date, a number out of range, a NUL) comes from what a client sent, since the
 * platform's own SQL casts nothing else. Where no check named the field first, the client still gets
 * BAD_USER_INPUT with PostgreSQL's reason (`date/time field value out of range: "2026-02-30"`), not a 500.
 * The error filters apply it; a service that can name the field should check the value itself.
 */
export function fromDataException(error: unknown): AppError | null {
  const failure = error as { code?: unknown; driverError?: { code?: unknown }; message?: unknown } | null;
  const code = failure?.driverError?.code ?? failure?.code;
  if (typeof code !== 'string' || !/^22[0-9A-Z]{3}$/.test(code)) return null;
  const reason = typeof failure?.message === 'string' ? failure.message : code;
  return appError('BAD_USER_INPUT', 'input.dataException', { reason }, { sqlState: code });
}
