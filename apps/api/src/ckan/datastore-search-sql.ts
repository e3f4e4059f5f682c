import { qualified, quoteIdent } from '@opendata/datastore';
import { ckanValidation } from './ckan-envelope';
import { Params, bool, integer, list, object, text } from './ckan-params';

/** A column of a row table, as its catalogue entry describes it (the whitelist of names). */
export interface Column {
  name: string;
  sqlType: string;
}

/** CKAN's datastore type names for the column types of row tables. */
const CKAN_TYPES: Record<string, string> = {
  text: 'text',
  bigint: 'int8',
  integer: 'int4',
  'double precision': 'float8',
  numeric: 'numeric',
  boolean: 'bool',
  date: 'date',
  'timestamp without time zone': 'timestamp',
  'time without time zone': 'time',
};
/** How each type is read so that JSON gets CKAN's values (ISO text for times, never local-time Dates). */
const READ_AS: Record<string, (column: string) => string> = {
  'timestamp without time zone': (c) => `to_char(${c}, 'YYYY-MM-DD"T"HH24:MI:SS')`,
  date: (c) => `${c}::text`,
  'time without time zone': (c) => `${c}::text`,
};
export const MAX_LIMIT = 32000;

export interface DatastoreSearchSql {
  recordsSql: string;
  recordsValues: unknown[];
  /** null when the caller asked for no total (include_total=false). */
  countSql: string | null;
  /** Whether any condition narrows the rows (without one, the version's row count is the total). */
  filtered: boolean;
  countValues: unknown[];
  fields: Array<{ id: string; type: string }>;
  /** Output columns that are bigint (pg returns them as text). */
  bigints: string[];
  limit: number;
  offset: number;
}

/**
 * Builds datastore_search's statements. Names are looked up in the table's columns (anything else is a 409
 * naming the field) and quoted; values are bind parameters cast to the column's type. `_id` is the row's place
 * among the data rows: `_row` (the file's line number, header = 1) minus one.
 */
export function compileDatastoreSearch(table: string, columns: Column[], params: Params): DatastoreSearchSql {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const column = (name: string, param: string): Column => {
    const found = byName.get(name);
    if (!found) throw ckanValidation({ [param]: `field "${name}" not in table` });
    return found;
  };
  const limit = integer(params, 'limit', 100, 0, MAX_LIMIT);
  const offset = integer(params, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  if ((text(params, 'records_format') ?? 'objects') !== 'objects') throw ckanValidation({ records_format: 'Only "objects" is supported' });
  const selected = (list(params, 'fields') ?? ['_id', ...columns.map((c) => c.name)]).map((name) => (name === '_id' ? null : column(name, 'fields')));

  const values: unknown[] = [];
  const bind = (value: unknown) => `$${values.push(value)}`;
  const where = [...filterConditions(params, column, bind), ...textConditions(params, columns, column, bind)];
  const order = sortOf(text(params, 'sort'), (name) => (name === '_id' ? '_row' : quoteIdent(column(name, 'sort').name)));
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const from = qualified(table);
  const countValues = [...values];
  const selectList = selected.map((c) => (c ? `${(READ_AS[c.sqlType] ?? ((x: string) => x))(quoteIdent(c.name))} AS ${quoteIdent(c.name)}` : '(_row - 1) AS _id'));
  return {
    recordsSql: `SELECT ${selectList.join(', ')} FROM ${from} ${whereSql} ORDER BY ${order} LIMIT ${bind(limit)} OFFSET ${bind(offset)}`,
    recordsValues: values,
    countSql: bool(params, 'include_total', true) ? `SELECT count(*)::float8 AS n FROM ${from} ${whereSql}` : null,
    countValues,
    filtered: where.length > 0,
    fields: selected.map((c) => (c ? { id: c.name, type: CKAN_TYPES[c.sqlType] ?? c.sqlType } : { id: '_id', type: 'int' })),
    bigints: selected.flatMap((c) => (c === null ? ['_id'] : c.sqlType === 'bigint' ? [c.name] : [])),
    limit,
    offset,
  };
}

/** `filters`: field -> value or list of values, all fields must match (CKAN's semantics). */
function filterConditions(params: Params, column: (name: string, param: string) => Column, bind: (v: unknown) => string): string[] {
  return Object.entries(object(params, 'filters') ?? {}).map(([name, value]) => {
    const target = name === '_id' ? '(_row - 1)' : quoteIdent(column(name, 'filters').name);
    const type = name === '_id' ? 'bigint' : column(name, 'filters').sqlType;
    const wanted = Array.isArray(value) ? value : [value];
    if (!wanted.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) throw ckanValidation({ filters: `values of "${name}" must be text, numbers or booleans` });
    const bad = wanted.find((v) => !fitsType(type, String(v)));
    if (bad !== undefined) throw ckanValidation({ filters: `"${String(bad)}" is not a valid value of ${name} (${CKAN_TYPES[type] ?? type})` });
    return `${target} = ANY(${bind(wanted.map(String))}::${type}[])`;
  });
}

/** `q`: a string searched in every text column, or field -> text; substring matching, which suits Chinese. */
function textConditions(params: Params, columns: Column[], column: (name: string, param: string) => Column, bind: (v: unknown) => string): string[] {
  const q = params.q;
  if (q === undefined || q === null || (typeof q === 'string' && !q.trim())) return [];
  if (typeof q === 'string') {
    const texts = columns.filter((c) => c.sqlType === 'text').map((c) => quoteIdent(c.name));
    return [texts.length ? `concat_ws(' ', ${texts.join(', ')}) ILIKE ${bind(likePattern(q.trim()))}` : 'FALSE'];
  }
  if (typeof q !== 'object' || Array.isArray(q)) throw ckanValidation({ q: 'Must be a string or an object of field: text' });
  return Object.entries(q).map(([name, term]) => `${quoteIdent(column(name, 'q').name)}::text ILIKE ${bind(likePattern(String(term)))}`);
}

/** Numbers and booleans are checked here; other types (dates, times) are left to PostgreSQL's parser. */
function fitsType(sqlType: string, value: string): boolean {
  if (sqlType === 'bigint' || sqlType === 'integer') return /^\s*-?\d+\s*$/.test(value);
  if (sqlType === 'double precision' || sqlType === 'numeric') return value.trim() !== '' && Number.isFinite(Number(value));
  if (sqlType === 'boolean') return /^(true|false|t|f|1|0|yes|no)$/i.test(value.trim());
  return true;
}

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `sort` as CKAN takes it: "a, b desc"; row order (`_id`) breaks ties so pages never overlap. */
function sortOf(sort: string | null, column: (name: string) => string): string {
  if (!sort?.trim()) return '_row';
  const keys = sort.split(',').map((part) => {
    const match = /^\s*"?([^"\s]+)"?\s*(asc|desc)?\s*$/i.exec(part);
    if (!match) throw ckanValidation({ sort: `cannot read "${part.trim()}"` });
    return `${column(match[1])} ${(match[2] ?? 'asc').toUpperCase()}`;
  });
  return [...keys, '_row'].join(', ');
}
