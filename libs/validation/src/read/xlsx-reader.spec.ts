import * as ExcelJS from 'exceljs';
import fs from 'node:fs'; // the module object itself, which ReadStream opens files through
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import { chunked, collectRows, fixture } from './__fixtures__/streams';
import { dateText, numberText, xlsxCellText } from './xlsx-cells';
import { XlsxFormatError, readXlsx } from './xlsx-reader';

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function airQuality(): Promise<Buffer> {
  return workbookBytes((workbook) => {
    const sheet = workbook.addWorksheet('空气质量');
    sheet.addRow(['城市', '日期', '监测时间', 'AQI', 'PM2.5', '合计', '说明', '达标', '时刻', '错误']);
    const row = sheet.addRow([
      '衡阳市',
      new Date(Date.UTC(2026, 7, 21)),
      new Date(Date.UTC(2026, 7, 21, 8, 30, 5)),
      57,
      0.1,
      { formula: 'E2+0.2', result: 0.30000000000000004 },
      { richText: [{ text: '空气' }, { font: { bold: true }, text: '良' }] },
      true,
      0.5,
      { error: '#DIV/0!' },
    ]);
    row.getCell(2).numFmt = 'yyyy-mm-dd';
    row.getCell(3).numFmt = 'yyyy-mm-dd hh:mm:ss';
    row.getCell(9).numFmt = 'hh:mm:ss';
    sheet.getRow(5).values = ['长沙市', null, null, 42];
    sheet.getCell('M5').style = { font: { bold: true } }; // formatted but empty: not an extra cell
    workbook.addWorksheet('其他').addRow(['not', 'read']);
  });
}

describe('readXlsx', () => {
  it('reads csvlint spreadsheet.xlsx (workbook part stored after the sheets, as LibreOffice does)', async () => {
    const { rows, error } = await collectRows(readXlsx(chunked(fixture('spreadsheet.xlsx'), 1000)).batches);
    expect(error).toBeNull();
    expect(rows).toEqual([['a', 'b', 'c']]);
  });

  it('skips parked sheets without an uncaught error when their temporary file is gone before it is opened', async () => {
    // exceljs opens a parked sheet's file as it hands the sheet over and unlinks it once the iteration moves
    // on; delaying those opens makes the unlink win every time (it won now and then on its own).
    const open = fs.open;
    const delayed = jest.spyOn(fs, 'open').mockImplementation(((path: fs.PathLike, ...rest: unknown[]) => {
      const parked = typeof path === 'string' && dirname(path) === tmpdir() && basename(path).startsWith('tmp-');
      const go = (): void => (open as (...args: unknown[]) => void)(path, ...rest);
      if (parked && (rest[0] === 'r' || rest[0] === undefined)) setTimeout(go, 30);
      else go();
    }) as typeof fs.open);
    const uncaught: Error[] = [];
    const record = (error: Error): void => void uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      const { rows, error } = await collectRows(readXlsx(chunked(fixture('spreadsheet.xlsx'), 1000)).batches);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(error).toBeNull();
      expect(rows).toEqual([['a', 'b', 'c']]);
      expect(delayed.mock.calls.length).toBeGreaterThanOrEqual(3); // sheet3, sheet2 and sheet1 were parked
    } finally {
      process.off('uncaughtException', record);
      delayed.mockRestore();
    }
    expect(uncaught).toEqual([]);
  });

  it('removes the temporary files of a read that stops early (the removal closes their descriptors too)', async () => {
    const parkedFiles = (): string[] => fs.readdirSync(tmpdir()).filter((name) => name.startsWith(`tmp-${process.pid}-`));
    const filesBefore = parkedFiles();
    for (let i = 0; i < 3; i++) {
      // LibreOffice order: both sheets are parked; the read stops inside sheet1, whose file exceljs still holds.
      for await (const batch of readXlsx(chunked(fixture('libreoffice-order.xlsx'), 700), { batchSize: 1 }).batches) {
        expect(batch.rows).toEqual([['断面名称', '监测时间', 'pH', '溶解氧']]);
        break;
      }
    }
    for (let wait = 0; wait < 50 && parkedFiles().length > filesBefore.length; wait++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(parkedFiles()).toEqual(filesBefore);
  });

  it("ends with the source's own error when the bytes fail part-way (the client went away), at any point", async () => {
    const bytes = fixture('libreoffice-order.xlsx');
    async function* failingAt(at: number): AsyncGenerator<Buffer> {
      yield bytes.subarray(0, at);
      throw new Error('the client went away');
    }
    const uncaught: Error[] = [];
    const record = (error: Error): void => void uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      for (const at of [10, 1000, Math.floor(bytes.length / 2), bytes.length - 10]) {
        const { error } = await collectRows(readXlsx(failingAt(at)).batches);
        expect([at, error?.message]).toEqual([at, 'the client went away']);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('uncaughtException', record);
    }
    expect(uncaught).toEqual([]);
  });

  it('reads a LibreOffice-ordered file (sheets before styles and workbook part, sheet2 first) with its dates', async () => {
    const { rows, error } = await collectRows(readXlsx(chunked(fixture('libreoffice-order.xlsx'), 700)).batches);
    expect(error).toBeNull();
    expect(rows).toEqual([
      ['断面名称', '监测时间', 'pH', '溶解氧'],
      ['湘江衡阳段', '2026-08-21 08:00:00', '7.25', '6.8'],
      ['耒水入口', '2026-08-21 12:00:00', '7.1', '7.05'],
    ]);
  });

  it('reads the first sheet as text rows numbered as in the sheet', async () => {
    const bytes = await airQuality();
    for (const size of [undefined, 512]) {
      const { rows, starts, error } = await collectRows(readXlsx(chunked(bytes, size), { batchSize: 2 }).batches);
      expect(error).toBeNull();
      expect(rows).toEqual([
        ['城市', '日期', '监测时间', 'AQI', 'PM2.5', '合计', '说明', '达标', '时刻', '错误'],
        ['衡阳市', '2026-08-21', '2026-08-21 08:30:05', '57', '0.1', '0.3', '空气良', 'true', '12:00:00', '#DIV/0!'],
        [],
        [],
        ['长沙市', '', '', '42', '', '', '', '', '', ''],
      ]);
      expect(starts).toEqual([1, 3, 5]);
    }
  });

  it('streams a larger sheet', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('data');
      sheet.addRow(['n', 'square']);
      for (let n = 1; n <= 3000; n++) sheet.addRow([n, n * n]);
    });
    const { rows } = await collectRows(readXlsx(chunked(bytes, 4096)).batches);
    expect(rows).toHaveLength(3001);
    expect(rows[3000]).toEqual(['3000', '9000000']);
  });

  it('reports bytes that are not an XLSX workbook', async () => {
    for (const bytes of [Buffer.from('id,name\n1,a\n'), fixture('spreadsheet.xls')]) {
      const { error } = await collectRows(readXlsx(chunked(bytes)).batches);
      expect(error).toBeInstanceOf(XlsxFormatError);
    }
  });
});

