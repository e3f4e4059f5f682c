import { TextDecoder } from 'node:util';
import { MessageKey, messageText } from '@opendata/common';
import { ByteError, ValidatedEncoding, findByteError, incompleteTailLength } from './byte-validators';
import { EncodingError, NotTextError } from './read-errors';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'latin1';

/** Text decoded from one chunk, and the error to throw once that text has been used. */
export interface DecodedChunk {
  text: string;
  /** Bytes the encoding cannot decode, or a NUL character, which no row can be stored with. */
  error: EncodingError | NotTextError | null;
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
    if (!this.decoder) {
      const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('latin1');
      const nul = text.indexOf('\u0000');
      if (nul >= 0) return { text: text.slice(0, nul), error: nulError(this.encoding, this.position + nul) };
      this.position += chunk.length;
      return { text, error: null };
    }
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      return this.failure(chunk, false);
    }
    const joined = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    // One native scan of the text; the byte position is looked for only when there is a NUL.
    if (text.indexOf('\u0000') >= 0) return this.stopAtNul(joined, text);
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

  /**
   * The text before the first NUL, and the error naming its byte. In UTF-8, GB18030 and Latin-1 a 0x00 byte
   * is a NUL and nothing else; in UTF-16 every character is two bytes (after a two-byte BOM at the start).
   */
  private stopAtNul(joined: Buffer | Uint8Array, text: string): DecodedChunk {
    let offset: number;
    if (this.encoding === 'utf-16le' || this.encoding === 'utf-16be') {
      const bom = this.position === 0 && (joined[0] === 0xff || joined[0] === 0xfe) ? 2 : 0;
      offset = bom + 2 * text.indexOf('\u0000');
    } else offset = Buffer.from(joined.buffer, joined.byteOffset, joined.length).indexOf(0);
    const before = new TextDecoder(this.encoding as ValidatedEncoding, { ignoreBOM: this.position > 0 }).decode(joined.subarray(0, offset));
    return { text: this.stripBom(before), error: nulError(this.encoding, this.position + offset) };
  }

  /** UTF-8 and UTF-16 BOMs are dropped by TextDecoder; a GB18030 BOM (84 31 95 33) decodes to U+FEFF. */
  private stripBom(text: string): string {
    if (!this.atStart || text.length === 0 || this.encoding !== 'gb18030') return text;
    this.atStart = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

/** Python's codec reasons (as the byte validators give them), each with its message. */
const REASONS: Record<string, Extract<MessageKey, `read.reason.${string}`>> = {
  'invalid start byte': 'read.reason.invalidStartByte',
  'invalid continuation byte': 'read.reason.invalidContinuationByte',
  'unexpected end of data': 'read.reason.unexpectedEnd',
  'illegal multibyte sequence': 'read.reason.illegalMultibyte',
  'incomplete multibyte sequence': 'read.reason.incompleteMultibyte',
  'illegal encoding': 'read.reason.illegalEncoding',
  'illegal UTF-16 surrogate': 'read.reason.illegalSurrogate',
  'truncated data': 'read.reason.truncated',
};

/** Worded like Python's codecs, which frictionless-py reports verbatim. */
export function encodingError(encoding: string, position: number, byte: number, reason: string): EncodingError {
  const hex = byte < 0 ? messageText('read.endOfData') : `0x${byte.toString(16).padStart(2, '0')}`;
  const why = messageText(REASONS[reason] ?? 'read.reason.invalidData');
  return new EncodingError(encoding, position, byte, messageText('read.cannotDecode', { encoding, byte: hex, position, reason: why }));
}

/**
 * PostgreSQL text holds no NUL character, so a row containing one could never be stored: the file is refused
 * where the NUL is (a format-error). UTF-16 text without a byte order mark, read as UTF-8, is NUL every other
 * byte: the message says what to do then.
 */
export function nulError(encoding: string, position: number): NotTextError {
  return new NotTextError('nul', messageText(encoding.startsWith('utf-16') ? 'read.nul' : 'read.nulNoBom', { position, encoding }));
}
