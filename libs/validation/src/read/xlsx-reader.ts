import { Readable } from 'node:stream';
// exceljs: the most used XLSX library on npm with a streaming reader (SheetJS' npm build is frozen at
// 0.18.5 and loads whole workbooks). It reads the sheet XML row by row out of the ZIP, so a large sheet is
// never whole in memory, and its writer builds the workbooks the tests read. Its last release (4.4.0) is
// from 2023: the workarounds below rely on its internals and are covered by the specs.
import * as ExcelJS from 'exceljs';
import { messageText } from '@opendata/common';
import { XlsxFormatError } from './read-errors';
import { DEFAULT_BATCH_SIZE, RowBatch, RowBatcher } from './row-batch';
import { ParkedSheets } from './xlsx-parked-sheets';
import { SharedStringLimits, keepSharedStringsCompact } from './xlsx-shared-strings';
import { xlsxCellText } from './xlsx-cells';

export { XlsxFormatError } from './read-errors';

/** The parts of exceljs' streaming objects used here (its typings omit the sheet's id and the model). */
interface SheetRow {
  number: number;
  eachCell(options: { includeEmpty: boolean }, callback: (cell: ExcelJS.Cell, column: number) => void): void;
}
interface SheetReader extends AsyncIterable<SheetRow> {
  id: number | string;
  name?: string;
}
interface BookReader extends AsyncIterable<SheetReader> {
  model?: { sheets?: Array<{ id: number; name: string }> };
  properties?: { model?: { date1904?: boolean } };
  workbookRels?: unknown;
  _parseStyles(entry: unknown): Promise<void>;
}

/**
 * Reads the first sheet of an XLSX workbook into numbered row batches; row numbers are the sheet's (rows the
 * sheet XML leaves out are emitted as empty rows). Rows are padded with '' to the header's width and lose
 * trailing empty cells beyond it, so formatting alone never makes extra cells.
 */
export function readXlsx(
  bytes: AsyncIterable<Uint8Array>,
  options: { batchSize?: number; sharedStrings?: SharedStringLimits } = {},
): { batches: AsyncIterable<RowBatch> } {
  return { batches: xlsxBatches(bytes, options.batchSize ?? DEFAULT_BATCH_SIZE, options.sharedStrings ?? {}) };
}

async function* xlsxBatches(bytes: AsyncIterable<Uint8Array>, batchSize: number, sharedStrings: SharedStringLimits): AsyncGenerator<RowBatch> {
  const batcher = new RowBatcher(batchSize);
  const source = new SourceWatch();
  const input = Readable.from(source.bytes(bytes), { objectMode: false });
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell dates from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as BookReader;
  prepareForLibreOfficeOrder(workbook);
  keepSharedStringsCompact(workbook, sharedStrings); // exceljs' own cache takes the heap of a big table
  const parked = new ParkedSheets();
  const sheets = workbook[Symbol.asyncIterator]();
  try {
    let found = false;
    // Iterated to the end: exceljs deletes a sheet's temporary file only once the iteration passes it.
    const nextSheet = () => source.race(parked.run(() => sheets.next()));
    for (let next = await nextSheet(); !next.done; next = await nextSheet()) {
      const sheet = next.value;
      if (found || !isFirstSheet(workbook, sheet)) {
        skipSheet(sheet);
        continue;
      }
      found = true;
      // Rows are read while the workbook iterator waits on this sheet: exceljs streams the entry only then.
      const rows = new SheetRows();
      const sheetRows = sheet[Symbol.asyncIterator]();
      try {
        for (let row = await source.race(sheetRows.next()); !row.done; row = await source.race(sheetRows.next())) {
          rows.add(row.value, batcher.rows);
          yield* batcher.full();
        }
      } finally {
        sheetRows.return?.(undefined).catch(() => undefined);
      }
    }
    if (!found) throw new XlsxFormatError(messageText('xlsx.noWorksheet'));
  } catch (error) {
    if (source.error !== undefined) throw source.error;
    yield* batcher.flush();
    throw error instanceof XlsxFormatError ? error : new XlsxFormatError(messageText('xlsx.unreadable', { reason: (error as Error).message }));
  } finally {
    input.destroy();
    sheets.return?.(undefined).catch(() => undefined); // a read that ends early: let exceljs' generators end too
    parked.removeAll();
  }
  if (source.error !== undefined) throw source.error;
  yield* batcher.flush();
}

