import { AcceptRow, TableValidator } from './check/table-validator';
import {
  CsvFormatError,
  EncodingError,
  JsonFormatError,
  NotTextError,
  RowBatch,
  TableFormat,
  XlsxFormatError,
  detectFormat,
  peekBytes,
  readTable,
} from './read';
import { ReportBuilder } from './report/report-builder';
import { TableSchema } from './schema/table-schema';

export interface ValidateTableOptions {
  schema: TableSchema | null;
  report?: ReportBuilder;
  fileName?: string | null;
  contentType?: string | null;
  format?: TableFormat;
  encoding?: string | null;
  delimiter?: string | null;
  escapeChar?: string | null;
  /** 'memory': primary keys and unique fields checked here; 'external': by the sink's database. */
  keys: 'memory' | 'external';
  duplicateRows?: boolean;
  /**
   * Receives the header's layout (`header`, the column of each schema field, -1 when absent), then the rows
   * that passed every check (`row`, synchronously, values reused between rows), and is flushed after every
   * batch (awaited, so a slow sink slows the reading: bounded memory).
   */
  sink?: { header?(fieldColumns: number[]): void; row: AcceptRow; flush(): Promise<void> };
  onProgress?: (rowsRead: number) => void;
  /** Checks of the caller's own (e.g. the negative list), given the header and every row batch as read. */
  inspector?: TableInspector | null;
}

/** Extra checks that add their own errors to the report; rows are the raw cells, header excluded. */
export interface TableInspector {
  header(cells: string[], report: ReportBuilder): void;
  rows(batch: RowBatch, header: string[], report: ReportBuilder): void;
}

export interface TableValidation {
  report: ReportBuilder;
  format: TableFormat;
  encoding: string | null;
  /** Data rows read (header not counted). */
  rowCount: number;
  /** Column of each schema field in the file (-1 when absent). */
  fieldColumns: number[];
}

/**
 * Validates a table in one streaming pass: detects the format and the encoding, reads the header, checks every
 * row batch and hands the valid rows to the sink. Reading problems (bytes in no supported encoding, a file that
 * is not a table, an unclosed quote) end the pass with a source, encoding or format error in the report.
 */
export async function validateTable(bytes: AsyncIterable<Buffer>, options: ValidateTableOptions): Promise<TableValidation> {
  const report = options.report ?? new ReportBuilder();
  const { head, bytes: all } = await peekBytes(bytes);
  const format = options.format ?? detectFormat(options.fileName ?? null, head, options.contentType ?? null);
  const validator = new TableValidator({ schema: options.schema, report, keys: options.keys, duplicateRows: options.duplicateRows });
  const table = readTable(all, {
    format,
    encoding: options.encoding ?? undefined,
    delimiter: options.delimiter ?? undefined,
    escapeChar: options.escapeChar ?? undefined,
  });
  let sawHeader = false;
  let header: string[] = [];
  try {
    for await (const batch of table.batches) {
      let rows: RowBatch = batch;
      if (!sawHeader) {
        if (batch.rows.length === 0) continue;
        sawHeader = true;
        validator.setHeader(batch.rows[0]);
        header = batch.rows[0];
        options.inspector?.header(header, report);
        options.sink?.header?.(validator.fieldColumns);
        rows = { firstRowNumber: batch.firstRowNumber + 1, rows: batch.rows.slice(1), lines: batch.lines?.slice(1) };
      }
      options.inspector?.rows(rows, header, report);
      validator.validate(rows, options.sink?.row);
      if (options.sink) await options.sink.flush();
      options.onProgress?.(validator.rowsRead);
    }
    if (!sawHeader) report.add({ type: 'source-error', message: 'the source is empty' });
  } catch (error) {
    report.add(readingError(error));
  }
  const encoding = await table.encoding.catch(() => null);
  return { report, format, encoding, rowCount: validator.rowsRead, fieldColumns: validator.fieldColumns };
}

function readingError(error: unknown) {
  if (error instanceof EncodingError) return { type: 'encoding-error' as const, message: error.message };
  if (error instanceof NotTextError) return { type: 'format-error' as const, message: error.message };
  if (error instanceof CsvFormatError) return { type: 'format-error' as const, rowNumber: error.rowNumber, message: error.message };
  if (error instanceof JsonFormatError || error instanceof XlsxFormatError) return { type: 'format-error' as const, message: error.message };
  throw error;
}
