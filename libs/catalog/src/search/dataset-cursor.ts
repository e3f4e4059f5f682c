import { badInput, fieldError, textProblem } from '@opendata/common';

export type DatasetOrderField = 'RELEVANCE' | 'MODIFIED' | 'TITLE' | 'NAME' | 'DOWNLOADS' | 'ISSUED';

/** Orderings whose sort key is a number (the others sort by a text key). */
export const NUMERIC_ORDERS: ReadonlySet<DatasetOrderField> = new Set(['RELEVANCE', 'DOWNLOADS']);

/** Position of a row in one ordering: the sort value and the id that breaks ties (Relay keyset cursor). */
export interface DatasetCursor {
  field: DatasetOrderField;
  key: string | number;
  id: string;
}

export function encodeCursor(cursor: DatasetCursor): string {
  return Buffer.from(JSON.stringify([cursor.field, cursor.key, cursor.id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Decodes a cursor made for the same ordering; anything else is the caller's mistake. */
export function decodeCursor(value: string, field: DatasetOrderField): DatasetCursor {
  const invalid = badInput([fieldError('after', 'search.notCursor')]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid;
  const [cursorField, key, id] = parsed as [unknown, unknown, unknown];
  if (cursorField !== field || typeof id !== 'string' || !UUID.test(id)) throw invalid;
  if (NUMERIC_ORDERS.has(field) ? typeof key !== 'number' : typeof key !== 'string' || textProblem(key)) throw invalid;
  return { field, key: key as string | number, id };
}
