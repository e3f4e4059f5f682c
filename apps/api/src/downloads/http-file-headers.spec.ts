import { contentDisposition, contentType, noneMatch, parseRange, rangeStillValid } from './http-file-headers';

describe('parseRange', () => {
  it.each([
    [undefined, 100, { kind: 'full' }],
    ['bytes=0-9', 100, { kind: 'partial', start: 0, end: 9 }],
    ['bytes=90-', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=-10', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=-500', 100, { kind: 'partial', start: 0, end: 99 }],
    ['bytes=50-5000', 100, { kind: 'partial', start: 50, end: 99 }],
    ['bytes=100-', 100, { kind: 'unsatisfiable' }],
    ['bytes=-0', 100, { kind: 'unsatisfiable' }],
    ['bytes=0-', 0, { kind: 'unsatisfiable' }],
    ['bytes=9-3', 100, { kind: 'full' }],
    ['bytes=0-1,5-6', 100, { kind: 'full' }],
    ['items=0-1', 100, { kind: 'full' }],
    ['bytes=-', 100, { kind: 'full' }],
  ])('%s of %d bytes', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});

describe('validators', () => {
  const etag = '"abc"';
  it('If-None-Match compares weakly and accepts lists and *', () => {
    expect(noneMatch('"abc"', etag)).toBe(true);
    expect(noneMatch('W/"abc"', etag)).toBe(true);
    expect(noneMatch('"x", "abc"', etag)).toBe(true);
    expect(noneMatch('*', etag)).toBe(true);
    expect(noneMatch('"abd"', etag)).toBe(false);
    expect(noneMatch(undefined, etag)).toBe(false);
  });
  it('If-Range compares strongly', () => {
    expect(rangeStillValid('"abc"', etag, 'date')).toBe(true);
    expect(rangeStillValid('W/"abc"', etag, 'date')).toBe(false);
    expect(rangeStillValid('date', etag, 'date')).toBe(true);
    expect(rangeStillValid('"old"', etag, 'date')).toBe(false);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 8187)', () => {
    expect(contentDisposition('衡阳 空气(1).csv')).toBe(
      `attachment; filename="__ __(1).csv"; filename*=UTF-8''%E8%A1%A1%E9%98%B3%20%E7%A9%BA%E6%B0%94%281%29.csv`,
    );
    expect(contentDisposition('a"b.csv')).toBe(`attachment; filename="a_b.csv"; filename*=UTF-8''a%22b.csv`);
  });
});

describe('contentType', () => {
  it('names the encoding of text files only', () => {
    expect(contentType('text/csv', 'gb18030')).toBe('text/csv; charset=gb18030');
    expect(contentType('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', null)).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(contentType('application/octet-stream', 'utf-8')).toBe('application/octet-stream');
  });
});
