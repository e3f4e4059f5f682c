import { MAX_INPUT_DEPTH, messageText, textProblem } from '@opendata/common';
import { JsonFormatError } from './read-errors';

/**
 * How deep a record may nest, the record itself being level 1. JSON rows are records, not trees: a cell holds
 * a value, at most a small object or list (kept as its JSON text). The limit keeps JSON.stringify and the
 * checks, which recurse, far from the stack's end whatever a file holds (a record nested 100,000 deep would
 * overflow it). The same limit as every other client input's (findInputProblem).
 */
export const MAX_JSON_DEPTH = MAX_INPUT_DEPTH;

export function tooDeep(recordNumber: number): JsonFormatError {
  return new JsonFormatError(recordNumber, messageText('json.tooDeep', { record: recordNumber, max: MAX_JSON_DEPTH, inner: MAX_JSON_DEPTH - 1 }));
}

/** Whether arrays and objects nest deeper than `levels` below `value` (recursion bounded by `levels`). */
function deeperThan(value: object, levels: number): boolean {
  if (levels <= 0) return true;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    if (child !== null && typeof child === 'object' && deeperThan(child, levels - 1)) return true;
  }
  return false;
}

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
      this.header = this.arrayRow(record, recordNumber);
      out.push(this.header);
      return;
    }
    const object = this.asObject(record, recordNumber);
    this.header = Object.keys(object);
    for (const key of this.header) {
      const problem = textProblem(key);
      if (problem) throw new JsonFormatError(recordNumber, messageText('json.badKey', { record: recordNumber, key: JSON.stringify(key), problem }));
    }
    this.header.forEach((key, i) => this.columns.set(key, i));
    out.push(this.header.slice(), this.objectRow(object, recordNumber));
  }

  private objectRow(record: unknown, recordNumber: number): string[] {
    const object = this.asObject(record, recordNumber);
    const row = new Array<string>(this.columns.size).fill('');
    for (const key of Object.keys(object)) {
      const column = this.columns.get(key);
      const text = cellText(object[key], recordNumber, key);
      if (column === undefined) row.push(text);
      else row[column] = text;
    }
    return row;
  }

  private arrayRow(record: unknown, recordNumber: number): string[] {
    if (!Array.isArray(record)) throw new JsonFormatError(recordNumber, messageText('json.notArrayRecord', { record: recordNumber }));
    return record.map((value, i) => cellText(value, recordNumber, i + 1));
  }

  private asObject(record: unknown, recordNumber: number): Record<string, unknown> {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw new JsonFormatError(recordNumber, messageText('json.notObject', { record: recordNumber }));
    }
    return record as Record<string, unknown>;
  }
}

/**
 * A cell's text, refusing what no row can be stored with: JSON escapes can write the NUL character (\u0000)
 * and unpaired surrogates (\ud800), which decoded text never holds, and values nested past MAX_JSON_DEPTH.
 */
function cellText(value: unknown, recordNumber: number, field: string | number): string {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) throw new JsonFormatError(recordNumber, messageText('json.badField', { record: recordNumber, field: JSON.stringify(field), problem }));
    return value;
  }
  if (value !== null && typeof value === 'object' && deeperThan(value, MAX_JSON_DEPTH - 1)) throw tooDeep(recordNumber);
  return jsonCellText(value);
}
