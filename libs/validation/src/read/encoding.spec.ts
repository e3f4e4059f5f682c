import { gzipSync } from 'node:zlib';
import { chunked, fixture, rejection } from './__fixtures__/streams';
import { DETECTION_WINDOW, EncodingError, NotTextError, decodeText, detectEncoding, normalizeEncoding } from './encoding';

interface Decoded {
  encoding: string | null;
  text: string;
  error: Error | null;
}

/** Decodes in `size`-byte chunks, keeping the text delivered before an error. */
async function decode(bytes: Buffer, options: { encoding?: string } = {}, size?: number): Promise<Decoded> {
  const decoded = decodeText(chunked(bytes, size), options);
  const result: Decoded = { encoding: null, text: '', error: null };
  try {
    for await (const chunk of decoded.text) result.text += chunk;
    result.encoding = await decoded.encoding;
  } catch (error) {
    result.error = error as Error;
  }
  return result;
}

const AIR_QUALITY = [
  '城市,站点名称,监测时间,AQI,首要污染物,备注',
  '衡阳市,市监测站,2026-08-21 08:00:00,57,PM2.5,',
  '长沙市,经开区环保局,2026-08-21 08:00:00,42,—,"良,无异常"',
  '北京市,东四,2026-08-21 08:00:00,105,O₃,𠮷字测试',
  '',
].join('\r\n');

