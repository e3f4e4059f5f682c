import { message } from '@opendata/common';
import { CellValue } from '../check/cell-readers';
import { maskFindings } from '../personal-data/masking';
import { JSON_TYPE_OF } from '../schema/schema-loader';
import { FieldType, MaskedKind } from '../schema/table-schema';
import { CANDIDATE_TYPES, CandidateType, ColumnProfile, DISTINCT_CAP, Range } from './column-profile';
import { IDENTIFIERS, IdentifierKind, MASKED_PATTERNS, PERSONAL_LABELS, PERSONAL_STANDARDS, maskedForm } from './identifiers';

/** What the inference saw in one column, returned beside the draft so a person can judge each proposal. */
export interface ColumnEvidence {
  fieldNumber: number;
  header: string;
  name: string;
  type: FieldType;
  required: boolean;
  /** Cells read in this column (rows that had a cell for it). */
  rowsSeen: number;
  missing: number;
  /** Missing-value markers found, with their counts ("" is an empty cell). */
  missingMarkers: Record<string, number>;
  /** Distinct non-missing values, or null when there were more than distinctCap. */
  distinctCount: number | null;
  distinctCap: number;
  /** The first distinct values, personal data masked. */
  distinctSample: string[];
  min: CellValue | null;
  max: CellValue | null;
  minLength: number | null;
  maxLength: number | null;
  /** Every type all values can be read as (the chosen one is the most specific). */
  readsAs: CandidateType[];
  formats: string[];
  identifier: IdentifierKind | null;
  personalData: { kind: MaskedKind; unmasked: number; masked: number } | null;
  /** Cells where the personal-data scan found a resident ID, mobile or card number inside other text. */
  personalDataCells: number;
  notes: string[];
}

export interface FieldProposal {
  field: Record<string, unknown>;
  evidence: ColumnEvidence;
  rule: 'uscc-check' | null;
}

const CODE_HEADER = /编码|代码|编号|代号|号码|证号|code$|_id$|^id$|_no$/i;
const YEAR_HEADER = /年度|年份|^年$|year/i;
const DATE_HEADER = /日期|date|时间|time/i;
const LENGTH_BUCKETS = [8, 16, 32, 64, 128, 256, 512, 1000, 2000, 5000];

/** The most specific type every value reads as; header words decide between readings of digits (year, date, code). */
export function chooseType(p: ColumnProfile): FieldType {
  if (p.present === 0 || p.personalKind() || p.identifier()) return 'string';
  if (p.reads('boolean') && p.booleanWord) return 'boolean';
  // Long digit runs are serial numbers, not quantities: as numbers they would lose digits.
  if (p.allDigits && p.maxDigits >= 16) return 'string';
  if (p.reads('integer')) {
    if (CODE_HEADER.test(p.header)) return 'string';
    if (p.reads('date') && DATE_HEADER.test(p.header)) return 'date';
    const range = p.ranges.get('integer')!;
    if (YEAR_HEADER.test(p.header) && p.minDigits === 4 && p.maxDigits === 4 && Number(range.min) >= 1000) return 'year';
    return 'integer';
  }
  if (p.reads('number')) return 'number';
  for (const type of ['date', 'datetime', 'yearmonth', 'time'] as const) if (p.reads(type)) return type;
  return 'string';
}

function stringConstraints(p: ColumnProfile, field: Record<string, unknown>, notes: string[]): void {
  const personal = p.personalKind();
  const identifier = p.identifier();
  if (personal) {
    const pattern = MASKED_PATTERNS[personal];
    if (pattern && p.personal.get(personal)!.patternHolds) field.pattern = pattern;
    return;
  }
  if (identifier) {
    field.pattern = IDENTIFIERS.find((i) => i.kind === identifier)!.pattern;
    return;
  }
  if (p.present > 0 && p.allDigits) {
    const [min, max] = [p.minDigits, p.maxDigits];
    field.pattern = min === max ? `^\\d{${min}}$` : `^\\d{${min},${max}}$`;
    notes.push(message('infer.digitCode'));
  }
  const distinct = p.distinct;
  if (distinct && distinct.size >= 2 && p.present >= 2 * distinct.size && p.maxLength <= 64) {
    field.enum = [...distinct.keys()];
    notes.push(message('infer.enumeration', { count: distinct.size }));
  }
  const bucket = LENGTH_BUCKETS.find((b) => b >= p.maxLength);
  if (p.present > 0 && bucket && !field.enum) field.maxLength = bucket;
}

function personalDescription(kind: MaskedKind, unmasked: number): string {
  const label = PERSONAL_LABELS[kind];
  return unmasked > 0
    ? `含未脱敏的${label.split(' / ')[0]}（${unmasked} 个）：发布前须按平台规则脱敏（validate --mask 生成脱敏副本）。 / Holds ${unmasked} unmasked ${label.split(' / ')[1]}s: mask them before publishing (validate --mask writes a masked copy).`
    : `已脱敏的${label.split(' / ')[0]}。 / Masked ${label.split(' / ')[1]}s.`;
}

