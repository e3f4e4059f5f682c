import { UNREADABLE, cellReader, readDate, readDatetime, readInteger, readNumber, readTime, readYearMonth } from './cell-readers';

describe('cell readers', () => {
  it.each([
    ['12', 12], ['-3', -3], ['+7', 7], ['0', 0],
    ['1.5', UNREADABLE], ['abc', UNREADABLE], ['', UNREADABLE], ['12345678901234567', UNREADABLE], ['1e3', UNREADABLE],
  ])('integer %p', (text, expected) => expect(readInteger(text)).toBe(expected));

  it.each([
    ['0.7', 0.7], ['-0.5', -0.5], ['12', 12], ['1e3', 1000], ['.5', 0.5], ['+1.25', 1.25],
    ['1,299', UNREADABLE], ['NaN', UNREADABLE], ['Infinity', UNREADABLE], ['0x10', UNREADABLE], ['-', UNREADABLE], ['1.2.3', UNREADABLE],
  ])('number %p', (text, expected) => expect(readNumber(text)).toBe(expected));

  it('drops the group character when the field declares one', () => {
    expect(cellReader({ type: 'number', groupChar: ',' })('1,299.5')).toBe(1299.5);
    expect(cellReader({ type: 'integer', groupChar: ',' })('12,345')).toBe(12345);
  });

  it.each([
    ['2026-09-01', '2026-09-01'], ['2026/9/1', '2026-09-01'], ['2026年9月1日', '2026-09-01'], ['20260901', '2026-09-01'],
    ['2024-02-29', '2024-02-29'], ['2023-02-29', UNREADABLE], ['2026-13-01', UNREADABLE], ['09/01/2026', UNREADABLE],
  ])('date %p', (text, expected) => expect(readDate(text)).toBe(expected));

  it.each([
    ['2026-09-01 08:00', '2026-09-01 08:00:00'],
    ['2026-09-01T08:00:00', '2026-09-01 08:00:00'],
    ['2018-02-20T07:00:00', '2018-02-20 07:00:00'],
    ['2026/9/1 8:05:09', '2026-09-01 08:05:09'],
    ['2026-09-01T00:00:00Z', '2026-09-01 08:00:00'],
    ['2026-09-01T08:00:00+08:00', '2026-09-01 08:00:00'],
    ['2026-12-31 24:00', '2027-01-01 00:00:00'],
    ['2026-09-01 25:00', UNREADABLE], ['2026-09-01', UNREADABLE], ['08-21 20:00', UNREADABLE],
  ])('datetime %p (Beijing time)', (text, expected) => expect(readDatetime(text)).toBe(expected));

  it('reads times, years and year-months', () => {
    expect(readTime('8:05')).toBe('08:05:00');
    expect(readTime('24:00')).toBe(UNREADABLE);
    expect(cellReader({ type: 'year', groupChar: null })('2019')).toBe(2019);
    expect(cellReader({ type: 'year', groupChar: null })('19')).toBe(UNREADABLE);
    expect(readYearMonth('2026年9月')).toBe('2026-09');
    expect(readYearMonth('2026-13')).toBe(UNREADABLE);
  });

  it('reads booleans in English and Chinese', () => {
    const read = cellReader({ type: 'boolean', groupChar: null });
    expect([read('true'), read('是'), read('0'), read('否'), read('maybe')]).toEqual([true, true, false, false, UNREADABLE]);
  });
});
