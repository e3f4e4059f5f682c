import { TextDecoder } from 'node:util';
import { ValidatedEncoding, findByteError, findGb18030Error, findUtf8Error, incompleteTailLength } from './byte-validators';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function accepts(encoding: string, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Mostly bytes that make valid sequences, with some of everything else. */
function randomBytes(next: () => number, length: number): Uint8Array {
  const pool = [0x0a, 0x2c, 0x30, 0x35, 0x39, 0x41, 0x7e, 0x7f, 0x80, 0x81, 0x84, 0x8f, 0x90, 0xa0, 0xa9, 0xbf, 0xc2, 0xd6, 0xe0, 0xe3, 0xe4, 0xed, 0xf0, 0xf4, 0xfe, 0xff];
  return Uint8Array.from({ length }, () => (next() < 0.7 ? pool[Math.floor(next() * pool.length)] : Math.floor(next() * 256)));
}

describe('byte validators', () => {
  it.each<ValidatedEncoding>(['utf-8', 'gb18030', 'utf-16le', 'utf-16be'])('agree with the native decoder on random bytes (%s)', (encoding) => {
    const next = random(7);
    for (let n = 0; n < 2000; n++) {
      const bytes = randomBytes(next, 1 + Math.floor(next() * 12));
      const found = findByteError(encoding, bytes, true);
      expect([n, found === null]).toEqual([n, accepts(encoding, bytes)]);
      if (found) expect(accepts(encoding, bytes.subarray(0, found.offset))).toBe(true);
    }
  });

  it('explains UTF-8 errors like Python', () => {
    expect(findUtf8Error(Buffer.from([0x41, 0xa9]), true)).toEqual({ offset: 1, reason: 'invalid start byte' });
    expect(findUtf8Error(Buffer.from([0xe4, 0xb8, 0x41]), true)).toEqual({ offset: 0, reason: 'invalid continuation byte' });
    expect(findUtf8Error(Buffer.from([0xe4, 0xb8]), true)).toEqual({ offset: 0, reason: 'unexpected end of data' });
    expect(findUtf8Error(Buffer.from([0xe4, 0xb8]), false)).toBeNull();
    expect(findUtf8Error(Buffer.from([0xed, 0xa0, 0x80]), true)?.offset).toBe(0); // a surrogate
    expect(findUtf8Error(Buffer.from([0xc0, 0x80]), true)?.offset).toBe(0); // an overlong NUL
  });

  it('checks GB18030 four-byte ranges', () => {
    expect(findGb18030Error(Buffer.from([0x81, 0x30, 0x81, 0x30]), true)).toBeNull();
    expect(findGb18030Error(Buffer.from([0x95, 0x32, 0x82, 0x36]), true)).toBeNull();
    expect(findGb18030Error(Buffer.from([0x41, 0x84, 0x31, 0xa5, 0x30]), true)?.offset).toBe(1);
    expect(findGb18030Error(Buffer.from([0x81, 0x30, 0x81]), false)).toBeNull();
    expect(findGb18030Error(Buffer.from([0x81, 0x30, 0x20]), false)?.offset).toBe(0);
  });

  it('measures the incomplete character at the end of valid bytes', () => {
    expect(incompleteTailLength('utf-8', Buffer.from('a中'))).toBe(0);
    expect(incompleteTailLength('utf-8', Buffer.from('a中').subarray(0, 3))).toBe(2);
    expect(incompleteTailLength('utf-8', Buffer.from('😀').subarray(0, 3))).toBe(3);
    expect(incompleteTailLength('gb18030', Buffer.from([0x2c, 0xd6, 0xd0, 0xb9]))).toBe(1);
    expect(incompleteTailLength('gb18030', Buffer.from([0xd6, 0xd0, 0x95, 0x32, 0x82]))).toBe(3);
    // 0x41 is a trail byte here: only the walk from a sure boundary (the start) tells.
    expect(incompleteTailLength('gb18030', Buffer.from([0xd6, 0x41, 0xd6]))).toBe(1);
    expect(incompleteTailLength('utf-16le', Buffer.from([0x41, 0x00, 0x3d, 0xd8, 0x00]))).toBe(3);
    expect(incompleteTailLength('utf-16be', Buffer.from([0x00, 0x41, 0x00]))).toBe(1);
  });

  it('finds tails that match what the native decoder holds back', () => {
    const next = random(11);
    const text = '城市,站点 𠮷 AQI é 😀\n';
    const samples: Array<[ValidatedEncoding, Buffer]> = [
      ['utf-8', Buffer.from(text)],
      ['utf-16le', Buffer.from(text, 'utf16le')],
      ['gb18030', Buffer.from([0xb3, 0xc7, 0xca, 0xd0, 0x2c, 0x95, 0x32, 0x82, 0x36, 0x41, 0xd6, 0x41, 0x80, 0x0a])],
    ];
    for (const [encoding, bytes] of samples) {
      for (let n = 0; n < 200; n++) {
        const cut = Math.floor(next() * (bytes.length + 1));
        const head = bytes.subarray(0, cut);
        const tail = incompleteTailLength(encoding, head);
        expect(accepts(encoding, head.subarray(0, cut - tail))).toBe(true);
        expect(findByteError(encoding, head.subarray(0, cut - tail), true)).toBeNull();
      }
    }
  });
});
