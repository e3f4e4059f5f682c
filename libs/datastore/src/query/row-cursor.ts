import { badInput, fieldError, textProblem } from '@opendata/common';

/**
 * A keyset cursor: the sort key values of a row (as PostgreSQL prints them, so they cast back exactly) and its
 * row number, base64url-encoded JSON. Opaque to clients.
 */
export function encodeCursor(keys: Array<string | null>, rowNumber: number): string {
  return Buffer.from(JSON.stringify([...keys, rowNumber])).toString('base64url');
}

/** The key values and row number of a cursor made for `keyCount` sort keys; BAD_USER_INPUT otherwise. */
export function decodeCursor(cursor: string, keyCount: number, path = 'after'): { keys: Array<string | null>; rowNumber: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length === keyCount + 1 &&
    Number.isSafeInteger(parsed[keyCount]) &&
    // Keys are cast in SQL: a text PostgreSQL cannot take (a NUL) is no key it printed.
    parsed.slice(0, keyCount).every((v) => v === null || (typeof v === 'string' && textProblem(v) === null));
  if (!valid) throw badInput([fieldError(path, 'rows.notCursor')]);
  const values = parsed as Array<string | number | null>;
  return { keys: values.slice(0, keyCount) as Array<string | null>, rowNumber: values[keyCount] as number };
}
