import { parentPort } from 'node:worker_threads';
import { FromThread, ToThread, toSent } from './thread-messages';
import { ValidationJob, validationEvents } from './validation-events';

/**
 * A validation thread: reads, checks and formats one upload at a time, as the request's thread sends its bytes,
 * and sends back the events of validationEvents, the same the request's thread would produce itself. Parsing
 * and checking every cell is most of an upload's work; here it runs beside the thread that serves HTTP, hashes
 * the bytes, stores the object and writes the COPY, instead of on it.
 */

/** `rows` events sent and not yet consumed by the other side; beyond this the thread waits (bounded memory). */
const MAX_UNWRITTEN = 16;
/**
 * About 30 KB of text per `rows` event: a string copied into the other thread's heap, small enough to be young
 * garbage there, collected as soon as it is written. A larger string would be a large object, and UTF-8 bytes a
 * buffer outside the heap, both left to that thread's rare full collections.
 */
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

/** `rows` events the other side has not consumed yet. */
class Unwritten {
  private count = 0;
  private wake: (() => void) | null = null;

  sent(): void {
    this.count++;
  }

  written(): void {
    this.count--;
    this.wake?.();
  }

  async room(): Promise<void> {
    while (this.count >= MAX_UNWRITTEN) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  }
}

let current: { job: number; inbox: Inbox; unwritten: Unwritten } | null = null;

async function run(job: number, spec: ValidationJob, inbox: Inbox, unwritten: Unwritten): Promise<void> {
  try {
    for await (const event of validationEvents(inbox, spec, ROWS_PER_MESSAGE)) {
      send({ job, type: 'event', event: toSent(event) });
      if (event.type !== 'rows') continue;
      unwritten.sent();
      await unwritten.room();
    }
  } catch (error) {
    send({ job, type: 'failed', message: error instanceof Error ? error.message : String(error) });
  } finally {
    if (current?.job === job) current = null;
  }
}

port.on('message', (message: ToThread) => {
  if (message.type === 'start') {
    current = { job: message.job, inbox: new Inbox(message.job), unwritten: new Unwritten() };
    void run(message.job, message.spec, current.inbox, current.unwritten);
    return;
  }
  if (!current || current.job !== message.job) return; // a late message of an ended job
  if (message.type === 'bytes') current.inbox.push(message.chunk);
  else if (message.type === 'end') current.inbox.end();
  else current.unwritten.written();
});
