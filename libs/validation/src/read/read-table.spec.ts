import { chunked, collectRows, fixture, rejection } from './__fixtures__/streams';
import { EncodingError, NotTextError } from './read-errors';
import { detectFormat, peekBytes, readTable } from './read-table';

describe('detectFormat', () => {
  const text = Buffer.from('id,name\n');
  it.each([
    ['data.xlsx', fixture('spreadsheet.xlsx'), null, 'xlsx'],
    ['misnamed.csv', fixture('spreadsheet.xlsx'), 'text/csv', 'xlsx'],
    ['report.JSON', text, null, 'json'],
    ['stream.ndjson', text, null, 'json'],
    ['table.csv?download=1', text, 'application/json', 'csv'],
    [null, text, 'application/json; charset=utf-8', 'json'],
    [null, text, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ['upload', text, 'application/octet-stream', 'csv'],
    ['spreadsheet.xls', fixture('spreadsheet.xls'), null, 'csv'],
    [null, Buffer.alloc(0), null, 'csv'],
  ])('%p (%p bytes, %p) -> %p', (name, bytes, type, expected) => {
    expect(detectFormat(name, bytes.subarray(0, 8), type)).toBe(expected);
  });
});

describe('readTable', () => {
  it('throws the encoding error of latin1.csv read as UTF-8 from the batches', async () => {
    const table = readTable(chunked(fixture('latin1.csv')), { format: 'csv' });
    const { rows, error } = await collectRows(table.batches);
    expect(rows).toEqual([]);
    expect(error).toBeInstanceOf(EncodingError);
    expect(error?.message).toContain("'utf-8' codec can't decode byte 0xa9 in position 20");
    expect(await rejection(table.encoding)).toBeInstanceOf(EncodingError);
  });

  it('reads latin1.csv as latin1 and table.csv as UTF-8', async () => {
    const latin = readTable(chunked(fixture('latin1.csv')), { format: 'csv', encoding: 'latin1' });
    expect((await collectRows(latin.batches)).rows).toEqual([['id', 'name'], ['1', 'english'], ['2', '©']]);
    expect(await latin.encoding).toBe('latin1');
    const table = readTable(chunked(fixture('table.csv'), 3), { format: 'csv' });
    expect((await collectRows(table.batches)).rows).toEqual([['id', 'name'], ['1', 'english'], ['2', '中国人']]);
  });

  it('reads a GB18030 CSV with its encoding and dialect', async () => {
    const table = readTable(chunked(fixture('air-quality.gb18030.csv'), 10), { format: 'csv' });
    expect(await table.encoding).toBe('gb18030');
    expect(await table.dialect).toMatchObject({ delimiter: ',', lineEnding: 'crlf' });
    const { rows } = await collectRows(table.batches);
    expect(rows[2]).toEqual(['长沙市', '经开区环保局', '2026-08-21 08:00:00', '42', '—', '良,无异常']);
    expect(rows[3][5]).toBe('𠮷字测试');
  });

  it('reads a UTF-16LE CSV with a BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('城市;AQI\r\n衡阳市;57\r\n', 'utf16le')]);
    const table = readTable(chunked(bytes, 5), { format: 'csv' });
    expect((await collectRows(table.batches)).rows).toEqual([['城市', 'AQI'], ['衡阳市', '57']]);
    expect(await table.encoding).toBe('utf-16le');
  });

  it('reports csvlint spreadsheet.xls served as CSV as not text', async () => {
    const table = readTable(chunked(fixture('spreadsheet.xls'), 100), { format: 'csv' });
    expect((await collectRows(table.batches)).error).toBeInstanceOf(NotTextError);
    expect(await rejection(table.dialect)).toBeInstanceOf(NotTextError);
  });

  it('reads an XLSX upload found by its magic bytes', async () => {
    const peeked = await peekBytes(chunked(fixture('spreadsheet.xlsx'), 3));
    const format = detectFormat('upload.bin', peeked.head);
    const table = readTable(peeked.bytes, { format });
    expect(table.format).toBe('xlsx');
    expect(await table.encoding).toBeNull();
    expect(await table.dialect).toBeNull();
    expect((await collectRows(table.batches)).rows).toEqual([['a', 'b', 'c']]);
  });

  it('reads JSON with a BOM', async () => {
    const bytes = Buffer.from('\ufeff[{"id":1,"name":"中国人"}]');
    const table = readTable(chunked(bytes, 2), { format: 'json' });
    expect((await collectRows(table.batches)).rows).toEqual([['id', 'name'], ['1', '中国人']]);
    expect(await table.dialect).toBeNull();
  });
});
