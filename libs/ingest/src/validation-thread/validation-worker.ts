import { parentPort } from 'node:worker_threads';
import { CopyText, copyFieldOrder } from '@opendata/datastore';
import { CellValue, validateTable } from '@opendata/validation';
import { FromThread, ToThread, ValidationJob, tableOptions } from './thread-messages';

/**
 * A validation thread: reads, checks and formats one upload at a time, as the request's thread sends its bytes.
 * Parsing and checking every cell is most of an upload's work; here it runs beside the thread that serves
 * HTTP, hashes the bytes, stores the object and writes the COPY, instead of on it.
 */

/** COPY texts sent and not yet written by the other side; beyond this the thread waits (bounded memory). */
const MAX_UNWRITTEN = 16;
/** About 30 KB of text: see RowSender.send. */
const ROWS_PER_MESSAGE = 250;

const port = parentPort!;
const send = (message: FromThread) => port.postMessage(message);

/** The current job's input, as the reader pulls it. */
class Inbox implements AsyncIterable<Buffer> {
  private readonly chunks: Uint8Array[] = [];
  private ended = false;
  private wake: (() => void) | null = null;

  constructor(private readonly job: number) {}

  push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.wake?.();
  }

  end(): void {
    this.ended = true;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    for (;;) {
      const chunk = this.chunks.shift();
      if (chunk) {
        send({ job: this.job, type: 'taken', bytes: chunk.byteLength });
        yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      } else if (this.ended) {
        return;
      } else {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
      }
    }
  }
}

/** Sends formatted rows back, waiting while too many are unwritten. */
class RowSender {
  private text = new CopyText([]);
  private unwritten = 0;
  private wake: (() => void) | null = null;

  constructor(private readonly job: number) {}

  written(): void {
    this.unwritten--;
    this.wake?.();
  }

  /** The header's layout decides the COPY's columns: the other side starts the COPY with them. */
  header(fieldColumns: number[]): void {
    const fieldOrder = copyFieldOrder(fieldColumns);
    this.text = new CopyText(fieldOrder);
    send({ job: this.job, type: 'layout', fieldOrder });
  }

  readonly row = (rowNumber: number, values: ReadonlyArray<CellValue | null>, line: string | null): void => {
    this.text.row(rowNumber, values, line);
    if (this.text.pending === ROWS_PER_MESSAGE) this.send();
  };

  readonly flush = async (): Promise<void> => {
    if (this.text.pending > 0) this.send();
    while (this.unwritten >= MAX_UNWRITTEN) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  };

  /**
   * A string, copied into the other thread's heap. Small enough to be young garbage there, collected as soon as
   * it is written: a larger string would be a large object, and UTF-8 bytes a buffer outside the heap, both left
   * to that thread's rare full collections.
   */
  private send(): void {
    const rows = this.text.pending;
    this.unwritten++;
    send({ job: this.job, type: 'rows', text: this.text.take(), rows });
  }
}

let current: { job: number; inbox: Inbox; sender: RowSender } | null = null;

async function run(job: number, spec: ValidationJob, copy: boolean, inbox: Inbox, sender: RowSender): Promise<void> {
  try {
    const result = await validateTable(inbox, { ...tableOptions(spec), sink: copy ? sender : undefined });
    send({
      job,
      type: 'done',
      result: { report: result.report.state(), format: result.format, encoding: result.encoding, rowCount: result.rowCount, fieldColumns: result.fieldColumns },
    });
  } catch (error) {
    send({ job, type: 'failed', message: error instanceof Error ? error.message : String(error) });
  } finally {
    if (current?.job === job) current = null;
  }
}

port.on('message', (message: ToThread) => {
  if (message.type === 'start') {
    current = { job: message.job, inbox: new Inbox(message.job), sender: new RowSender(message.job) };
    void run(message.job, message.spec, message.copy, current.inbox, current.sender);
    return;
  }
  if (!current || current.job !== message.job) return; // a late message of an ended job
  if (message.type === 'bytes') current.inbox.push(message.chunk);
  else if (message.type === 'end') current.inbox.end();
  else current.sender.written();
});
