import { TextDecoder } from 'node:util';
import { ByteError, ValidatedEncoding, findByteError, incompleteTailLength } from './byte-validators';
import { EncodingError } from './read-errors';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'latin1';

/** Text decoded from one chunk, and the error to throw once that text has been used. */
export interface DecodedChunk {
  text: string;
  error: EncodingError | null;
}

const EMPTY = new Uint8Array(0);

/**
 * A streaming, strict decoder that knows where it is in the file. The native TextDecoder does the work;
 * when it rejects a chunk, the chunk (with the bytes carried over from the previous one) is scanned to find
 * the first bad byte, and the valid text before it is still returned so rows up to the error are kept.
 */
export class ChunkDecoder {
  private readonly decoder: TextDecoder | null;
  /** Bytes of an incomplete character at the end of the previous chunk (held inside the TextDecoder too). */
  private pending: Uint8Array = EMPTY;
  /** File position of `pending[0]`: every byte before it has been decoded. */
  private position = 0;
  private atStart = true;

  constructor(readonly encoding: TextEncodingName) {
    // Latin-1 maps every byte and has no state; TextDecoder('latin1') would be windows-1252 (WHATWG).
    this.decoder = encoding === 'latin1' ? null : new TextDecoder(encoding, { fatal: true });
  }

  decode(chunk: Uint8Array): DecodedChunk {
    if (!this.decoder) return { text: Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('latin1'), error: null };
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      return this.failure(chunk, false);
    }
    const joined = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const tail = incompleteTailLength(this.encoding as ValidatedEncoding, joined);
    this.position += joined.length - tail;
    // A copy: a view would keep the whole chunk alive.
    this.pending = tail === 0 ? EMPTY : new Uint8Array(joined.subarray(joined.length - tail));
    return { text: this.stripBom(text), error: null };
  }

  end(): DecodedChunk {
    if (!this.decoder) return { text: '', error: null };
    try {
      return { text: this.stripBom(this.decoder.decode()), error: null };
    } catch {
      return this.failure(EMPTY, true);
    }
  }

  private failure(chunk: Uint8Array, final: boolean): DecodedChunk {
    const joined = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const encoding = this.encoding as ValidatedEncoding;
    // The scanner and ICU should agree; if they ever do not, blame the start of the chunk rather than nothing.
    const found: ByteError = findByteError(encoding, joined, final) ?? { offset: 0, reason: 'invalid data' };
    const before = new TextDecoder(encoding, { ignoreBOM: this.position > 0 }).decode(joined.subarray(0, found.offset));
    const error = encodingError(encoding, this.position + found.offset, joined[found.offset] ?? -1, found.reason);
    return { text: this.stripBom(before), error };
  }

  /** UTF-8 and UTF-16 BOMs are dropped by TextDecoder; a GB18030 BOM (84 31 95 33) decodes to U+FEFF. */
  private stripBom(text: string): string {
    if (!this.atStart || text.length === 0 || this.encoding !== 'gb18030') return text;
    this.atStart = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

/** Worded like Python's codecs, which frictionless-py reports verbatim. */
export function encodingError(encoding: string, position: number, byte: number, reason: string): EncodingError {
  const hex = byte < 0 ? 'end of data' : `0x${byte.toString(16).padStart(2, '0')}`;
  return new EncodingError(encoding, position, byte, `'${encoding}' codec can't decode byte ${hex} in position ${position}: ${reason}`);
}
