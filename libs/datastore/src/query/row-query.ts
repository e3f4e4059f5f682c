import { AppError, appError, badInput, fieldError } from '@opendata/common';
import { FieldSpec } from '@opendata/validation';
import { columnSqlType, qualified, quoteIdent } from '../row-table';
import { decodeCursor, encodeCursor } from './row-cursor';
import { compileFilter, fieldNamed, RowFilter, RowValue, SqlParams } from './row-filter';

/**
 * Row queries over a published version's row table (datastore.t_<upload>), compiled here and run by
 * RowTableRepository: filtered, sorted pages with keyset cursors, counts that stay cheap on big tables, and
 * grouped aggregates. Every identifier comes from the schema's field list (checked names, quoted); every value
 * is a bind parameter.
 */

export type SqlRow = Record<string, unknown>;

/** A compiled statement, and how its rows become the answer. */
export interface RowStatement<T> {
  sql: string;
  values: unknown[];
  read(rows: SqlRow[]): T;
}

/** A compiled count: the answer when it is known without a query, else the counting and estimating statements. */
export type RowCountStatements = { known: RowCount } | { known: null; countSql: string; estimateSql: string; values: unknown[]; exactUpTo: number };

/** The row table of one resource version and the fields of its schema. */
export interface RowTableRef {
  table: string;
  fields: FieldSpec[];
  /** Rows in the table, when known (resource_versions.row_count): the unfiltered count then costs nothing. */
  rowCount?: number | null;
}

export interface RowSort {
  field: string;
  direction?: 'asc' | 'desc';
}

export interface RowPageQuery {
  where?: RowFilter | null;
  /** Up to 3 sort keys; the row number always breaks ties. Default: file order. */
  orderBy?: RowSort[] | null;
  /** Page size, 1 to MAX_PAGE_SIZE (default 20). */
  first?: number | null;
  /** The cursor of the last row of the previous page. */
  after?: string | null;
  /** The fields to return (default all). */
  fields?: string[] | null;
}

/** One row: its row number in the uploaded file (header = 1) and its values by field name. */
export interface RowRecord {
  rowNumber: number;
  values: Record<string, RowValue>;
}