describe('decodeText', () => {
  it('reports latin1.csv read as UTF-8 like Python: byte 0xa9 in position 20', async () => {
    for (const options of [{}, { encoding: 'utf-8' }]) {
      const { error } = await decode(fixture('latin1.csv'), options);
      expect(error).toBeInstanceOf(EncodingError);
      expect(error).toMatchObject({ encoding: 'utf-8', bytePosition: 20, byte: 0xa9 });
      expect(error?.message).toContain("'utf-8' codec can't decode byte 0xa9 in position 20");
    }
  });

  it('keeps the text before the bad byte when the encoding is forced', async () => {
    const { text, error } = await decode(fixture('latin1.csv'), { encoding: 'utf-8' });
    expect(text).toBe('id,name\n1,english\n2,');
    expect(error).toBeInstanceOf(EncodingError);
  });

  it('reads latin1.csv as latin1 when asked to', async () => {
    for (const encoding of ['latin1', 'ISO-8859-1']) {
      expect(await decode(fixture('latin1.csv'), { encoding })).toEqual({ encoding: 'latin1', text: 'id,name\n1,english\n2,©\n', error: null });
    }
  });

  it('strips the BOM of bom.csv', async () => {
    for (const size of [undefined, 1, 2]) {
      expect(await decode(fixture('bom.csv'), {}, size)).toEqual({ encoding: 'utf-8', text: 'id,name\n1,english\n2,中国人\n', error: null });
    }
  });

  it('detects GB18030 (GBK plus four-byte characters) and decodes it, whatever the chunking', async () => {
    for (const size of [undefined, 1, 2, 3, 7]) {
      expect(await decode(fixture('air-quality.gb18030.csv'), {}, size)).toEqual({ encoding: 'gb18030', text: AIR_QUALITY, error: null });
    }
  });

  it('decodes UTF-8 split inside every multi-byte character', async () => {
    const text = 'id,名称,emoji\n1,中国人,😀\n2,é,ü\n';
    expect(await decode(Buffer.from(text), {}, 1)).toEqual({ encoding: 'utf-8', text, error: null });
  });

  it('decodes UTF-16LE and UTF-16BE with a BOM, split inside code units and surrogate pairs', async () => {
    const text = 'id,name\n1,中国人 😀\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le).swap16();
    for (const size of [undefined, 1, 3]) {
      expect(await decode(le, {}, size)).toEqual({ encoding: 'utf-16le', text, error: null });
      expect(await decode(be, {}, size)).toEqual({ encoding: 'utf-16be', text, error: null });
    }
  });

  it('reports bytes that are neither UTF-8 nor GB18030 at the furthest position either got to', async () => {
    const bytes = Buffer.concat([Buffer.from('id,name\n1,中'), Buffer.from([0xff]), Buffer.from('\n')]);
    const { error } = await decode(bytes);
    expect(error).toMatchObject({ encoding: 'utf-8', bytePosition: 13, byte: 0xff });
    expect(error?.message).toMatch(/neither UTF-8 nor GB18030/);
    const ascii = await decode(Buffer.from([0x61, 0x2c, 0xff, 0x0a]));
    expect(ascii.error).toMatchObject({ encoding: 'utf-8', bytePosition: 2, byte: 0xff });
  });

  it('places an error past the detection window exactly, in any chunking, after the text before it', async () => {
    const before = Buffer.from('a,b\n'.repeat(DETECTION_WINDOW / 4 + 2500) + '1,é');
    const bytes = Buffer.concat([before, Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    for (const size of [4096, 1000, 1]) {
      const { text, error } = await decode(bytes, {}, size);
      expect(error).toMatchObject({ encoding: 'utf-8', bytePosition: before.length, byte: 0xc3 });
      expect(error?.message).toMatch(/invalid continuation byte/);
      expect(text).toBe(before.toString('utf8'));
    }
  });

  it('places a GB18030 error, including a character cut by the end of the file', async () => {
    const good = fixture('air-quality.gb18030.csv');
    const bad = Buffer.concat([good, Buffer.from([0x81, 0x20])]);
    for (const size of [5, 1]) {
      expect((await decode(bad, {}, size)).error).toMatchObject({ encoding: 'gb18030', bytePosition: good.length, byte: 0x81 });
    }
    const cut = Buffer.concat([good, Buffer.from([0xd6])]);
    const { error, text } = await decode(cut, { encoding: 'gbk' }, 3);
    expect(error).toMatchObject({ encoding: 'gb18030', bytePosition: good.length, byte: 0xd6 });
    expect(text).toBe(AIR_QUALITY);
  });

  it('reports a UTF-16 unpaired surrogate at its byte position (the BOM counts)', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ab', 'utf16le'), Buffer.from([0x00, 0xdc]), Buffer.from('c', 'utf16le')]);
    expect((await decode(bytes, {}, 1)).error).toMatchObject({ encoding: 'utf-16le', bytePosition: 6, byte: 0x00 });
  });

  it('stops at a NUL character, which no row can be stored with, naming its byte in every encoding and chunking', async () => {
    const text = '站点,AQI\n衡阳,5\u00007\n';
    const cases: Array<[Buffer, string | undefined, number]> = [
      [Buffer.from(text, 'utf8'), undefined, Buffer.byteLength('站点,AQI\n衡阳,5')],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), undefined, 3 + Buffer.byteLength('站点,AQI\n衡阳,5')],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), undefined, 2 + 2 * '站点,AQI\n衡阳,5'.length],
      [Buffer.from('a,b\n1,\u00002\n', 'latin1'), 'latin1', 6],
    ];
    for (const [bytes, encoding, position] of cases) {
      for (const size of [undefined, 1, 4]) {
        const { text: before, error } = await decode(bytes, { encoding }, size);
        expect(error).toBeInstanceOf(NotTextError);
        expect(error?.message).toContain(`byte 0x00 (NUL) in position ${position}`);
        expect(before.endsWith(',5') || before.endsWith(',')).toBe(true);
      }
    }
  });

  it('reads csvlint invalid-byte-sequence.csv: an encoding error as UTF-8, text as ISO-8859-1', async () => {
    expect((await decode(fixture('invalid-byte-sequence.csv'), { encoding: 'utf-8' })).error).toBeInstanceOf(EncodingError);
    const latin = await decode(fixture('invalid-byte-sequence.csv'), { encoding: 'iso-8859-1' });
    expect(latin.error).toBeNull();
    expect(latin.text).toContain('"Histórico"');
  });

  it('refuses files that are not text, even with a forced encoding', async () => {
    const cases: Array<[Buffer, string]> = [
      [fixture('spreadsheet.xls'), 'xls'],
      [fixture('spreadsheet.xlsx'), 'zip'],
      [Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'pdf'],
      [gzipSync(Buffer.from('a,b\n1,2\n')), 'gzip'],
    ];
    for (const [bytes, kind] of cases) {
      for (const options of [{}, { encoding: 'latin1' }]) {
        const decoded = decodeText(chunked(bytes, 3), options);
        const error = await rejection(decoded.encoding);
        expect(error).toBeInstanceOf(NotTextError);
        expect(error).toMatchObject({ kind });
        expect((await decode(bytes, options)).error).toBeInstanceOf(NotTextError);
      }
    }
  });

  it('resolves the encoding before the text is iterated', async () => {
    const decoded = decodeText(chunked(fixture('table.csv'), 4));
    expect(await decoded.encoding).toBe('utf-8');
    let text = '';
    for await (const chunk of decoded.text) text += chunk;
    expect(text).toBe('id,name\n1,english\n2,中国人\n');
  });

  it('reads an empty file as empty UTF-8 text', async () => {
    expect(await decode(Buffer.alloc(0))).toEqual({ encoding: 'utf-8', text: '', error: null });
  });

  it('closes the byte source when the reader stops early', async () => {
    let closed = false;
    async function* source(): AsyncGenerator<Buffer> {
      try {
        for (let i = 0; i < 100_000; i++) yield Buffer.from('a,b,c\n'.repeat(100));
      } finally {
        closed = true;
      }
    }
    for await (const chunk of decodeText(source()).text) if (chunk.length > 0) break;
    expect(closed).toBe(true);
  });
});

describe('detectEncoding and normalizeEncoding', () => {
  it('leaves a character cut by the end of the window to the decoder', () => {
    expect(detectEncoding(Buffer.from([0x61, 0xe4, 0xb8]), false)).toBe('utf-8');
    expect(() => detectEncoding(Buffer.from([0x61, 0xe4, 0x0a]), true)).toThrow(EncodingError);
  });

  it('names the encodings it decodes and refuses others', () => {
    expect(normalizeEncoding('GBK')).toBe('gb18030');
    expect(normalizeEncoding('gb2312')).toBe('gb18030');
    expect(normalizeEncoding('UTF8')).toBe('utf-8');
    expect(normalizeEncoding('utf-16-le')).toBe('utf-16le');
    expect(normalizeEncoding('ebcdic')).toBeNull();
    expect(() => decodeText(chunked(Buffer.from('a')), { encoding: 'ebcdic' })).toThrow(RangeError);
  });
});
