import { CellReader, CellValue, UNREADABLE, readBoolean, readDate, readDatetime, readInteger, readNumber, readTime, readYearMonth } from '../check/cell-readers';
import { scanText } from '../personal-data/personal-data-scanner';
import { MaskedKind } from '../schema/table-schema';
import { IDENTIFIERS, IdentifierKind, MASKED_PATTERNS, NAME_HEADER, PERSONAL_KINDS, maskedForm, personalMatch } from './identifiers';

/**
 * Cell texts that mean "no value" in Chinese agencies' exports and monitoring feeds: empty cells, dashes of every
 * width, slashes, NA and 暂无. A marker is proposed as an x-missing-value only when the file uses it.
 */
export const MISSING_MARKERS: readonly string[] = ['', '-', '--', '---', '—', '——', '－', '-;', '/', '／', 'NA', 'N/A', 'n/a', '#N/A', 'null', 'NULL', '暂无', '无数据'];
const MISSING = new Set(MISSING_MARKERS);
const LONGEST_MARKER = Math.max(...MISSING_MARKERS.map((m) => m.length));

/** Types a column may still have, tried with the validator's own cell readers so the draft reads every value. */
export const CANDIDATE_TYPES = ['boolean', 'integer', 'number', 'date', 'datetime', 'yearmonth', 'time'] as const;
export type CandidateType = (typeof CANDIDATE_TYPES)[number];

const GROUPED_INTEGER = /^[+-]?\d{1,3}(?:,\d{3})+$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const LEADING_ZERO = /^0\d+$/;
const DIGITS = /^\d+$/;

/** Reads numbers written with a thousands separator ("8,642.35") as the validator does with x-group-char ",". */
function grouped(reader: (text: string) => number | typeof UNREADABLE, pattern: RegExp): CellReader {
  return (text) => (text.includes(',') ? (pattern.test(text) ? reader(text.split(',').join('')) : UNREADABLE) : reader(text));
}

const READERS: Record<CandidateType, CellReader> = {
  boolean: readBoolean,
  integer: grouped(readInteger, GROUPED_INTEGER),
  number: grouped(readNumber, GROUPED_NUMBER),
  date: readDate,
  datetime: readDatetime,
  yearmonth: readYearMonth,
  time: readTime,
};

/** How many distinct values are kept for an enum proposal; past this the column is not an enumeration. */
export const DISTINCT_CAP = 20;
/** Longer values are never enum members (free text), and are not kept. */
const ENUM_VALUE_MAX_LENGTH = 64;
const SAMPLE_SIZE = 5;
const SAMPLE_MAX_LENGTH = 40;

export interface PersonalTally {
  /** Every value so far is this kind of personal identifier, masked or not. */
  all: boolean;
  unmasked: number;
  masked: number;
  /** The masked form of every value matches MASKED_PATTERNS[kind]. */
  patternHolds: boolean;
}

export interface Range {
  min: CellValue;
  max: CellValue;
}

function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

function dateFormat(text: string): string {
  if (text.includes('年')) return 'YYYY年M月D日';
  if (DIGITS.test(text)) return 'YYYYMMDD';
  if (text.length === 10 && text[4] === '-') return 'YYYY-MM-DD';
  return text.includes('/') ? 'YYYY/M/D' : 'YYYY.M.D';
}

function datetimeFormat(text: string): string {
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(text.slice(19))) return 'ISO 8601 with offset';
  if (text.includes('T')) return 'YYYY-MM-DDTHH:mm:ss';
  return /:\d{2}:\d{2}/.test(text) ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm';
}

/**
 * What one pass learns about a column, in bounded memory whatever the file's size: the types its values can
 * still be read as (a lattice walked downwards, e.g. integer -> number -> string), missing-value markers, ranges,
 * lengths, up to DISTINCT_CAP distinct values, a few samples, and which identifiers every value matches.
 */
export class ColumnProfile {
  cells = 0;
  missing = 0;
  readonly markers = new Map<string, number>();
  private alive = new Set<CandidateType>(CANDIDATE_TYPES);
  readonly ranges = new Map<CandidateType, Range>();
  minLength = Infinity;
  maxLength = 0;
  /** Distinct values with their counts, or null once there were more than DISTINCT_CAP (or a long one). */
  distinct: Map<string, number> | null = new Map();
  readonly sample: string[] = [];
  leadingZero = false;
  groupSeen = false;
  booleanWord = false;
  allDigits = true;
  minDigits = Infinity;
  maxDigits = 0;
  readonly dateFormats = new Set<string>();
  readonly identifiers = new Map<IdentifierKind, boolean>(IDENTIFIERS.map((i) => [i.kind, true]));
  readonly personal = new Map<MaskedKind, PersonalTally>();
  /** Cells in which the personal-data scan finds something (the validator would reject them in a text column). */
  personalCells = 0;
  private readonly nameHeader: boolean;
  /** Identifiers and personal kinds still matching every value: most columns rule them all out on the first rows. */
  private identifiersAlive = IDENTIFIERS.length;
  private personalAlive = 0;
  private readonly maskedRegex = new Map<MaskedKind, RegExp>();