export interface RowPage {
  edges: Array<{ cursor: string; row: RowRecord }>;
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface RowCount {
  count: number;
  /** true when the count is the query planner's estimate (more rows match than the exact-count threshold). */
  estimated: boolean;
}

export type MetricFunction = 'count' | 'sum' | 'avg' | 'min' | 'max';

export interface RowMetric {
  fn: MetricFunction;
  /** The field measured; count without a field counts rows. */
  field?: string | null;
}

export interface RowAggregateQuery {
  where?: RowFilter | null;
  groupBy?: string[] | null;
  metrics: RowMetric[];
  /** Most groups returned (default and maximum MAX_GROUPS), in group key order. */
  limit?: number | null;
}

export interface RowGroup {
  /** The group's key values by field name (empty without groupBy). */
  key: Record<string, RowValue>;
  /** One value per metric, in the order asked. */
  values: Array<number | string | null>;
}

export const MAX_PAGE_SIZE = 1000;
export const MAX_SORT_KEYS = 3;
export const MAX_GROUPS = 1000;
/** Counts up to this many matching rows are exact; above it the planner's estimate is returned. */
export const EXACT_COUNT_LIMIT = 100_000;
const NUMERIC = new Set(['integer', 'number', 'year']);

/**
 * A datetime value as ISO 8601 text with its offset: `2018-02-20T07:00:00+08:00`. Row tables hold datetimes as
 * `timestamp` in Beijing time (China Standard Time, UTC+08:00, no daylight saving since 1991): the reader
 * converts values written with another offset, and those written without one are Beijing time. The offset is
 * therefore always +08:00, and this is the cheapest form PostgreSQL builds (COPY pays it for every row of an
 * export: to_char() costs about three times as much).
 */
export function datetimeText(sql: string): string {
  return `replace(${sql}::text, ' ', 'T') || '+08:00'`;
}

/** The SQL expression that reads a column as the row API and every export return it (temporal values as ISO text). */
export function outputExpression(field: FieldSpec): string {
  const column = quoteIdent(field.name);
  switch (field.type) {
    case 'date':
    case 'time':
      return `${column}::text`;
    case 'datetime':
      return datetimeText(column);
    default:
      return column;
  }
}

/** A value as pg returns it, in the row API's form (bigint arrives as text). */
export function outputValue(field: FieldSpec, value: unknown): RowValue {
  if (value === null || value === undefined) return null;
  if (field.type === 'integer' || field.type === 'year') return Number(value);
  return value as RowValue;
}

function where(ref: RowTableRef, filter: RowFilter | null | undefined, params: SqlParams, extra: string[] = []): string {
  const conditions = [compileFilter(ref.fields, filter, params), ...extra].filter(Boolean);
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}

interface SortKey {
  field: FieldSpec | null; // null: the row number
  column: string;
  desc: boolean;
  nullable: boolean;
}

function sortKeys(ref: RowTableRef, orderBy: RowSort[] | null | undefined): SortKey[] {
  const sorts = orderBy ?? [];
  if (sorts.length > MAX_SORT_KEYS) throw badInput([fieldError('orderBy', 'rows.tooManySortKeys', { max: MAX_SORT_KEYS })]);
  const keys = sorts.map((s, i): SortKey => {
    const field = fieldNamed(ref.fields, s.field, `orderBy.${i}.field`);
    if (s.direction && s.direction !== 'asc' && s.direction !== 'desc') throw badInput([fieldError(`orderBy.${i}.direction`, 'rows.direction')]);
    return { field, column: quoteIdent(field.name), desc: s.direction === 'desc', nullable: !field.required };
  });
  // The row number breaks ties, in the first key's direction so that one index scan (either way) serves it.
  keys.push({ field: null, column: '_row', desc: keys[0]?.desc ?? false, nullable: false });
  return keys;
}

/**
 * The rows after a cursor. With non-null keys in one direction a row comparison ((a, b, _row) > (...)) lets an
 * index on the keys serve the page directly; otherwise the expanded form, which places NULLs as ORDER BY does
 * (last ascending, first descending).
 */
function keysetCondition(keys: SortKey[], cursor: { keys: Array<string | null>; rowNumber: number }, params: SqlParams): string {
  const values = [...cursor.keys, String(cursor.rowNumber)];
  const typeOf = (k: SortKey) => (k.field ? columnSqlType(k.field.type) : 'bigint');
  if (keys.every((k) => k.desc === keys[0].desc) && values.every((v) => v !== null)) {
    const left = keys.map((k) => k.column).join(', ');
    const right = keys.map((k, i) => params.add(values[i], typeOf(k))).join(', ');
    const nullsAfter = keys.filter((k) => k.nullable && !k.desc).map((k) => `${k.column} IS NULL`);
    const compare = `(${left}) ${keys[0].desc ? '<' : '>'} (${right})`;
    // Ascending, NULLs come after every value: rows with a NULL key are still ahead of the cursor.
    return nullsAfter.length ? `(${compare} OR ${nullsAfter.join(' OR ')})` : compare;
  }
  const disjuncts: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const equal = keys.slice(0, i).map((k, j) => (values[j] === null ? `${k.column} IS NULL` : `${k.column} = ${params.add(values[j], typeOf(k))}`));
    const k = keys[i];
    const v = values[i];
    let after: string | null;
    if (v === null) after = k.desc ? `${k.column} IS NOT NULL` : null;
    else {
      const p = params.add(v, typeOf(k));
      after = k.desc ? `${k.column} < ${p}` : k.nullable ? `(${k.column} > ${p} OR ${k.column} IS NULL)` : `${k.column} > ${p}`;
    }
    if (after) disjuncts.push(`(${[...equal, after].join(' AND ')})`);
  }
  return disjuncts.length ? `(${disjuncts.join(' OR ')})` : 'false';
}

/** One page of rows, sorted, after the given cursor. */
export function rowPageStatement(ref: RowTableRef, query: RowPageQuery): RowStatement<RowPage> {
  const first = query.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badInput([fieldError('first', 'input.range', { min: 1, max: MAX_PAGE_SIZE })]);
  const fields = query.fields?.length ? query.fields.map((name, i) => fieldNamed(ref.fields, name, `fields.${i}`)) : ref.fields;
  const keys = sortKeys(ref, query.orderBy);
  const params = new SqlParams();
  const extra = query.after ? [keysetCondition(keys, decodeCursor(query.after, keys.length - 1), params)] : [];
  const filter = where(ref, query.where, params, extra);
  const select = [
    '_row',
    ...fields.map((f) => `${outputExpression(f)} AS ${quoteIdent(f.name)}`),
    ...keys.slice(0, -1).map((k, i) => `${k.column}::text AS _k${i}`),
  ];
  // Qualified: a bare name in ORDER BY would mean the output column of that name (dates as text), and a sort
  // by that expression cannot use the table's indexes.
  const order = keys.map((k) => `t.${k.column} ${k.desc ? 'DESC' : 'ASC'}`).join(', ');
  const read = (rows: SqlRow[]): RowPage => {
    const edges = rows.slice(0, first).map((r) => {
      const rowNumber = Number(r._row);
      const values: Record<string, RowValue> = {};
      for (const f of fields) values[f.name] = outputValue(f, r[f.name]);
      const cursor = encodeCursor(keys.slice(0, -1).map((_, i) => (r[`_k${i}`] as string | null) ?? null), rowNumber);
      return { cursor, row: { rowNumber, values } };
    });
    return { edges, hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null };
  };
  return { sql: `SELECT ${select.join(', ')} FROM ${qualified(ref.table)} t ${filter} ORDER BY ${order} LIMIT ${first + 1}`, values: params.values, read };
}

