import { FieldSpec, FieldType } from '../schema/table-schema';

/** Marks a cell whose text cannot be read as its field's type (a type-error). */
export const UNREADABLE = Symbol('unreadable');

export type CellValue = string | number | boolean;
export type CellReader = (text: string) => CellValue | typeof UNREADABLE;

/**
 * How cell texts become typed values. These run for every cell of every upload, so the common forms are
 * recognised by character codes rather than regular expressions. Dates and times come out normalised
 * (YYYY-MM-DD, YYYY-MM-DD HH:mm:ss, HH:mm:ss); datetimes without an offset are Beijing time, those with an
 * offset are converted to it (China has one time zone and no daylight saving since 1991).
 */
export function cellReader(field: Pick<FieldSpec, 'type' | 'groupChar'>): CellReader {
  const group = field.groupChar;
  const strip = group ? (text: string) => (text.includes(group) ? text.split(group).join('') : text) : (text: string) => text;
  const readers: Record<FieldType, CellReader> = {
    string: (text) => text,
    integer: (text) => readInteger(strip(text)),
    number: (text) => readNumber(strip(text)),
    boolean: readBoolean,
    date: readDate,
    datetime: readDatetime,
    time: readTime,
    year: (text) => (text.length === 4 && isDigits(text, 0, 4) ? Number(text) : UNREADABLE),
    yearmonth: readYearMonth,
  };
  return readers[field.type];
}

function isDigits(text: string, from: number, to: number): boolean {
  if (to > text.length) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function readInteger(text: string): number | typeof UNREADABLE {
  const start = text.charCodeAt(0) === 45 || text.charCodeAt(0) === 43 ? 1 : 0;
  if (text.length === start || text.length - start > 16 || !isDigits(text, start, text.length)) return UNREADABLE;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : UNREADABLE;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function readNumber(text: string): number | typeof UNREADABLE {
  // Fast path: plain decimals such as 12, 0.7, -3.25.
  let dot = false;
  let ok = text.length > 0 && text.length < 30;
  for (let i = text.charCodeAt(0) === 45 ? 1 : 0; ok && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && !dot) dot = true;
    else if (c < 48 || c > 57) ok = false;
  }
  if (ok && text !== '-' && text !== '.' && text !== '-.') return Number(text);
  if (!NUMBER.test(text)) return UNREADABLE;
  const value = Number(text);
  return Number.isFinite(value) ? value : UNREADABLE;
}

const TRUE = new Set(['true', 'True', 'TRUE', 'yes', 'Yes', 'YES', '1', '是', 'y', 'Y']);
const FALSE = new Set(['false', 'False', 'FALSE', 'no', 'No', 'NO', '0', '否', 'n', 'N']);

export function readBoolean(text: string): boolean | typeof UNREADABLE {
  return TRUE.has(text) ? true : FALSE.has(text) ? false : UNREADABLE;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

const CJK_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const SLASH_DATE = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;

export function readDate(text: string): string | typeof UNREADABLE {
  let y: number;
  let m: number;
  let d: number;
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45 && isDigits(text, 0, 4) && isDigits(text, 5, 7) && isDigits(text, 8, 10)) {
    y = Number(text.slice(0, 4));
    m = Number(text.slice(5, 7));
    d = Number(text.slice(8, 10));
  } else {
    const match = SLASH_DATE.exec(text) ?? CJK_DATE.exec(text) ?? (text.length === 8 && isDigits(text, 0, 8) ? [text, text.slice(0, 4), text.slice(4, 6), text.slice(6, 8)] : null);
    if (!match) return UNREADABLE;
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  return validDate(y, m, d) ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : UNREADABLE;
}

const DATETIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const BEIJING_OFFSET_MINUTES = 8 * 60;

/** Two digits at `at` as a number, or -1. */
function two(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The forms monitoring feeds write (YYYY-MM-DD HH:mm and YYYY-MM-DD[ T]HH:mm:ss, Beijing time) without a
 * regular expression; null sends anything else to the general reader.
 */
function readCommonDatetime(text: string): string | typeof UNREADABLE | null {
  const n = text.length;
  if ((n !== 16 && n !== 19) || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58) return null;
  const sep = text.charCodeAt(10);
  if ((sep !== 32 && sep !== 84) || (n === 19 && text.charCodeAt(16) !== 58)) return null;
  const year = two(text, 0) * 100 + two(text, 2);
  const [month, day, hour, minute, second] = [two(text, 5), two(text, 8), two(text, 11), two(text, 14), n === 19 ? two(text, 17) : 0];
  if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  if (!validDate(year, month, day)) return UNREADABLE;
  if (n === 19) return sep === 32 ? text : `${text.slice(0, 10)} ${text.slice(11)}`;
  return `${text}:00`;
}

export function readDatetime(text: string): string | typeof UNREADABLE {
  const common = readCommonDatetime(text);
  if (common !== null) return common;
  const m = DATETIME.exec(text);
  if (!m) return UNREADABLE;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  if (!validDate(y, mo, d) || h > 24 || mi > 59 || s > 59 || (h === 24 && (mi > 0 || s > 0))) return UNREADABLE;
  const zone = m[8];
  if (!zone && h < 24) return `${pad(y, 4)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`;
  // 24:00 (end of day, used by some monitoring feeds) and explicit offsets: compute, then show Beijing time.
  let offset = BEIJING_OFFSET_MINUTES;
  if (zone && zone !== 'Z') offset = (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  else if (zone === 'Z') offset = 0;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000;
  const local = new Date(utc + BEIJING_OFFSET_MINUTES * 60_000);
  return local.toISOString().slice(0, 19).replace('T', ' ');
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

export function readTime(text: string): string | typeof UNREADABLE {
  const m = TIME.exec(text);
  if (!m) return UNREADABLE;
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  return h < 24 && mi < 60 && s < 60 ? `${pad(h)}:${pad(mi)}:${pad(s)}` : UNREADABLE;
}

const YEAR_MONTH = /^(\d{4})(?:[-/.]|年)(\d{1,2})月?$/;

export function readYearMonth(text: string): string | typeof UNREADABLE {
  const m = YEAR_MONTH.exec(text);
  if (!m) return UNREADABLE;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${m[1]}-${pad(month)}` : UNREADABLE;
}
