import { AppError, BilingualText, appError, messageText } from '@opendata/common';
import { AppConfig } from '@opendata/config';
import { Readable } from 'node:stream';

export interface SemaphoreOptions {
  /** Holders at once (uploads hold a database connection and a transaction each). */
  limit: number;
  /** Callers that may wait for a slot beyond those; 0 refuses at once when every slot is taken. */
  queueLength: number;
  /** How long one caller waits at most. */
  waitMs: number;
  /** What is being held, for messages: 上传 (uploads). */
  what?: BilingualText;
}

export interface SemaphoreState {
  running: number;
  waiting: number;
}

interface Waiter {
  grant(): void;
}

/** Until holds have been timed, a first guess of when a slot frees up. */
const DEFAULT_RETRY_SECONDS = 5;
const MAX_RETRY_SECONDS = 600;

/**
 * At most `limit` holders at once; up to `queueLength` more wait their turn in arrival order, each for at most
 * `waitMs`. A caller beyond the queue, or one that waited too long, gets SERVICE_UNAVAILABLE with
 * `retryAfterSeconds` (the HTTP layer sends it as Retry-After), estimated from how long holds have lasted. A
 * waiting caller whose signal aborts (its client went away) leaves the queue at once and takes no slot.
 */
export class Semaphore {
  private held = 0;
  private readonly queue: Waiter[] = [];
  /** Moving average of how long a hold lasts, in ms; null until one has ended. */
  private averageHoldMs: number | null = null;

  constructor(private readonly options: SemaphoreOptions) {}

  get state(): SemaphoreState {
    return { running: this.held, waiting: this.queue.length };
  }

  /** A slot for a request whose body waits unread meanwhile: given up at once if its client goes away. */
  async acquireFor(body: Readable, clientGone?: AbortSignal | null): Promise<() => void> {
    const closed = abortWhenClosed(body, clientGone);
    try {
      return await this.acquire(closed.signal);
    } finally {
      closed.dispose();
    }
  }

  /** A slot, now or after waiting; resolves to the function that gives it back (idempotent). */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    if (this.held < this.options.limit && this.queue.length === 0) {
      this.held++;
      return this.releaser();
    }
    if (this.queue.length >= this.options.queueLength) throw this.busy('full');
    await new Promise<void>((resolve, reject) => {
      const leave = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const at = this.queue.indexOf(waiter);
        if (at >= 0) this.queue.splice(at, 1);
      };
      const onAbort = () => {
        leave();
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        // The slot passes from the releasing holder straight to this waiter: `held` does not change.
        grant: () => {
          leave();
          resolve();
        },
      };
      const timer = setTimeout(() => {
        leave();
        reject(this.busy('timeout'));
      }, this.options.waitMs);
      // A wait never keeps a stopping process alive.
      timer.unref();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
    });
    return this.releaser();
  }

  private releaser(): () => void {
    const since = Date.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const ms = Date.now() - since;
      this.averageHoldMs = this.averageHoldMs === null ? ms : 0.8 * this.averageHoldMs + 0.2 * ms;
      const next = this.queue[0];
      if (next) next.grant();
      else this.held--;
    };
  }

  /** When a slot is likely free again for a newcomer: the holds ahead of it, `limit` at a time. */
  private retryAfterSeconds(): number {
    if (this.averageHoldMs === null) return DEFAULT_RETRY_SECONDS;
    const rounds = Math.ceil((this.queue.length + 1) / this.options.limit);
    return Math.min(MAX_RETRY_SECONDS, Math.max(1, Math.ceil((rounds * this.averageHoldMs) / 1000)));
  }

  private busy(why: 'full' | 'timeout'): AppError {
    const what = this.options.what ?? messageText('slots.uploads');
    const retryAfterSeconds = this.retryAfterSeconds();
    const details = { retryAfterSeconds };
    return why === 'full'
      ? appError('SERVICE_UNAVAILABLE', 'slots.full', { held: this.held, what, waiting: this.queue.length, retry: retryAfterSeconds }, details)
      : appError('SERVICE_UNAVAILABLE', 'slots.timeout', { what, wait: this.options.waitMs / 1000, retry: retryAfterSeconds }, details);
  }
}

/** The slots of file passes (uploads, validations, schema inference) as configured: UPLOAD_CONCURRENCY, UPLOAD_QUEUE_*. */
export function uploadSemaphore(config: AppConfig, what: BilingualText): Semaphore {
  return new Semaphore({ limit: config.uploadConcurrency, queueLength: config.uploadQueueLength, waitMs: config.uploadQueueTimeoutSeconds * 1000, what });
}

/**
 * A signal that aborts when the client goes away while its upload waits: its request body closes before it is
 * read (the body's error is the reason), or `clientGone` aborts (the connection closed after the whole body had
 * arrived). `dispose` once the wait is over: the body closes normally later.
 */
export function abortWhenClosed(body: Readable, clientGone?: AbortSignal | null): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onClose = () => controller.abort(body.errored ?? new Error('the request body closed before it was read'));
  const onGone = () => controller.abort(clientGone?.reason);
  if (body.destroyed) onClose();
  else body.once('close', onClose);
  if (clientGone?.aborted) onGone();
  else clientGone?.addEventListener('abort', onGone, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      body.off('close', onClose);
      clientGone?.removeEventListener('abort', onGone);
    },
  };
}
