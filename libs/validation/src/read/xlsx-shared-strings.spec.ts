import * as ExcelJS from 'exceljs';
import { XlsxFormatError } from './read-errors';
import { SharedStringTable } from './xlsx-shared-strings';
import { chunked, collectRows } from './__fixtures__/streams';
import { readXlsx } from './xlsx-reader';

describe('SharedStringTable', () => {
  it('gives back every string as pushed, across chunk boundaries', () => {
    const table = new SharedStringTable();
    const texts: string[] = [];
    for (let i = 0; i < 60_000; i++) texts.push(i % 7 === 0 ? '' : `衡阳市第${i}监测点 ${'x'.repeat(i % 23)} 😀`);
    texts.forEach((text) => table.push(text));
    expect(table.size).toBe(texts.length);
    // over 1 MB of UTF-8 in all, so strings sit in several chunks
    expect(texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0)).toBeGreaterThan(2 * 1024 * 1024);
    texts.forEach((text, i) => expect(table.get(i)).toBe(text));
  });

  it('reads null as empty and rich text as its runs joined; past the end is undefined', () => {
    const table = new SharedStringTable();
    table.push(null);
    table.push({ richText: [{ text: '空气' }, { font: { bold: true }, text: '良' }, { text: null }] });
    expect([table.get(0), table.get(1), table.get(2), table.get(-1)]).toEqual(['', '空气良', undefined, undefined]);
  });

  it('refuses a table over its caps with a format error that says what to do', () => {
    const bytes = new SharedStringTable({ maxBytes: 20 });
    bytes.push('0123456789');
    bytes.push('0123456789');
    expect(() => bytes.push('x')).toThrow(XlsxFormatError);
    const count = new SharedStringTable({ maxCount: 2 });
    count.push('a');
    count.push('b');
    expect(() => count.push('c')).toThrow(/larger than this platform reads from XLSX \(2 texts.*save the sheet as CSV/);
  });
});

describe('readXlsx shared strings', () => {
  async function sharedStringBook(rows: number): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.addRow(['站点', '说明']);
    for (let i = 0; i < rows; i++) sheet.addRow([`站点${i % 5}`, i % 2 ? { richText: [{ text: '空气' }, { font: { bold: true }, text: `良${i}` }] } : `说明${i}`]);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('resolves the cells through the compact table', async () => {
    const { rows, error } = await collectRows(readXlsx(chunked(await sharedStringBook(4))).batches);
    expect(error).toBeNull();
    expect(rows).toEqual([['站点', '说明'], ['站点0', '说明0'], ['站点1', '空气良1'], ['站点2', '说明2'], ['站点3', '空气良3']]);
  });

  it('ends a workbook whose table is over the caps with a format error', async () => {
    const { error } = await collectRows(readXlsx(chunked(await sharedStringBook(10)), { sharedStrings: { maxCount: 8 } }).batches);
    expect(error).toBeInstanceOf(XlsxFormatError);
    expect(error?.message).toMatch(/shared-strings table is larger than this platform reads from XLSX \(8 texts/);
  });
});
