import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { FromThread, ToThread, fromSent } from './thread-messages';
import { ValidationEvent, ValidationJob, validationEvents } from './validation-events';

/** Bytes sent to a thread and not yet taken by its reader; beyond this the sender waits (bounded memory). */
const MAX_UNTAKEN_BYTES = 1 << 20;

/**
 * Runs the reading, checking and COPY formatting of uploads: in the request's own thread by default, or with
 * VALIDATION_THREADS on a pool of validation threads, one per upload slot. Either way the caller gets the same
 * events (validationEvents) and consumes them at its pace; with a thread, the request's thread only sends the
 * bytes as they arrive. Threads are started when first needed and kept; one whose job ends part-way (the client
 * went away, the database refused a row) is ended rather than reused, so no state of a broken upload can reach
 * the next.
 *
 * Measured on two cores with PostgreSQL and the S3 endpoint beside the API (README, benchmarks): the same
 * throughput either way, and about 60 MB more with a thread; the thread pays where cores are to spare.
 */
@Injectable()
export class ValidationThreads implements OnModuleDestroy {
  private readonly idle: Worker[] = [];
  private readonly busy = new Set<Worker>();
  private readonly threaded: boolean;
  private jobs = 0;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'validationThreads'>) {
    this.threaded = config.validationThreads;
  }

  /** The events of validating `bytes`: ask for the next once the last is handled (its rows written). */
  validate(bytes: AsyncIterable<Buffer>, job: ValidationJob): AsyncIterable<ValidationEvent> {
    return this.threaded ? this.onThread(bytes, job) : validationEvents(bytes, job);
  }

  private async *onThread(bytes: AsyncIterable<Buffer>, spec: ValidationJob): AsyncGenerator<ValidationEvent, void, undefined> {
    const worker = this.idle.pop() ?? startWorker();
    worker.ref();
    this.busy.add(worker);
    const job = new ThreadJob(worker, ++this.jobs, spec);
    const sending = job.send(bytes);
    sending.catch((error: unknown) => job.fail(error));
    let reusable = false;
    try {
      for (;;) {
        const event = await job.next();
        if (event.type === 'end') {
          await sending;
          reusable = true;
          yield event;
          return;
        }
        yield event;
        if (event.type === 'rows') job.written();
      }
    } finally {
      job.close();
      // The sending loop ends at its next chunk, closing the bytes' source, before the thread serves another job.
      await sending.catch(() => undefined);
      this.release(worker, reusable);
    }
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  /** Ends every thread (at shutdown). */
  async close(): Promise<void> {
    const all = [...this.idle, ...this.busy];
    this.idle.length = 0;
    this.busy.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }

  private release(worker: Worker, reusable: boolean): void {
    this.busy.delete(worker);
    if (reusable) {
      worker.unref(); // an idle thread does not keep the process alive
      this.idle.push(worker);
    } else {
      void worker.terminate();
    }
  }
}

/**
 * One job on a thread: sends it the bytes as they arrive, waiting while it has too many untaken, and hands out
 * the events it sends back, in order. The job's end or failure (or the worker's) stops both.
 */
class ThreadJob {
  private untaken = 0;
  /** The job's end or failure has arrived: no more bytes are needed. */
  private ended = false;
  private readonly events: ValidationEvent[] = [];
  private failure: { error: unknown } | null = null;
  private wakeReader: (() => void) | null = null;
  private wakeSender: (() => void) | null = null;
  private readonly onMessage = (message: FromThread) => {
    if (message.job !== this.id) return;
    if (message.type === 'taken') {
      this.untaken -= message.bytes;
      this.wakeSender?.();
    } else if (message.type === 'event') {
      if (message.event.type === 'end') this.ended = true;
      this.events.push(fromSent(message.event));
      this.wakeReader?.();
    } else {
      this.fail(new Error(`validation thread: ${message.message}`));
    }
  };
  private readonly onError = (error: Error) => this.fail(error);
  private readonly onExit = (code: number) => this.fail(new Error(`validation thread exited with code ${code}`));

  constructor(
    private readonly worker: Worker,
    private readonly id: number,
    spec: ValidationJob,
  ) {
    worker.on('message', this.onMessage).on('error', this.onError).on('exit', this.onExit);
    this.post({ job: id, type: 'start', spec });
  }

  async send(bytes: AsyncIterable<Buffer>): Promise<void> {
    for await (const chunk of bytes) {
      if (this.ended) return; // the reader stopped early (an unreadable file): the rest is not needed
      // A copy of the view alone, handed over: posting the Buffer itself would copy the whole pool it is cut from.
      const copy = new Uint8Array(chunk);
      this.untaken += copy.byteLength; // before the hand-over, which leaves `copy` empty
      this.worker.postMessage({ job: this.id, type: 'bytes', chunk: copy } satisfies ToThread, [copy.buffer]);
      while (this.untaken > MAX_UNTAKEN_BYTES && !this.ended) {
        await new Promise<void>((resolve) => (this.wakeSender = resolve));
        this.wakeSender = null;
      }
    }
    this.post({ job: this.id, type: 'end' });
  }

  /** The next event, once it has arrived; rejects when the job failed. */
  async next(): Promise<ValidationEvent> {
    for (;;) {
      const event = this.events.shift();
      if (event) return event;
      if (this.failure) throw this.failure.error;
      await new Promise<void>((resolve) => (this.wakeReader = resolve));
      this.wakeReader = null;
    }
  }

  /** The last `rows` event has been consumed: the thread may send more. */
  written(): void {
    this.post({ job: this.id, type: 'written' });
  }

  fail(error: unknown): void {
    this.failure ??= { error };
    this.ended = true;
    this.wakeReader?.();
    this.wakeSender?.();
  }

  close(): void {
    this.ended = true;
    this.wakeSender?.();
    this.worker.off('message', this.onMessage).off('error', this.onError).off('exit', this.onExit);
  }

  private post(message: ToThread): void {
    this.worker.postMessage(message);
  }
}

/** The compiled thread script beside this file, or (tests and scripts run from sources) the TypeScript one. */
function startWorker(): Worker {
  const compiled = join(__dirname, 'validation-worker.js');
  // Most of what the thread allocates dies within a batch of rows: a smaller young generation than the default
  // (48 MB) costs little collection time and keeps the server's memory bounded with uploads in every slot.
  const resourceLimits = { maxYoungGenerationSizeMb: 24 };
  if (existsSync(compiled)) return new Worker(compiled, { resourceLimits });
  return new Worker(join(__dirname, 'validation-worker.ts'), { resourceLimits, execArgv: ['--require', '@swc-node/register'] });
}
