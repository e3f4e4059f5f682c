import { MessageKey, MessageText, badInput, fieldError, messageText } from '@opendata/common';
import { FieldSpec, FieldType } from '@opendata/validation';
import { columnSqlType, quoteIdent } from '../row-table';

/** A cell value as the row API takes and returns it (dates, times and timestamps as ISO text). */
export type RowValue = string | number | boolean | null;

/**
 * Conditions on one field; every condition given must hold (AND). Values are checked against the field's type
 * before any SQL runs, so a malformed filter is a BAD_USER_INPUT naming the field (`where.aqi.gt`).
 */
export interface FieldCondition {
  eq?: RowValue;
  in?: RowValue[];
  gt?: RowValue;
  gte?: RowValue;
  lt?: RowValue;
  lte?: RowValue;
  /** Case-insensitive substring match; string fields only. */
  contains?: string;
  /** true: the cell is empty; false: it has a value. */
  isNull?: boolean;
}

/** Field name -> conditions; all fields' conditions must hold. */
export type RowFilter = Record<string, FieldCondition>;

export const FILTER_OPERATORS = ['eq', 'in', 'gt', 'gte', 'lt', 'lte', 'contains', 'isNull'] as const;
const COMPARISON: Record<string, string> = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' };
const MAX_IN_VALUES = 1000;

/**
 * Where the SQL of a query gets its values from: normally bind parameters ($1 ...), for COPY (which takes
 * none) transaction-local settings read back with current_setting(). Either way user input never enters the
 * SQL text.
 */
export class SqlParams {
  readonly values: unknown[] = [];
  constructor(private readonly mode: 'bind' | 'settings' = 'bind') {}

  /** A placeholder for `value`, cast to `sqlType`. */
  add(value: unknown, sqlType: string): string {
    this.values.push(value);
    const n = this.values.length;
    return this.mode === 'bind' ? `$${n}::${sqlType}` : `current_setting('opendata.p${n}')::${sqlType}`;
  }

  /** For settings mode: the statement that loads the values (run inside the COPY's transaction). */
  settingsStatement(): { sql: string; params: string[] } | null {
    if (this.values.length === 0) return null;
    const calls = this.values.map((_, i) => `set_config('opendata.p${i + 1}', $${i + 1}, true)`);
    return { sql: `SELECT ${calls.join(', ')}`, params: this.values.map(settingText) };
  }
}

/** set_config takes text: arrays in PostgreSQL's array literal form, everything else as its text. */
function settingText(value: unknown): string {
  if (Array.isArray(value)) return `{${value.map((v) => `"${String(v).replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
  return String(value);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** ISO 8601 as the exports write it (2018-02-20T07:00:00+08:00), with or without seconds, fraction and offset. */
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const BEIJING_OFFSET_MINUTES = 8 * 60;
const TIME = /^\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$/;
const YEARMONTH = /^\d{4}-\d{2}$/;

/** Checks one value against a field type; returns it in the form its SQL cast reads, or an error message. */
export function checkValue(type: FieldType, value: unknown): { ok: true; value: string | number | boolean } | { ok: false; message: MessageText } {
  const fail = (expected: Extract<MessageKey, `rows.expect.${string}`>) => ({ ok: false as const, message: messageText('rows.expects', { expected: messageText(expected), got: String(JSON.stringify(value)) }) });
  switch (type) {
    case 'integer':
    case 'year': {
      const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
      return typeof n === 'number' && Number.isSafeInteger(n) ? { ok: true, value: n } : fail('rows.expect.integer');
    }
    case 'number': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof n === 'number' && Number.isFinite(n) ? { ok: true, value: n } : fail('rows.expect.number');
    }
    case 'boolean':
      if (typeof value === 'boolean') return { ok: true, value };
      if (value === 'true' || value === 'false') return { ok: true, value: value === 'true' };
      return fail('rows.expect.boolean');
    case 'date':
      return typeof value === 'string' && DATE.test(value) && validDate(value) ? { ok: true, value } : fail('rows.expect.date');
    case 'datetime': {
      const local = typeof value === 'string' ? beijingDatetime(value) : null;
      return local ? { ok: true, value: local } : fail('rows.expect.datetime');
    }
    case 'time':
      return typeof value === 'string' && TIME.test(value) ? { ok: true, value } : fail('rows.expect.time');
    case 'yearmonth':
      return typeof value === 'string' && YEARMONTH.test(value) ? { ok: true, value } : fail('rows.expect.yearmonth');
    case 'string':
      return typeof value === 'string' || typeof value === 'number' ? { ok: true, value: String(value) } : fail('rows.expect.string');
  }
}

