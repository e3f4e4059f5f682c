import { JsonFormatError } from './read-errors';

/** A JSON value as the text a CSV cell would hold, so one validator reads every format. */
export function jsonCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return JSON.stringify(value);
  }
}

/**
 * Turns parsed JSON records into rows. Records are objects (the keys of the first one are the header, in
 * order) or, as in Frictionless inline data, arrays (the first one is the header). Keys an object lacks give
 * '' and keys the header lacks are appended after its columns, so the validator reports them as extra cells.
 */
export class JsonRowMapper {
  private header: string[] | null = null;
  private columns = new Map<string, number>();
  private arrays = false;

  /** Appends the rows for record number `recordNumber` (1-based) to `out`: two for the first object. */
  add(record: unknown, recordNumber: number, out: string[][]): void {
    if (this.header === null) this.start(record, recordNumber, out);
    else if (this.arrays) out.push(this.arrayRow(record, recordNumber));
    else out.push(this.objectRow(record, recordNumber));
  }

  private start(record: unknown, recordNumber: number, out: string[][]): void {
    if (Array.isArray(record)) {
      this.arrays = true;
      this.header = record.map(jsonCellText);
      out.push(this.header);
      return;
    }
    const object = this.asObject(record, recordNumber);
    this.header = Object.keys(object);
    this.header.forEach((key, i) => this.columns.set(key, i));
    out.push(this.header.slice(), this.objectRow(object, recordNumber));
  }

  private objectRow(record: unknown, recordNumber: number): string[] {
    const object = this.asObject(record, recordNumber);
    const row = new Array<string>(this.columns.size).fill('');
    for (const key of Object.keys(object)) {
      const column = this.columns.get(key);
      const text = jsonCellText(object[key]);
      if (column === undefined) row.push(text);
      else row[column] = text;
    }
    return row;
  }

  private arrayRow(record: unknown, recordNumber: number): string[] {
    if (!Array.isArray(record)) throw new JsonFormatError(recordNumber, `record ${recordNumber} is not an array like the first one`);
    return record.map(jsonCellText);
  }

  private asObject(record: unknown, recordNumber: number): Record<string, unknown> {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw new JsonFormatError(recordNumber, `record ${recordNumber} is not a JSON object`);
    }
    return record as Record<string, unknown>;
  }
}
