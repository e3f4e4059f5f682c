/**
 * Byte-structure checks for the encodings we decode. TextDecoder is native and fast but only says "invalid";
 * reports need the position of the first bad byte, so these scanners run only on the chunk that failed (and
 * on the detection window), never on the whole file.
 */

export interface ByteError {
  /** Offset in the scanned bytes of the first byte that cannot be decoded (the start of the bad sequence). */
  offset: number;
  reason: string;
}

export type ValidatedEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** First UTF-8 error, with the same ranges as the WHATWG decoder (no overlongs, no surrogates). */
export function findUtf8Error(bytes: Uint8Array, final: boolean): ByteError | null {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return { offset: i, reason: 'invalid start byte' };
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return final ? { offset: i, reason: 'unexpected end of data' } : null;
      const c = bytes[i + k];
      if (c < lo || c > hi) return { offset: i, reason: 'invalid continuation byte' };
      lo = 0x80;
      hi = 0xbf;
    }
    i += need + 1;
  }
  return null;
}

const GB_ILLEGAL = 'illegal multibyte sequence';

/**
 * First GB18030 error (GBK and GB2312 are subsets). Follows the WHATWG decoder that Node's ICU build uses:
 * 0x80 alone is the euro sign, four-byte sequences are valid only in the mapped pointer ranges.
 */
export function findGb18030Error(bytes: Uint8Array, final: boolean): ByteError | null {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b <= 0x80) {
      i++;
      continue;
    }
    if (b === 0xff) return { offset: i, reason: GB_ILLEGAL };
    if (i + 1 >= n) return final ? { offset: i, reason: 'incomplete multibyte sequence' } : null;
    const b2 = bytes[i + 1];
    if (b2 >= 0x30 && b2 <= 0x39) {
      const length = fourByteLength(bytes, i, n);
      if (length < 0) return { offset: i, reason: GB_ILLEGAL };
      if (length === 0) return final ? { offset: i, reason: 'incomplete multibyte sequence' } : null;
      i += 4;
    } else if ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe)) {
      i += 2;
    } else return { offset: i, reason: GB_ILLEGAL };
  }
  return null;
}

/** 4 when the four-byte sequence at `i` is valid, 0 when the bytes end first, -1 when it is invalid. */
function fourByteLength(bytes: Uint8Array, i: number, n: number): number {
  if (i + 2 >= n) return 0;
  const b3 = bytes[i + 2];
  if (b3 < 0x81 || b3 > 0xfe) return -1;
  if (i + 3 >= n) return 0;
  const b4 = bytes[i + 3];
  if (b4 < 0x30 || b4 > 0x39) return -1;
  const pointer = (((bytes[i] - 0x81) * 10 + (bytes[i + 1] - 0x30)) * 126 + (b3 - 0x81)) * 10 + (b4 - 0x30);
  // Pointers between the BMP ranges and the supplementary planes map to nothing.
  if ((pointer > 39419 && pointer < 189000) || pointer > 1237575) return -1;
  return 4;
}

/** First UTF-16 error: an unpaired surrogate, or an odd byte at the end of the data. */
export function findUtf16Error(bytes: Uint8Array, littleEndian: boolean, final: boolean): ByteError | null {
  const n = bytes.length;
  let i = 0;
  while (i + 1 < n) {
    const unit = codeUnit(bytes, i, littleEndian);
    if (unit >= 0xdc00 && unit <= 0xdfff) return { offset: i, reason: 'illegal encoding' };
    if (unit >= 0xd800 && unit <= 0xdbff) {
      if (i + 3 >= n) return final ? { offset: i, reason: 'unexpected end of data' } : null;
      const next = codeUnit(bytes, i + 2, littleEndian);
      if (next < 0xdc00 || next > 0xdfff) return { offset: i, reason: 'illegal UTF-16 surrogate' };
      i += 4;
    } else i += 2;
  }
  if (i < n && final) return { offset: i, reason: 'truncated data' };
  return null;
}

function codeUnit(bytes: Uint8Array, i: number, littleEndian: boolean): number {
  return littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
}

export function findByteError(encoding: ValidatedEncoding, bytes: Uint8Array, final: boolean): ByteError | null {
  switch (encoding) {
    case 'utf-8':
      return findUtf8Error(bytes, final);
    case 'gb18030':
      return findGb18030Error(bytes, final);
    default:
      return findUtf16Error(bytes, encoding === 'utf-16le', final);
  }
}

/**
 * Length of the incomplete character at the end of `bytes`, which start on a character boundary and are
 * known to be valid (the decoder accepted them). Lets an error in the next chunk be placed exactly.
 */
export function incompleteTailLength(encoding: ValidatedEncoding, bytes: Uint8Array): number {
  switch (encoding) {
    case 'utf-8':
      return utf8TailLength(bytes);
    case 'gb18030':
      return gb18030TailLength(bytes);
    default:
      return utf16TailLength(bytes, encoding === 'utf-16le');
  }
}

export function utf8TailLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let k = 1; k <= Math.min(3, n); k++) {
    const b = bytes[n - k];
    if ((b & 0xc0) === 0x80) continue;
    if (b < 0xc2 || b > 0xf4) return 0;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return length > k ? k : 0;
  }
  return 0;
}

function gb18030TailLength(bytes: Uint8Array): number {
  const n = bytes.length;
  // Bytes below 0x30 are never part of a multi-byte sequence, so the walk can start right after the last one.
  let i = n - 1;
  while (i >= 0 && bytes[i] >= 0x30) i--;
  i++;
  while (i < n) {
    const b = bytes[i];
    const length = b <= 0x80 ? 1 : i + 1 < n && bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39 ? 4 : 2;
    if (i + length > n) return n - i;
    i += length;
  }
  return 0;
}

function utf16TailLength(bytes: Uint8Array, littleEndian: boolean): number {
  const odd = bytes.length % 2;
  const last = bytes.length - odd - 2;
  if (last < 0) return bytes.length;
  const unit = codeUnit(bytes, last, littleEndian);
  return odd + (unit >= 0xd800 && unit <= 0xdbff ? 2 : 0);
}
