import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { CopyText, copyFieldOrder } from '@opendata/datastore';
import { ReportBuilder, TableValidation, validateTable } from '@opendata/validation';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { FromThread, ThreadResult, ToThread, ValidationJob, tableOptions } from './thread-messages';

/** Bytes sent to a thread and not yet taken by its reader; beyond this the sender waits (bounded memory). */
const MAX_UNTAKEN_BYTES = 1 << 20;

/** Where formatted rows go: a CopyWriter. */
export interface RowTextSink {
  start(fieldOrder: number[]): void;
  write(text: string, rows: number): Promise<void>;
}

/**
 * Runs the reading, checking and COPY formatting of uploads: in the request's own thread by default, or with
 * VALIDATION_THREADS on a pool of validation threads, one per upload slot. There the request's thread sends the
 * bytes as they arrive and writes the COPY text that comes back. Threads are started when first needed and kept;
 * one whose job fails part-way (the client went away, the database refused a row) is ended rather than reused,
 * so no state of a broken upload can reach the next.
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

  validate(bytes: AsyncIterable<Buffer>, spec: ValidationJob, sink: RowTextSink | null): Promise<TableValidation> {
    return this.threaded ? this.onThread(bytes, spec, sink) : validateHere(bytes, spec, sink);
  }

  private async onThread(bytes: AsyncIterable<Buffer>, spec: ValidationJob, sink: RowTextSink | null): Promise<TableValidation> {
    const worker = this.idle.pop() ?? startWorker();
    worker.ref();
    this.busy.add(worker);
    const job = ++this.jobs;
    const post = (message: ToThread) => worker.postMessage(message);
    let untaken = 0;
    let finished = false;
    let wakeSender: (() => void) | null = null;
    let writes: Promise<void> = Promise.resolve();
    const outcome = new Promise<ThreadResult>((resolve, reject) => {
      const onMessage = (message: FromThread) => {
        if (message.job !== job) return;
        if (message.type === 'taken') {
          untaken -= message.bytes;
          wakeSender?.();
        } else if (message.type === 'layout') {
          sink?.start(message.fieldOrder);
        } else if (message.type === 'rows') {
          // Written in arrival order: each write starts synchronously, before the next message is handled.
          const written = sink!.write(message.text, message.rows);
          written.then(() => post({ job, type: 'written' }), (error: unknown) => fail(error));
          // A failed write has failed the outcome already (just above); the chain only orders the ending.
          writes = writes.then(() => written).catch(() => undefined);
        } else if (message.type === 'done') {
          finish();
          writes.then(() => resolve(message.result), reject);
        } else {
          fail(new Error(`validation thread: ${message.message}`));
        }
      };
      const onError = (error: Error) => fail(error);
      const onExit = (code: number) => fail(new Error(`validation thread exited with code ${code}`));
      const finish = () => {
        finished = true;
        wakeSender?.();
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      };
      const fail = (error: unknown) => {
        if (finished) return;
        finish();
        reject(error);
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    });
    outcome.catch(() => undefined);
    post({ job, type: 'start', spec, copy: sink !== null });
    try {
      for await (const chunk of bytes) {
        if (finished) break; // the reader stopped early (an unreadable file): the rest is not needed
        // A copy of the view alone, handed over: posting the Buffer itself would copy the whole pool it is cut from.
        const copy = new Uint8Array(chunk);
        untaken += copy.byteLength; // before the hand-over, which leaves `copy` empty
        worker.postMessage({ job, type: 'bytes', chunk: copy } satisfies ToThread, [copy.buffer]);
        while (untaken > MAX_UNTAKEN_BYTES && !finished) await new Promise<void>((resolve) => (wakeSender = resolve));
      }
      post({ job, type: 'end' });
      const result = await outcome;
      this.release(worker, true);
      return {
        report: ReportBuilder.fromState(result.report),
        format: result.format,
        encoding: result.encoding,
        rowCount: result.rowCount,
        fieldColumns: result.fieldColumns,
      };
    } catch (error) {
      this.release(worker, false);
      throw error;
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

/** The same work in this thread: what a validation thread does (validation-worker.ts), without the messages. */
export async function validateHere(bytes: AsyncIterable<Buffer>, spec: ValidationJob, sink: RowTextSink | null): Promise<TableValidation> {
  let text = new CopyText([]);
  return validateTable(bytes, {
    ...tableOptions(spec),
    sink: sink ? {
      header: (fieldColumns) => {
        const fieldOrder = copyFieldOrder(fieldColumns);
        text = new CopyText(fieldOrder);
        sink.start(fieldOrder);
      },
      row: (rowNumber, values, line) => text.row(rowNumber, values, line),
      flush: async () => {
        const rows = text.pending;
        if (rows > 0) await sink.write(text.take(), rows);
      },
    } : undefined,
  });
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
