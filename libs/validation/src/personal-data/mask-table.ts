import { TableFormat, readTable } from '../read';
import { TableSchema } from '../schema/table-schema';
import { maskFindings, maskValue } from './masking';

export interface MaskTableOptions {
  schema: TableSchema | null;
  /** Column of each schema field in the file (-1 when absent), as validateTable found them. */
  fieldColumns: number[];
  format: TableFormat;
  encoding?: string;
  delimiter?: string;
}

export interface MaskTableResult {
  rows: number;
  maskedCells: number;
}

const NEEDS_QUOTES = /[",\r\n]/;
const csvCell = (value: string): string => (NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The masked copy agencies publish instead of the original (`validate --mask`): the same table as UTF-8 CSV,
 * with columns the schema declares x-masked put in the platform's masked form and every personal-data finding
 * in other text cells masked in place. Streams: one batch of rows in memory at a time.
 */
export async function* maskTable(bytes: AsyncIterable<Buffer>, options: MaskTableOptions, result: MaskTableResult): AsyncGenerator<string> {
  const maskedColumns = new Map<number, NonNullable<TableSchema['fields'][number]['masked']>>();
  options.schema?.fields.forEach((field, i) => {
    const column = options.fieldColumns[i] ?? -1;
    if (field.masked && column >= 0) maskedColumns.set(column, field.masked);
  });
  const missing = new Set(options.schema?.missingValues ?? ['']);
  const table = readTable(bytes, { format: options.format, encoding: options.encoding, delimiter: options.delimiter });
  let header = true;
  for await (const batch of table.batches) {
    let chunk = '';
    for (const row of batch.rows) {
      const out = row.map((cell, column) => {
        if (header || missing.has(cell)) return cell;
        const kind = maskedColumns.get(column);
        const masked = kind ? maskValue(cell, kind) : maskFindings(cell);
        if (masked !== cell) result.maskedCells++;
        return masked;
      });
      if (header) header = false;
      else result.rows++;
      chunk += `${out.map(csvCell).join(',')}\r\n`;
    }
    yield chunk;
  }
}
