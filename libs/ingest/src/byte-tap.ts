import { appError } from '@opendata/common';
import { Hash, createHash } from 'node:crypto';
import { once } from 'node:events';
import { Writable } from 'node:stream';

/**
 * The bytes of an upload on their way through: counted against the size limit, hashed, and written to a second
 * consumer (the object store) as they pass to the first (the reader). Waits for the second consumer when it
 * falls behind, so that neither side buffers the file.
 */
export class ByteTap {
  readonly hash: Hash = createHash('sha256');
  bytes = 0;

  constructor(
    private readonly copy: Writable,
    private readonly maxBytes = Infinity,
  ) {}

  /** Fails with PAYLOAD_TOO_LARGE before passing on the chunk that would go beyond `maxBytes`. */
  async *pass(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      if (this.bytes + chunk.length > this.maxBytes) throw appError('PAYLOAD_TOO_LARGE', 'upload.tooLarge', { max: this.maxBytes });
      this.hash.update(chunk);
      this.bytes += chunk.length;
      if (!this.copy.write(chunk)) await drained(this.copy);
      yield chunk;
    }
    this.copy.end();
  }

  sha256(): string {
    return this.hash.digest('hex');
  }
}

/** Resolves on 'drain', rejects on 'error'; either way no listener is left behind (this runs per chunk). */
async function drained(stream: Writable): Promise<void> {
  const done = new AbortController();
  try {
    await Promise.race([once(stream, 'drain', { signal: done.signal }), once(stream, 'error', { signal: done.signal }).then(([error]) => Promise.reject(error))]);
  } finally {
    done.abort();
  }
}
