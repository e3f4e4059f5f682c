import { MessageText, badInput, bilingual, messageText } from '@opendata/common';
import { qualified, quoteIdent } from '../row-table';

/**
 * CKAN's datastore_search (the CKAN-compatible API's) over a row table: its parameters, read by the API, compile
 * here into statements whose names are the table's own columns (quoted) and whose values are bind parameters.
 * A refused parameter is BAD_USER_INPUT naming it, which the CKAN API answers as its 409 Validation Error.
 */

/** A column of a row table with its SQL type (the whitelist of names). */
export interface Column {
  name: string;
  sqlType: string;
}

/** A datastore_search request, its parameters read and typed (the names still unchecked against the table). */
export interface DatastoreSearch {
  /** `fields`: the columns to return, in order (null: `_id` and every column). */
  fields: string[] | null;
  /** `filters`: column -> value or list of values. */
  filters: Record<string, unknown> | null;
  /** `q`: a text searched in every column, or column -> text. */
  q: string | Record<string, unknown> | null;
  /** `full_text`: a text searched in every column. */
  fullText: string | null;
  /** `sort` as CKAN writes it: "a, b desc". */
  sort: string | null;
  limit: number;
  offset: number;
  includeTotal: boolean;
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

/** A refusal naming the parameter, as CKAN names it. */
const refusal = (param: string, problem: MessageText) => badInput([{ path: param, message: bilingual(problem) }]);

/**
 * Builds datastore_search's statements. Names are looked up in the table's columns (anything else is refused,
 * naming the parameter) and quoted; values are bind parameters cast to the column's type. `_id` is the row's
 * place among the data rows: `_row` (the file's line number, header = 1) minus one.
 */
export function compileDatastoreSearch(table: string, columns: Column[], search: DatastoreSearch): DatastoreSearchSql {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const column = (name: string, param: string): Column => {
    const found = byName.get(name);
    if (!found) throw refusal(param, messageText('datastore.notInTable', { name }));
    return found;
  };
  const { limit, offset } = search;
  const selected = (search.fields ?? ['_id', ...columns.map((c) => c.name)]).map((name) => (name === '_id' ? null : column(name, 'fields')));

  const values: unknown[] = [];
  const bind = (value: unknown) => `$${values.push(value)}`;
  const where = [...filterConditions(search.filters, column, bind), ...textConditions(search, columns, column, bind)];
  const order = sortOf(search.sort, (name) => (name === '_id' ? '_row' : quoteIdent(column(name, 'sort').name)));
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const from = qualified(table);
  const countValues = [...values];
  const selectList = selected.map((c) => (c ? `${(READ_AS[c.sqlType] ?? ((x: string) => x))(quoteIdent(c.name))} AS ${quoteIdent(c.name)}` : '(_row - 1) AS _id'));
  return {
    recordsSql: `SELECT ${selectList.join(', ')} FROM ${from} ${whereSql} ORDER BY ${order} LIMIT ${bind(limit)} OFFSET ${bind(offset)}`,
    recordsValues: values,
    countSql: search.includeTotal ? `SELECT count(*)::float8 AS n FROM ${from} ${whereSql}` : null,
    countValues,
    filtered: where.length > 0,
    fields: selected.map((c) => (c ? { id: c.name, type: CKAN_TYPES[c.sqlType] ?? c.sqlType } : { id: '_id', type: 'int' })),
    bigints: selected.flatMap((c) => (c === null ? ['_id'] : c.sqlType === 'bigint' ? [c.name] : [])),
    limit,
    offset,
  };
}

/** `filters`: field -> value or list of values, all fields must match (CKAN's semantics). */
function filterConditions(filters: Record<string, unknown> | null, column: (name: string, param: string) => Column, bind: (v: unknown) => string): string[] {
  return Object.entries(filters ?? {}).map(([name, value]) => {
    const target = name === '_id' ? '(_row - 1)' : quoteIdent(column(name, 'filters').name);
    const type = name === '_id' ? 'bigint' : column(name, 'filters').sqlType;
    const wanted = Array.isArray(value) ? value : [value];
    if (!wanted.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) throw refusal('filters', messageText('datastore.filterValues', { name }));
    const bad = wanted.find((v) => !fitsType(type, String(v)));
    if (bad !== undefined) throw refusal('filters', messageText('datastore.badFilterValue', { value: String(bad), name, type: CKAN_TYPES[type] ?? type }));
    return `${target} = ANY(${bind(wanted.map(String))}::${type}[])`;
  });
}

/**
 * `q` (and `full_text`): a text searched in every column, or an object of column -> text searched in that
 * column. The text is split on spaces and every word must match (as CKAN's plain full-text query): see
 * wordMatch for what matching means per type.
 */
function textConditions(search: DatastoreSearch, columns: Column[], column: (name: string, param: string) => Column, bind: (v: unknown) => string): string[] {
  const conditions: string[] = [];
  if (search.fullText?.trim()) conditions.push(...everyColumn(search.fullText, columns, bind));
  const q = search.q;
  if (q === null) return conditions;
  if (typeof q === 'string') return [...conditions, ...everyColumn(q, columns, bind)];
  for (const [name, value] of Object.entries(q)) {
    if (!['string', 'number', 'boolean'].includes(typeof value)) throw refusal('q', messageText('datastore.searchValue', { name }));
    const target = name === '_id' ? ID_COLUMN : column(name, 'q');
    for (const word of words(String(value))) {
      const match = wordMatch(target, word, bind);
      if (match === null) throw refusal('q', messageText('datastore.notAValue', { word, name, type: CKAN_TYPES[target.sqlType] ?? target.sqlType }));
      conditions.push(match);
    }
  }
  return conditions;
}

/** `_id` as a column: the row's place among the data rows. */
const ID_COLUMN: Column = { name: '_id', sqlType: 'bigint' };

const words = (value: string): string[] => value.trim().split(/\s+/).filter(Boolean);

/** Every word matches some column. */
function everyColumn(query: string, columns: Column[], bind: (v: unknown) => string): string[] {
  return words(query).map((word) => {
    const matches = columns.map((c) => wordMatch(c, word, bind)).filter((m): m is string => m !== null);
    return matches.length ? `(${matches.join(' OR ')})` : 'FALSE';
  });
}

/**
 * Whether a word matches a column's value, by type: text contains the word (any case); numbers and booleans
 * equal it; dates, timestamps and times start with it, as served (2026-09-01T08:00:00, so 2026-09 is a month).
 * Null when the word cannot be a value of the column (a text that is not a number, for a number column).
 */
function wordMatch(c: Column, word: string, bind: (v: unknown) => string): string | null {
  const target = c === ID_COLUMN ? '(_row - 1)' : quoteIdent(c.name);
  switch (c.sqlType) {
    case 'text':
      return `${target} ILIKE ${bind(`%${escapeLike(word)}%`)}`;
    case 'bigint':
    case 'integer':
    case 'double precision':
    case 'numeric':
    case 'boolean':
      return fitsType(c.sqlType, word) ? `${target} = ${bind(word)}::${c.sqlType}` : null;
    case 'date':
    case 'time without time zone':
    case 'timestamp without time zone':
      // Only digits and separators can start an ISO date or time.
      return /^[0-9T:.-]+$/.test(word) ? `${(READ_AS[c.sqlType] ?? ((x: string) => x))(target)} LIKE ${bind(`${word}%`)}` : null;
    default:
      return `${target}::text ILIKE ${bind(`%${escapeLike(word)}%`)}`;
  }
}

const INTEGER_RANGE: Record<string, bigint> = { integer: 2n ** 31n, bigint: 2n ** 63n };

/** Numbers (within their type's range) and booleans are checked here; other types (dates, times) are left to PostgreSQL's parser. */
function fitsType(sqlType: string, value: string): boolean {
  if (sqlType === 'bigint' || sqlType === 'integer') {
    if (!/^\s*-?\d+\s*$/.test(value)) return false;
    const n = BigInt(value.trim());
    return n >= -INTEGER_RANGE[sqlType] && n < INTEGER_RANGE[sqlType];
  }
  if (sqlType === 'double precision' || sqlType === 'numeric') return value.trim() !== '' && Number.isFinite(Number(value));
  if (sqlType === 'boolean') return /^(true|false|t|f|1|0|yes|no)$/i.test(value.trim());
  return true;
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `sort` as CKAN takes it: "a, b desc"; row order (`_id`) breaks ties so pages never overlap. */
function sortOf(sort: string | null, column: (name: string) => string): string {
  if (!sort?.trim()) return '_row';
  const keys = sort.split(',').map((part) => {
    const match = /^\s*"?([^"\s]+)"?\s*(asc|desc)?\s*$/i.exec(part);
    if (!match) throw refusal('sort', messageText('datastore.badSort', { sort: part.trim() }));
    return `${column(match[1])} ${(match[2] ?? 'asc').toUpperCase()}`;
  });
  return [...keys, '_row'].join(', ');
}