function sampleShown(p: ColumnProfile, kind: MaskedKind | null): string[] {
  return p.sample.map((v) => (kind ? maskedForm(v, kind) : maskFindings(v)));
}

/**
 * The draft field for a profiled column (JSON Schema with the x- keywords of schemas/collection) and the evidence
 * behind it. Every constraint is one all observed values satisfy, so the draft accepts its own source file
 * (personal-data columns excepted: their values must be masked first).
 */
export function proposeField(p: ColumnProfile, fieldNumber: number, naming: { name: string; title: string; titleEn: string | null; aliases: string[]; unit: string | null }): FieldProposal {
  const type = chooseType(p);
  const notes: string[] = [];
  const personal = p.personalKind();
  const identifier = p.identifier();
  const field: Record<string, unknown> = { title: naming.title };
  if (naming.titleEn) field['x-title-en'] = naming.titleEn;
  const descriptions: string[] = [];
  field['x-type'] = type;
  field.type = JSON_TYPE_OF[type];
  if (naming.unit) field['x-unit'] = naming.unit;
  if (naming.aliases.length) field['x-aliases'] = naming.aliases;
  if (type === 'string') stringConstraints(p, field, notes);
  if ((type === 'integer' || type === 'number') && p.groupSeen) field['x-group-char'] = ',';
  const range = type === 'year' ? p.ranges.get('integer') : p.ranges.get(type as CandidateType);
  if ((type === 'integer' || type === 'number') && range && Number(range.min) >= 0) field.minimum = 0;
  if (personal) {
    field['x-masked'] = personal;
    field['x-standard'] = PERSONAL_STANDARDS[personal];
    descriptions.push(personalDescription(personal, p.personal.get(personal)!.unmasked));
  } else if (identifier) {
    const spec = IDENTIFIERS.find((i) => i.kind === identifier)!;
    if (spec.standard) field['x-standard'] = spec.standard;
    descriptions.push(`${spec.label.split(' / ')[0]}（每个值均符合其编码规则）。 / Every value is a valid ${spec.label.split(' / ')[1]}.`);
  }
  const formats = type === 'date' || type === 'datetime' ? [...p.dateFormats] : [];
  if (formats.length) descriptions.push(`日期格式 / date format: ${formats.join(', ')}.`);
  if (p.present === 0) notes.push(message('infer.noValue'));
  if (p.personalCells > 0 && !personal) notes.push(message('infer.personalCellsNote', { count: p.personalCells }));
  if (descriptions.length) field.description = descriptions.join(' ');
  const evidence = evidenceOf(p, { fieldNumber, name: naming.name, type, range, formats, notes });
  return { field: orderKeys(field), evidence, rule: identifier === 'uscc' ? 'uscc-check' : null };
}

function evidenceOf(p: ColumnProfile, seen: { fieldNumber: number; name: string; type: FieldType; range: Range | undefined; formats: string[]; notes: string[] }): ColumnEvidence {
  const personal = p.personalKind();
  const identifier = p.identifier();
  const tally = personal ? p.personal.get(personal)! : null;
  const hideRange = personal !== null || identifier !== null;
  return {
    fieldNumber: seen.fieldNumber,
    header: p.header,
    name: seen.name,
    type: seen.type,
    required: p.missing === 0 && p.present > 0,
    rowsSeen: p.cells,
    missing: p.missing,
    missingMarkers: Object.fromEntries(p.markers),
    distinctCount: p.distinct ? p.distinct.size : null,
    distinctCap: DISTINCT_CAP,
    distinctSample: sampleShown(p, personal),
    min: hideRange ? null : (seen.range?.min ?? null),
    max: hideRange ? null : (seen.range?.max ?? null),
    minLength: p.present ? p.minLength : null,
    maxLength: p.present ? p.maxLength : null,
    readsAs: p.present ? CANDIDATE_TYPES.filter((t) => p.reads(t)) : [],
    formats: seen.formats,
    identifier,
    personalData: personal && tally ? { kind: personal, unmasked: tally.unmasked, masked: tally.masked } : null,
    personalDataCells: p.personalCells,
    notes: seen.notes,
  };
}

/** Keys in the order the collection standards write them, so a draft reads like schemas/collection. */
const KEY_ORDER = ['title', 'x-title-en', 'description', 'x-type', 'type', 'x-unit', 'x-aliases', 'x-masked', 'x-group-char', 'minimum', 'maxLength', 'pattern', 'enum', 'x-standard'];

function orderKeys(field: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(KEY_ORDER.filter((k) => k in field).map((k) => [k, field[k]]));
}