/**
 * exceljs pipes the bytes into its unzipper, and a pipe passes no error on: a source that fails (the client went
 * away) would raise an uncaught error, and the read would wait forever on a cut ZIP. So the bytes end instead
 * of failing, and every wait on exceljs is raced against the source's error, which the read then throws.
 */
class SourceWatch {
  error: unknown = undefined;
  private readonly failed: Promise<never>;
  private fail: (error: unknown) => void = () => undefined;

  constructor() {
    this.failed = new Promise<never>((_resolve, reject) => {
      this.fail = reject;
    });
    this.failed.catch(() => undefined); // raced, not always awaited
  }

  async *bytes(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    try {
      yield* bytes;
    } catch (error) {
      this.error = error ?? new Error('the source failed');
      this.fail(this.error);
    }
  }

  race<T>(step: Promise<T>): Promise<T> {
    return Promise.race([step, this.failed]);
  }
}

/**
 * LibreOffice stores the sheets before xl/styles.xml and xl/workbook.xml. exceljs (4.4) then reads a sheet
 * before the workbook model exists (and throws) and before the number formats are known (dates come out as
 * serial numbers). Empty stand-ins for the model avoid the first; hiding the workbook relationships until
 * the styles are read makes exceljs park the sheet in a temporary file and read it after the rest, as it
 * already does when the shared strings come late (Excel's order). Tested with a LibreOffice-ordered file.
 */
function prepareForLibreOfficeOrder(workbook: BookReader): void {
  workbook.model = { sheets: [] };
  workbook.properties = { model: {} };
  let stylesRead = false;
  let relationships: unknown;
  const parseStyles = workbook._parseStyles.bind(workbook);
  workbook._parseStyles = async (entry) => {
    await parseStyles(entry);
    stylesRead = true;
  };
  Object.defineProperty(workbook, 'workbookRels', {
    get: () => (stylesRead ? relationships : undefined),
    set: (value: unknown) => {
      relationships = value;
    },
  });
}

/**
 * A sheet parked in a temporary file is read through a file stream that exceljs opens as it hands the sheet
 * over and unlinks as soon as the iteration moves on. The open can lose that race and fail with ENOENT; with
 * no listener that error would be uncaught (and end the process). So: listen, then close the stream, or its
 * descriptor leaks.
 */
function skipSheet(sheet: SheetReader): void {
  const stream = (sheet as { iterator?: { on?: (event: 'error', listener: () => void) => void; destroy?: () => void } }).iterator;
  stream?.on?.('error', () => undefined); // the sheet is not read: nothing in it can matter
  stream?.destroy?.();
}

/**
 * The first sheet in the workbook's order; the ZIP may store others first, and those are skipped. When
 * exceljs could not match the sheet to the workbook part, sheet1.xml: common writers number them in order.
 */
function isFirstSheet(workbook: BookReader, sheet: SheetReader): boolean {
  const first = workbook.model?.sheets?.[0];
  if (first && sheet.name !== undefined) return String(sheet.id) === String(first.id);
  return String(sheet.id) === '1';
}

/** Turns sheet rows into text rows, filling the gaps the sheet XML leaves. */
class SheetRows {
  private nextNumber = 1;
  private width = -1;

  add(row: SheetRow, out: string[][]): void {
    for (; this.nextNumber < row.number; this.nextNumber++) {
      out.push([]);
      if (this.width < 0) this.width = 0;
    }
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      while (cells.length < column - 1) cells.push('');
      cells[column - 1] = xlsxCellText(cell);
    });
    let end = cells.length;
    while (end > 0 && cells[end - 1] === '') end--;
    if (this.width < 0) this.width = end; // the header's width: row 1
    cells.length = end;
    while (cells.length < this.width && end > 0) cells.push('');
    out.push(cells);
    this.nextNumber = row.number + 1;
  }
}