/**
 * How many rows match. Without a filter, the version's recorded row count. With one, an exact count of at most
 * `exactUpTo` + 1 rows (bounded work: `countSql`); beyond it the planner's estimate (`estimateSql`, an EXPLAIN).
 */
export function rowCountStatements(ref: RowTableRef, filter?: RowFilter | null, exactUpTo = EXACT_COUNT_LIMIT): RowCountStatements {
  const params = new SqlParams();
  const condition = where(ref, filter, params);
  if (!condition && typeof ref.rowCount === 'number') return { known: { count: ref.rowCount, estimated: false } };
  const table = qualified(ref.table);
  return {
    known: null,
    countSql: `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${table} ${condition} LIMIT ${exactUpTo + 1}) s`,
    estimateSql: `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${table} ${condition}`,
    values: params.values,
    exactUpTo,
  };
}

/** Grouped metrics (count, sum, avg, min, max) over the matching rows. */
export function aggregateStatement(ref: RowTableRef, query: RowAggregateQuery): RowStatement<RowGroup[]> {
  const limit = query.limit ?? MAX_GROUPS;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_GROUPS) throw badInput([fieldError('limit', 'input.range', { min: 1, max: MAX_GROUPS })]);
  const groups = (query.groupBy ?? []).map((name, i) => fieldNamed(ref.fields, name, `groupBy.${i}`));
  if (groups.length > MAX_SORT_KEYS) throw badInput([fieldError('groupBy', 'rows.tooManyGroups', { max: MAX_SORT_KEYS })]);
  if (!query.metrics?.length) throw badInput([fieldError('metrics', 'rows.metricNeeded')]);
  const metrics = query.metrics.map((m, i) => metricExpression(ref, m, `metrics.${i}`));
  const params = new SqlParams();
  const condition = where(ref, query.where, params);
  const keys = groups.map((f) => `${outputExpression(f)} AS ${quoteIdent(f.name)}`);
  const select = [...keys, ...metrics.map((m, i) => `${m} AS _m${i}`)].join(', ');
  const grouping = groups.length ? `GROUP BY ${groups.map((_, i) => i + 1).join(', ')} ORDER BY ${groups.map((_, i) => i + 1).join(', ')}` : '';
  const read = (rows: SqlRow[]): RowGroup[] =>
    rows.map((r) => ({
      key: Object.fromEntries(groups.map((f) => [f.name, outputValue(f, r[f.name])])),
      values: query.metrics.map((m, i) => metricValue(ref, m, r[`_m${i}`])),
    }));
  return { sql: `SELECT ${select} FROM ${qualified(ref.table)} ${condition} ${grouping} LIMIT ${limit}`, values: params.values, read };
}

function metricExpression(ref: RowTableRef, metric: RowMetric, path: string): string {
  if (!['count', 'sum', 'avg', 'min', 'max'].includes(metric.fn)) throw badInput([fieldError(`${path}.fn`, 'rows.metricFunction')]);
  if (!metric.field) {
    if (metric.fn !== 'count') throw badInput([fieldError(`${path}.field`, 'rows.metricNeedsField', { fn: metric.fn })]);
    return 'count(*)';
  }
  const field = fieldNamed(ref.fields, metric.field, `${path}.field`);
  if ((metric.fn === 'sum' || metric.fn === 'avg') && !NUMERIC.has(field.type)) {
    throw badInput([fieldError(`${path}.field`, 'rows.metricNeedsNumber', { fn: metric.fn, field: field.name, type: field.type })]);
  }
  if (field.type === 'boolean' && metric.fn !== 'count') throw badInput([fieldError(`${path}.field`, 'rows.metricOnBoolean', { fn: metric.fn, field: field.name })]);
  const column = quoteIdent(field.name);
  if (metric.fn === 'count') return `count(${column})`;
  // sum of bigint and avg are numeric: both read back as double precision numbers.
  if (metric.fn === 'sum' || metric.fn === 'avg') return `${metric.fn}(${column})::float8`;
  const extreme = `${metric.fn}(${column})`;
  if (field.type === 'datetime') return datetimeText(extreme);
  return field.type === 'date' || field.type === 'time' ? `${extreme}::text` : extreme;
}

function metricValue(ref: RowTableRef, metric: RowMetric, value: unknown): number | string | null {
  if (value === null || value === undefined) return null;
  if (metric.fn === 'count' || metric.fn === 'sum' || metric.fn === 'avg') return Number(value);
  const field = ref.fields.find((f) => f.name === metric.field)!;
  return NUMERIC.has(field.type) ? Number(value) : (value as string);
}

/** Thrown by callers when a version has no row table (a file published without one). */
export function noRowTable(resourceId: string): AppError {
  return appError('UNPROCESSABLE', 'rows.noRowTable', { resource: resourceId });
}
