import { message } from '@opendata/common';
import { ReportBuilder } from '../report/report-builder';
import { TableSchema } from '../schema/table-schema';
import { CellValue } from './cell-readers';

/**
 * Primary-key and unique checks in memory, for validation that does not load rows into the database (the CLI,
 * small files). Uploads check keys in PostgreSQL instead, so that memory stays bounded for any file size.
 */
export class InMemoryKeyTracker {
  /** Keys remembered at most (about 150 MB); beyond, keys are not checked and the report says so. */
  static readonly MAX_KEYS = 1_000_000;
  private remembered = 0;
  private readonly primary: number[];
  private readonly primaryKeys = new Map<string, number>();
  private readonly unique: Array<{ index: number; seen: Map<string, number> }>;

  constructor(schema: TableSchema) {
    const index = (name: string) => schema.fields.findIndex((f) => f.name === name);
    this.primary = schema.primaryKey.map(index).filter((i) => i >= 0);
    this.unique = schema.fields.flatMap((f, i) => (f.unique ? [{ index: i, seen: new Map<string, number>() }] : []));
  }

  get active(): boolean {
    return this.primary.length > 0 || this.unique.length > 0;
  }

  check(
    rowNumber: number,
    values: Array<CellValue | null>,
    names: string[],
    report: ReportBuilder,
    fieldNumberOf: (fieldIndex: number) => number,
  ): void {
    if (this.remembered >= InMemoryKeyTracker.MAX_KEYS) {
      report.addNote(message('report.keysPartial', { max: InMemoryKeyTracker.MAX_KEYS }));
      return;
    }
    this.remembered++;
    if (this.primary.length) {
      const key = JSON.stringify(this.primary.map((i) => values[i]));
      const first = this.primaryKeys.get(key);
      if (first === undefined) this.primaryKeys.set(key, rowNumber);
      else report.add({ type: 'primary-key', rowNumber, message: message('report.primaryKey', { fields: this.primary.map((i) => names[i]).join(', '), key, first }) });
    }
    for (const { index, seen } of this.unique) {
      const value = values[index];
      if (value === null) continue;
      const key = String(value);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, rowNumber);
      else report.add({ type: 'unique-error', rowNumber, fieldNumber: fieldNumberOf(index), fieldName: names[index], message: message('report.uniqueRepeat', { value: key, first }), cell: key });
    }
  }
}
