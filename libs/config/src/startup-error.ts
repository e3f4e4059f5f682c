/**
 * A start-up failure the operator can fix (a port in use, a data directory that cannot be written, a database
 * or object store that cannot be reached, a second server on the same DATA_DIR). Its message is the whole
 * story: the entry points print it as one line, without a stack trace, and exit non-zero.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** The part of a system error a person can act on: `EACCES: permission denied, mkdir '/srv/data'`. */
export function systemReason(error: unknown): string {
  // Duck-typed: errors of Node's own modules may come from another realm (test runners), where instanceof fails.
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