/**
 * A bound on a datetime column, as the column holds it: Beijing time, `YYYY-MM-DD HH:MM:SS[.ffffff]`. A date
 * alone is the start of that day in China Standard Time (+08:00); a time without an offset is Beijing time, as
 * in the uploaded files; a time with an offset (Z, +00:00, -0500 ...) is converted to Beijing time.
 */
export function beijingDatetime(text: string): string | null {
  if (DATE.test(text)) return validDate(text) ? `${text} 00:00:00` : null;
  const m = DATETIME.exec(text);
  if (!m || !validDate(`${m[1]}-${m[2]}-${m[3]}`)) return null;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const fraction = m[7] ?? '';
  const zone = m[8];
  if (!zone) return `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6] ?? '00'}${fraction}`;
  const offset = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3).replace(':', '') || 0));
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hour, minute, second) - offset * 60_000;
  const local = new Date(utc + BEIJING_OFFSET_MINUTES * 60_000).toISOString();
  return /^\d{4}-/.test(local) ? `${local.slice(0, 10)} ${local.slice(11, 19)}${fraction}` : null;
}

function validDate(text: string): boolean {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** The field of a name, or BAD_USER_INPUT listing the fields there are. */
export function fieldNamed(fields: FieldSpec[], name: string, path: string): FieldSpec {
  const field = fields.find((f) => f.name === name);
  if (!field) throw badInput([fieldError(path, 'rows.unknownField', { name, fields: fields.map((f) => f.name).join(', ') })]);
  return field;
}

/** Checks a filter against the fields and compiles it into SQL conditions (ANDed); '' for no filter. */
export function compileFilter(fields: FieldSpec[], filter: RowFilter | null | undefined, params: SqlParams, path = 'where'): string {
  if (filter === null || filter === undefined) return '';
  if (typeof filter !== 'object' || Array.isArray(filter)) throw badInput([fieldError(path, 'rows.filterShape')]);
  const parts: string[] = [];
  for (const [name, condition] of Object.entries(filter)) {
    const field = fieldNamed(fields, name, `${path}.${name}`);
    if (!condition || typeof condition !== 'object' || Array.isArray(condition)) {
      throw badInput([fieldError(`${path}.${name}`, 'rows.conditionShape', { operators: FILTER_OPERATORS.join(', ') })]);
    }
    parts.push(...compileCondition(field, condition, params, `${path}.${name}`));
  }
  return parts.join(' AND ');
}

function compileCondition(field: FieldSpec, condition: FieldCondition, params: SqlParams, path: string): string[] {
  const column = quoteIdent(field.name);
  const sqlType = columnSqlType(field.type);
  const value = (op: string, raw: unknown): string | number | boolean => {
    const checked = checkValue(field.type, raw);
    if (!checked.ok) throw badInput([fieldError(`${path}.${op}`, 'rows.badValue', { field: field.name, problem: checked.message })]);
    return checked.value;
  };
  const parts: string[] = [];
  for (const [op, raw] of Object.entries(condition)) {
    if (raw === undefined) continue;
    if (op in COMPARISON) {
      // eq null reads as "is empty", as a client would mean it.
      if (raw === null && op === 'eq') parts.push(`${column} IS NULL`);
      else parts.push(`${column} ${COMPARISON[op]} ${params.add(value(op, raw), sqlType)}`);
    } else if (op === 'in') {
      if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_IN_VALUES) {
        throw badInput([fieldError(`${path}.in`, 'rows.inList', { max: MAX_IN_VALUES })]);
      }
      parts.push(`${column} = ANY(${params.add(raw.map((v) => value('in', v)), `${sqlType}[]`)})`);
    } else if (op === 'contains') {
      if (field.type !== 'string') throw badInput([fieldError(`${path}.contains`, 'rows.containsText', { field: field.name, type: field.type })]);
      if (typeof raw !== 'string' || raw === '') throw badInput([fieldError(`${path}.contains`, 'rows.nonEmptyString')]);
      // LIKE wildcards in the value are matched literally.
      parts.push(`${column} ILIKE '%' || ${params.add(raw.replace(/[\\%_]/g, '\\$&'), 'text')} || '%'`);
    } else if (op === 'isNull') {
      if (typeof raw !== 'boolean') throw badInput([fieldError(`${path}.isNull`, 'rows.trueOrFalse')]);
      parts.push(`${column} IS ${raw ? '' : 'NOT '}NULL`);
    } else {
      throw badInput([fieldError(`${path}.${op}`, 'rows.unknownCondition', { op, operators: FILTER_OPERATORS.join(', ') })]);
    }
  }
  return parts;
}