  constructor(readonly header: string) {
    this.nameHeader = NAME_HEADER.test(header);
    for (const kind of PERSONAL_KINDS) {
      if (kind === 'name' && !this.nameHeader) continue;
      this.personal.set(kind, { all: true, unmasked: 0, masked: 0, patternHolds: true });
      this.personalAlive++;
      const pattern = MASKED_PATTERNS[kind];
      if (pattern) this.maskedRegex.set(kind, new RegExp(pattern, 'u'));
    }
  }

  get present(): number {
    return this.cells - this.missing;
  }

  /** Whether every non-missing value so far reads as this type. */
  reads(type: CandidateType): boolean {
    return this.alive.has(type);
  }

  observe(text: string): void {
    this.cells++;
    if (text.length <= LONGEST_MARKER && MISSING.has(text)) {
      this.missing++;
      this.markers.set(text, (this.markers.get(text) ?? 0) + 1);
      return;
    }
    const length = codePoints(text);
    if (length < this.minLength) this.minLength = length;
    if (length > this.maxLength) this.maxLength = length;
    this.countDistinct(text);
    this.readTypes(text);
    if (this.identifiersAlive) this.matchIdentifiers(text);
    if (this.personalAlive) this.matchPersonal(text);
    if (text.length >= 11 && scanText(text).length > 0) this.personalCells++;
  }

  private countDistinct(text: string): void {
    if (this.distinct) {
      if (text.length > ENUM_VALUE_MAX_LENGTH) this.distinct = null;
      else {
        this.distinct.set(text, (this.distinct.get(text) ?? 0) + 1);
        if (this.distinct.size > DISTINCT_CAP) this.distinct = null;
      }
    }
    if (this.sample.length < SAMPLE_SIZE) {
      const shown = text.length > SAMPLE_MAX_LENGTH ? `${text.slice(0, SAMPLE_MAX_LENGTH)}…` : text;
      if (!this.sample.includes(shown)) this.sample.push(shown);
    }
  }

  private readTypes(text: string): void {
    if (this.allDigits) {
      if (DIGITS.test(text)) {
        if (text.length < this.minDigits) this.minDigits = text.length;
        if (text.length > this.maxDigits) this.maxDigits = text.length;
        if (LEADING_ZERO.test(text)) {
          // A code such as 0903 or 001: reading it as a number would lose the zeros.
          this.leadingZero = true;
          this.alive.delete('integer');
          this.alive.delete('number');
        }
      } else this.allDigits = false;
    }
    for (const type of this.alive) {
      const value = READERS[type](text);
      if (value === UNREADABLE) {
        this.alive.delete(type);
        continue;
      }
      const range = this.ranges.get(type);
      if (!range) this.ranges.set(type, { min: value, max: value });
      else if (value < range.min) range.min = value;
      else if (value > range.max) range.max = value;
      if (type === 'boolean' && text !== '0' && text !== '1') this.booleanWord = true;
      else if ((type === 'integer' || type === 'number') && text.includes(',')) this.groupSeen = true;
      else if (type === 'date') this.dateFormats.add(dateFormat(text));
      else if (type === 'datetime') this.dateFormats.add(datetimeFormat(text));
    }
  }

  private matchIdentifiers(text: string): void {
    for (const spec of IDENTIFIERS) {
      if (this.identifiers.get(spec.kind) && !spec.test(text)) {
        this.identifiers.set(spec.kind, false);
        this.identifiersAlive--;
      }
    }
  }

  private matchPersonal(text: string): void {
    for (const [kind, tally] of this.personal) {
      if (!tally.all) continue;
      const match = personalMatch(text, kind, this.nameHeader);
      if (match === null) {
        tally.all = false;
        this.personalAlive--;
        continue;
      }
      tally[match]++;
      const regex = this.maskedRegex.get(kind);
      if (regex && tally.patternHolds && !regex.test(maskedForm(text, kind))) tally.patternHolds = false;
    }
  }

  /** The personal identifier every value is (masked or not), checked in PERSONAL_KINDS order. */
  personalKind(): MaskedKind | null {
    if (this.present === 0) return null;
    for (const [kind, tally] of this.personal) if (tally.all && tally.unmasked + tally.masked === this.present) return kind;
    return null;
  }

  identifier(): IdentifierKind | null {
    if (this.present === 0) return null;
    return IDENTIFIERS.find((spec) => this.identifiers.get(spec.kind))?.kind ?? null;
  }
}
