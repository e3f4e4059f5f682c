import { getMetadataArgsStorage } from 'typeorm';

type Row = Record<string, unknown>;

/** Column types selected as something other than what pg returns for them. */
const READ_AS: Record<string, (column: string) => string> = {
  // pg would turn a date into a Date at local midnight: read as YYYY-MM-DD, as the entities hold it.
  date: (column) => `${column}::text`,
  // pg returns bigint as text; sizes and counts are exact as doubles.
  bigint: (column) => `${column}::float8`,
};

/** How hand-written statements read an entity's table: its select list, and the entity of a selected row. */
export interface EntityRows<E> {
  /** Every mapped column, under its own name, for `FROM <table> <alias>`. */
  readonly columns: string;
  /** The entity of a row selected with `columns` (a plain object; other selected columns are left out). */
  readonly from: (row: Row) => E;
}

/**
 * The select list and row mapper of an entity, derived from its column decorators, so that the entity is the
 * one place a table's columns are mapped. Read paths that every catalogue request takes use plain SQL with
 * these: several times cheaper than building and hydrating TypeORM queries.
 */
export function entityRows<E>(entity: new () => E, alias: string): EntityRows<E> {
  const mapped = getMetadataArgsStorage()
    .columns.filter((c) => c.target === entity)
    .map((c) => ({ property: c.propertyName, column: c.options.name ?? c.propertyName, type: String(c.options.type ?? '') }));
  if (!mapped.length) throw new Error(`${entity.name} has no mapped columns`);
  const columns = mapped
    .map(({ column, type }) => (READ_AS[type] ? `${READ_AS[type](`${alias}.${column}`)} AS ${column}` : `${alias}.${column}`))
    .join(', ');
  const pairs = mapped.map(({ property, column }) => [property, column] as const);
  const from = (row: Row): E => {
    const entityObject: Row = {};
    for (const [property, column] of pairs) entityObject[property] = row[column];
    return entityObject as E;
  };
  return { columns, from };
}

/** Rows grouped by the value of one of their columns, each mapped; groups and rows keep the rows' order. */
export function groupRows<V>(rows: Row[], key: string, map: (row: Row) => V): Map<string, V[]> {
  const grouped = new Map<string, V[]>();
  for (const row of rows) {
    const k = row[key] as string;
    const list = grouped.get(k);
    if (list) list.push(map(row));
    else grouped.set(k, [map(row)]);
  }
  return grouped;
}