describe('xlsx cell text', () => {
  it.each([
    [0.1, '0.1'],
    [0.30000000000000004, '0.3'],
    [1234.5678, '1234.5678'],
    [-7, '-7'],
    [1e-20, '1e-20'],
    [123456789012, '123456789012'],
  ])('number %p -> %p', (value, expected) => expect(numberText(value)).toBe(expected));

  it('writes dates by their format, rounding to the second', () => {
    expect(dateText(new Date(Date.UTC(2026, 0, 2)), 'yyyy-mm-dd')).toBe('2026-01-02');
    expect(dateText(new Date(Date.UTC(2026, 0, 2)), 'yyyy-mm-dd hh:mm')).toBe('2026-01-02 00:00:00');
    expect(dateText(new Date(Date.UTC(2026, 0, 2, 23, 59, 59, 999)), 'm/d/yy h:mm')).toBe('2026-01-03 00:00:00');
    expect(dateText(new Date(Date.UTC(2026, 0, 2, 8)))).toBe('2026-01-02 08:00:00');
    expect(dateText(new Date(Date.UTC(2026, 0, 2)))).toBe('2026-01-02');
  });

  it('reads formula results, shared formulas, hyperlinks and date-formatted numbers', () => {
    expect(xlsxCellText({ value: { formula: 'A1', result: 'x' } })).toBe('x');
    expect(xlsxCellText({ value: { sharedFormula: 'B2', result: 2 } })).toBe('2');
    expect(xlsxCellText({ value: { formula: 'TODAY()', result: 46255 }, numFmt: 'yyyy-mm-dd' })).toBe('2026-08-21');
    expect(xlsxCellText({ value: { text: '链接', hyperlink: 'https://example.org' } })).toBe('链接');
    expect(xlsxCellText({ value: 46255.5, numFmt: '[$-804]yyyy"年"m"月"d"日" hh:mm' })).toBe('2026-08-21 12:00:00');
    expect(xlsxCellText({ value: 3.5, numFmt: '0.00' })).toBe('3.5');
    expect(xlsxCellText({ value: undefined })).toBe('');
  });
});
