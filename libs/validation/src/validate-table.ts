import { messageText } from '@opendata/common';
import { AcceptedRows } from './check/accepted-rows';
import { TableValidator } from './check/table-validator';
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
  /** 'memory': primary keys and unique fields checked here; 'external': by the database the rows go to. */
  keys: 'memory' | 'external';
  duplicateRows?: boolean;
  /** Whether the `rows` events carry the rows that passed (for a caller that stores them). */
  acceptedRows?: boolean;
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
 * What a validation pass yields, in this order: the header's `layout` (the column of each schema field, -1 when
 * absent), a `rows` event per batch checked (with the rows that passed when asked for, valid until the next
 * event is asked for), and at the `end` the validation. A caller that is slow to ask for the next event slows the
 * reading: memory stays bounded.
 */
export type TableEvent =
  | { type: 'layout'; fieldColumns: number[] }
  | { type: 'rows'; rowsRead: number; accepted: AcceptedRows | null }
  | { type: 'end'; validation: TableValidation };

/**
 * Validates a table in one streaming pass: detects the format and the encoding, reads the header, checks every
 * row batch and yields the rows that passed. Reading problems (bytes in no supported encoding, a file that is
 * not a table, an unclosed quote) end the pass with a source, encoding or format error in the report.
 */
export async function* tableEvents(bytes: AsyncIterable<Buffer>, options: ValidateTableOptions): AsyncGenerator<TableEvent, void, undefined> {
  const report = options.report ?? new ReportBuilder();
  const { head, bytes: all } = await peekBytes(bytes);
  const format = options.format ?? detectFormat(options.fileName ?? null, head, options.contentType ?? null);
  const validator = new TableValidator({ schema: options.schema, report, keys: options.keys, duplicateRows: options.duplicateRows });
  const accepted = options.acceptedRows ? new AcceptedRows(options.schema?.fields.length ?? 0) : null;
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
        yield { type: 'layout', fieldColumns: validator.fieldColumns };
        rows = { firstRowNumber: batch.firstRowNumber + 1, rows: batch.rows.slice(1), lines: batch.lines?.slice(1) };
      }
      options.inspector?.rows(rows, header, report);
      validator.validate(rows, accepted);
      yield { type: 'rows', rowsRead: validator.rowsRead, accepted };
    }
    // frictionless-py's own words, which the peers' fixtures compare byte for byte (fixtures/EXPECTED.txt).
    if (!sawHeader) report.add({ type: 'source-error', message: messageText('read.empty').en });
  } catch (error) {
    report.add(readingError(error));
  }
  const encoding = await table.encoding.catch(() => null);
  yield { type: 'end', validation: { report, format, encoding, rowCount: validator.rowsRead, fieldColumns: validator.fieldColumns } };
}

/** The same pass, for a caller that wants only the outcome. */
export async function validateTable(bytes: AsyncIterable<Buffer>, options: ValidateTableOptions): Promise<TableValidation> {
  for await (const event of tableEvents(bytes, options)) {
    if (event.type === 'end') return event.validation;
  }
  throw new Error('the validation ended without its outcome');
}

function readingError(error: unknown) {
  if (error instanceof EncodingError) return { type: 'encoding-error' as const, message: error.message };
  if (error instanceof NotTextError) return { type: 'format-error' as const, message: error.message };
  if (error instanceof CsvFormatError) return { type: 'format-error' as const, rowNumber: error.rowNumber, message: error.message };
  if (error instanceof JsonFormatError || error instanceof XlsxFormatError) return { type: 'format-error' as const, message: error.message };
  throw error;
}
