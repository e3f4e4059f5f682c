import { Client } from 'pg';
import { message } from '@opendata/common';
import { MAX_LISTED_ERRORS, ReportBuilder, TableSchema } from '@opendata/validation';
import { buildUniqueIndex, repeatedKeys } from './row-load.repository';
import { quoteIdent } from './row-table';

/**
 * Primary-key and unique checks on a loaded row table: the database sorts what memory could not hold. The
 * common case (no duplicates) costs one index build per key, and those indexes serve row queries later; only
 * when an index cannot be built is the table searched for the duplicates to report.
 */
export async function checkKeys(
  client: Client,
  table: string,
  schema: TableSchema,
  fieldNumberOf: (fieldIndex: number) => number,
  report: ReportBuilder,
): Promise<void> {
  const keys: Array<{ columns: string[]; kind: 'primary-key' | 'unique-error'; fieldIndex: number | null }> = [];
  if (schema.primaryKey.length) keys.push({ columns: schema.primaryKey, kind: 'primary-key', fieldIndex: null });
  schema.fields.forEach((f, i) => {
    if (f.unique && !(schema.primaryKey.length === 1 && schema.primaryKey[0] === f.name)) keys.push({ columns: [f.name], kind: 'unique-error', fieldIndex: i });
  });
  for (const [n, key] of keys.entries()) {
    const cols = key.columns.map(quoteIdent).join(', ');
    const index = quoteIdent(`${table}_k${n}`);
    if (!(await buildUniqueIndex(client, table, index, cols))) await reportDuplicates(client, table, key, cols, fieldNumberOf, report);
  }
}

async function reportDuplicates(
  client: Client,
  table: string,
  key: { columns: string[]; kind: 'primary-key' | 'unique-error'; fieldIndex: number | null },
  cols: string,
  fieldNumberOf: (fieldIndex: number) => number,
  report: ReportBuilder,
): Promise<void> {
  const rows = await repeatedKeys(client, table, key.columns, cols, MAX_LISTED_ERRORS);
  const total = rows.length ? Number(rows[0].total) : 0;
  report.addUnlisted(key.kind, total - rows.length);
  for (const row of rows) {
    const value = key.columns.map((c) => String(row[c])).join(', ');
    if (key.kind === 'primary-key') {
      report.add({ type: 'primary-key', rowNumber: Number(row._row), message: message('report.primaryKey', { fields: key.columns.join(', '), key: `(${value})`, first: String(row.first_row) }) });
    } else {
      report.add({ type: 'unique-error', rowNumber: Number(row._row), fieldNumber: fieldNumberOf(key.fieldIndex!), fieldName: key.columns[0], message: message('report.uniqueRepeat', { value, first: String(row.first_row) }), cell: value });
    }
  }
}
