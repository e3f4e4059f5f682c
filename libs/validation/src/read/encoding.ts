import { isUtf8 } from 'node:buffer';
import { messageText } from '@opendata/common';
import { findGb18030Error, findUtf8Error, utf8TailLength } from './byte-validators';
import { ChunkDecoder, DecodedChunk, TextEncodingName, encodingError } from './chunk-decoder';
import { detectBinaryKind } from './magic-bytes';
import { EncodingError, NotTextError } from './read-errors';

export { EncodingError, NotTextError } from './read-errors';
export type { TextEncodingName } from './chunk-decoder';

/** Bytes looked at to choose an encoding when there is no BOM. */
export const DETECTION_WINDOW = 64 * 1024;

const ALIASES: Record<string, TextEncodingName> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-8-sig': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16-le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'utf-16-be': 'utf-16be',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
  latin1: 'latin1',
  'latin-1': 'latin1',
  'iso-8859-1': 'latin1',
  'iso8859-1': 'latin1',
};

/** The encoding a label names, or null when it is not one we decode. GBK and GB2312 decode as GB18030. */
export function normalizeEncoding(label: string): TextEncodingName | null {
  return ALIASES[label.trim().toLowerCase()] ?? null;
}

export interface DecodedText {
  text: AsyncIterable<string>;
  /** Resolves once detected, before the first text chunk; rejects with the detection error. */
  encoding: Promise<TextEncodingName>;
}

interface Start {
  encoding: TextEncodingName;
  window: Buffer;
  done: boolean;
}

/**
 * Turns a byte stream into a text stream. Detection starts at once (it reads the first window), so
 * `encoding` can be awaited before iterating `text`; iterate `text` to the end (or break) to release `bytes`.
 * Memory: the detection window plus one chunk. An unknown forced encoding throws a RangeError here.
 */
export function decodeText(bytes: AsyncIterable<Uint8Array>, options: { encoding?: string } = {}): DecodedText {
  const forced = options.encoding === undefined || options.encoding === '' ? null : normalizeEncoding(options.encoding);
  if (options.encoding && !forced) throw new RangeError(`unsupported encoding: ${options.encoding}`);
  const source = bytes[Symbol.asyncIterator]();
  const start = begin(source, forced);
  const encoding = start.then((s) => s.encoding);
  // Callers that only iterate the text get the error there; these keep Node from calling it unhandled.
  start.catch(() => undefined);
  encoding.catch(() => undefined);
  return { text: decodeChunks(start, source), encoding };
}

async function begin(source: AsyncIterator<Uint8Array>, forced: TextEncodingName | null): Promise<Start> {
  const { window, done } = await readWindow(source);
  const kind = detectBinaryKind(window);
  if (kind) {
    await source.return?.();
    throw new NotTextError(kind, messageText(`read.binary.${kind}`));
  }
  try {
    return { encoding: forced ?? detectEncoding(window, done), window, done };
  } catch (error) {
    await source.return?.();
    throw error;
  }
}

async function readWindow(source: AsyncIterator<Uint8Array>): Promise<{ window: Buffer; done: boolean }> {
  const parts: Buffer[] = [];
  let size = 0;
  while (size < DETECTION_WINDOW) {
    const next = await source.next();
    if (next.done) return { window: Buffer.concat(parts), done: true };
    parts.push(asBuffer(next.value));
    size += next.value.length;
  }
  return { window: parts.length === 1 ? parts[0] : Buffer.concat(parts), done: false };
}

/** A BOM decides; then UTF-8 if the window is valid UTF-8; then GB18030; otherwise an encoding error. */
export function detectEncoding(window: Uint8Array, done: boolean): TextEncodingName {
  const bom = bomEncoding(window);
  if (bom) return bom;
  // The window may end inside a character: leave those bytes to the decoder.
  const probe = done ? window : window.subarray(0, window.length - utf8TailLength(window));
  if (isUtf8(probe)) return 'utf-8';
  const gbError = findGb18030Error(window, done);
  if (!gbError) return 'gb18030';
  const utf8Error = findUtf8Error(window, done) ?? { offset: probe.length, reason: 'invalid start byte' };
  // Name the encoding that got further: its error is the one a person can act on.
  const gbFurther = gbError.offset > utf8Error.offset;
  const found = gbFurther ? gbError : utf8Error;
  const error = encodingError(gbFurther ? 'gb18030' : 'utf-8', found.offset, window[found.offset] ?? -1, found.reason);
  throw new EncodingError(error.encoding, error.bytePosition, error.byte, messageText('read.neitherUtf8NorGb', { error: error.text }));
}

function bomEncoding(bytes: Uint8Array): TextEncodingName | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33) return 'gb18030';
  return null;
}

async function* decodeChunks(start: Promise<Start>, source: AsyncIterator<Uint8Array>): AsyncGenerator<string> {
  const { encoding, window, done } = await start;
  const decoder = new ChunkDecoder(encoding);
  let finished = done;
  try {
    yield* emit(decoder.decode(window));
    while (!finished) {
      const next = await source.next();
      if (next.done) finished = true;
      else yield* emit(decoder.decode(next.value));
    }
    yield* emit(decoder.end());
  } finally {
    if (!finished) await source.return?.();
  }
}

function* emit(chunk: DecodedChunk): Generator<string> {
  if (chunk.text.length > 0) yield chunk.text;
  if (chunk.error) throw chunk.error;
}

function asBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
}
