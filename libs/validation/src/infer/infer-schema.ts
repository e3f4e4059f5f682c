import { AppError, appError, badInput, fieldError, message } from '@opendata/common';
import { createHash } from 'node:crypto';
import { mapHeader, normalizeLabel } from '../check/header-mapping';
import { CsvFormatError, EncodingError, JsonFormatError, NotTextError, TableFormat, XlsxFormatError, detectFormat, normalizeEncoding, peekBytes, readTable } from '../read';
import { ReportBuilder } from '../report/report-builder';
import { checkCollectionDocument } from '../schema/schema-loader';
import { TableSchema } from '../schema/table-schema';
import { ColumnProfile, MISSING_MARKERS } from './column-profile';
import { KnownField, asciiName, fileStem, hasCjk, knownFields, schemaIdFrom, unitOf } from './field-names';
import { ColumnEvidence, FieldProposal, proposeField } from './field-proposal';

export interface InferSchemaOptions {
  fileName: string;
  contentType?: string | null;
  format?: TableFormat;
  encoding?: string | null;
  delimiter?: string | null;
  /** The draft's x-id; derived from the file name when absent. */
  id?: string | null;
  /** The built-in collection standards: their names and titles are reused, their ids are not taken. */
  standards?: readonly TableSchema[];
}

export interface InferenceEvidence {
  fileName: string;
  format: TableFormat;
  encoding: string | null;
  delimiter: string | null;
  /** Data rows read (the header not counted). */
  rowCount: number;
  columns: ColumnEvidence[];
  /** What in the file the draft cannot make valid (blank or duplicate labels, ragged or blank rows, personal data). */
  warnings: string[];
}

export interface SchemaInference {
  /** A collection schema document (schemas/meta/collection.schema.json), ready to edit and register. */
  schema: Record<string, unknown>;
  evidence: InferenceEvidence;
}

/** The meta-schema's limit on properties. */
export const MAX_COLUMNS = 500;
const SCHEMA_URI = 'https://json-schema.org/draft/2020-12/schema';

interface Scan {
  header: string[];
  profiles: ColumnProfile[];
  rowCount: number;
  blankRows: number;
  raggedRows: number;
}

async function scanTable(bytes: AsyncIterable<Uint8Array>, options: InferSchemaOptions, format: TableFormat): Promise<Scan & { encoding: string | null; delimiter: string | null }> {
  const table = readTable(bytes, { format, encoding: options.encoding ?? undefined, delimiter: options.delimiter ?? undefined });
  let scan: Scan | null = null;
  try {
    for await (const batch of table.batches) {
      let rows = batch.rows;
      if (!scan) {
        if (rows.length === 0) continue;
        const header = rows[0];
        if (header.length > MAX_COLUMNS) throw appError('UNPROCESSABLE', 'infer.tooManyColumns', { columns: header.length, max: MAX_COLUMNS });
        scan = { header, profiles: header.map((h) => new ColumnProfile(h)), rowCount: 0, blankRows: 0, raggedRows: 0 };
        rows = rows.slice(1);
      }
      observeRows(scan, rows);
    }
  } catch (error) {
    throw readingProblem(error);
  }
  if (!scan) throw appError('UNPROCESSABLE', 'infer.empty');
  const encoding = await table.encoding.catch(() => null);
  const dialect = await table.dialect.catch(() => null);
  return { ...scan, encoding, delimiter: dialect?.delimiter ?? null };
}

function observeRows(scan: Scan, rows: string[][]): void {
  const width = scan.profiles.length;
  for (const row of rows) {
    scan.rowCount++;
    if (row.every((cell) => cell === '')) {
      scan.blankRows++;
      continue;
    }
    if (row.length !== width) scan.raggedRows++;
    const n = Math.min(width, row.length);
    for (let j = 0; j < n; j++) scan.profiles[j].observe(row[j]);
  }
}

/** The reading options a client may give: an encoding the readers decode, a one-character delimiter. */
function checkReadOptions(options: InferSchemaOptions): void {
  if (options.encoding && !normalizeEncoding(options.encoding)) throw badInput([fieldError('encoding', 'read.unknownEncoding', { encoding: options.encoding })]);
  if (options.delimiter && [...options.delimiter].length !== 1) throw badInput([fieldError('delimiter', 'read.badDelimiter')]);
}

function readingProblem(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof EncodingError) return appError('UNPROCESSABLE', 'infer.encoding', { error: error.text }, { type: 'encoding-error' });
  if (error instanceof NotTextError || error instanceof CsvFormatError || error instanceof JsonFormatError || error instanceof XlsxFormatError) {
    return appError('UNPROCESSABLE', 'infer.unreadable', { error: error.text }, { type: 'format-error' });
  }
  return error;
}

interface Naming {
  name: string;
  title: string;
  titleEn: string | null;
  aliases: string[];
  unit: string | null;
}

/**
 * Names and titles for the columns: the standards' own where the header is one of their names, titles or
 * aliases; otherwise the ASCII header itself, or col_N for a Chinese one. A Chinese header is the title (the
 * validator matches headers by title too); an ASCII header the standards know gets their Chinese title and
 * stays accepted as an alias.
 */
function nameColumns(header: string[], known: Map<string, KnownField>): Naming[] {
  const used = new Set<string>();
  return header.map((label, i) => {
    const trimmed = label.trim();
    const match = known.get(normalizeLabel(label));
    let name = match && !used.has(match.name) ? match.name : (asciiName(label) ?? `col_${i + 1}`);
    if (used.has(name)) name = uniqueName(name, used, i);
    used.add(name);
    const cjk = hasCjk(trimmed);
    const title = trimmed === '' ? `第${i + 1}列` : cjk || !match ? trimmed : match.title;
    const aliases = trimmed !== '' && normalizeLabel(title) !== normalizeLabel(trimmed) && normalizeLabel(name) !== normalizeLabel(trimmed) ? [trimmed] : [];
    return { name, title, titleEn: match?.titleEn ?? null, aliases, unit: unitOf(trimmed) };
  });
}

function uniqueName(name: string, used: Set<string>, column: number): string {
  for (let n = 2; n < 1000; n++) {
    const candidate = `${name.slice(0, 58)}_${n}`;
    if (!used.has(candidate)) return candidate;
  }
  return `col_${column + 1}`;
}

function buildDocument(id: string, fileName: string, rowCount: number, proposals: FieldProposal[], profiles: ColumnProfile[]): Record<string, unknown> {
  const stem = fileStem(fileName);
  const markers = new Set<string>(['']);
  for (const p of profiles) for (const m of p.markers.keys()) markers.add(m);
  const required = proposals.filter((p) => p.evidence.required).map((p) => p.evidence.name);
  const rules = [...new Set(proposals.map((p) => p.rule).filter((r) => r !== null))];
  return {
    $schema: SCHEMA_URI,
    $id: `urn:opendata:schema:draft:${id}:1`,
    'x-id': id,
    'x-version': 1,
    title: hasCjk(stem) ? stem : `${stem} 采集标准草案 / Draft collection schema`,
    'x-title-en': `Draft schema inferred from ${stem}`,
    description: `由平台从 ${fileName}（${rowCount} 行）推断的草案：登记前请核对字段名、类型、必填项、枚举和模式。 / Draft inferred from ${fileName} (${rowCount} rows): review names, types, required fields, enumerations and patterns before registering it.`,
    type: 'object',
    properties: Object.fromEntries(proposals.map((p) => [p.evidence.name, p.field])),
    ...(required.length ? { required } : {}),
    additionalProperties: false,
    'x-missing-values': MISSING_MARKERS.filter((m) => markers.has(m)),
    ...(rules.length ? { 'x-rules': rules } : {}),
  };
}

/** USCC columns need a name the uscc-check rule recognises (…uscc, …shxym, …cfjgdm). */
function usccName(name: string, used: Set<string>): string {
  if (/(shxym|cfjgdm|uscc)$/.test(name)) return name;
  const wanted = /^col_\d+$/.test(name) ? 'uscc' : `${name.slice(0, 57)}_uscc`;
  return used.has(wanted) ? uniqueName(wanted, used, 0) : wanted;
}

/**
 * Fields the validator would map to another column (their name or title is another column's header) fall back
 * to col_N titled with their own header.
 */
function settleNames(header: string[], names: Naming[]): void {
  for (let attempt = 0; attempt < 3; attempt++) {
    const schema: Pick<TableSchema, 'fields' | 'headerMatching' | 'id'> = {
      id: 'draft',
      headerMatching: 'name',
      fields: names.map((n) => ({ name: n.name, title: n.title, aliases: n.aliases, required: false }) as TableSchema['fields'][number]),
    };
    const columns = mapHeader(header, schema as TableSchema, new ReportBuilder());
    const wrong = columns.map((c, i) => (c === i || header[i].trim() === '' ? -1 : i)).filter((i) => i >= 0);
    if (wrong.length === 0) return;
    for (const i of wrong) names[i] = { ...names[i], name: `col_${i + 1}`, title: header[i].trim(), titleEn: null, aliases: [] };
  }
}

function warningsOf(scan: Scan, header: string[], proposals: FieldProposal[]): string[] {
  const warnings: string[] = [];
  const seen = new Map<string, number>();
  header.forEach((label, i) => {
    const key = normalizeLabel(label);
    if (key === '') warnings.push(message('infer.blankLabel', { column: i + 1 }));
    else if (seen.has(key)) warnings.push(message('infer.duplicateLabel', { column: i + 1, first: seen.get(key)! + 1 }));
    else seen.set(key, i);
  });
  if (scan.rowCount === 0) warnings.push(message('infer.noRows'));
  if (scan.blankRows) warnings.push(message('infer.blankRows', { count: scan.blankRows }));
  if (scan.raggedRows) warnings.push(message('infer.raggedRows', { count: scan.raggedRows }));
  for (const p of proposals) {
    const pd = p.evidence.personalData;
    const column = { column: p.evidence.fieldNumber, header: p.evidence.header };
    if (pd && pd.unmasked > 0) warnings.push(message('infer.unmasked', { ...column, count: pd.unmasked, kind: pd.kind }));
    else if (p.evidence.personalDataCells > 0) warnings.push(message('infer.personalCells', { ...column, count: p.evidence.personalDataCells }));
  }
  return warnings;
}

/**
 * Proposes a draft collection schema for a table in ONE streaming pass with bounded memory (per-column state
 * only, see ColumnProfile), whatever the format (CSV, JSON, XLSX) and encoding; the readers are the upload's own
 * (encoding detection, delimiter sniffing). Unreadable input is an UNPROCESSABLE AppError.
 */
export async function inferSchema(bytes: AsyncIterable<Uint8Array>, options: InferSchemaOptions): Promise<SchemaInference> {
  checkReadOptions(options);
  const { head, bytes: all } = await peekBytes(bytes);
  const format = options.format ?? detectFormat(options.fileName, head, options.contentType ?? null);
  const scan = await scanTable(all, options, format);
  const standards = options.standards ?? [];
  const hash = (text: string) => createHash('sha256').update(text).digest('hex');
  const id = options.id ?? schemaIdFrom(options.fileName, new Set(standards.map((s) => s.id)), hash);
  const names = nameColumns(scan.header, knownFields(standards));
  scan.profiles.forEach((p, i) => {
    if (p.identifier() === 'uscc') {
      const used = new Set(names.filter((_, j) => j !== i).map((n) => n.name));
      names[i] = { ...names[i], name: usccName(names[i].name, used) };
    }
  });
  settleNames(scan.header, names);
  const proposals = scan.profiles.map((p, i) => proposeField(p, i + 1, names[i]));
  const schema = buildDocument(id, options.fileName, scan.rowCount, proposals, scan.profiles);
  const problems = checkCollectionDocument(schema);
  if (problems.length) throw appError('INTERNAL', 'infer.invalidDraft', { problems: problems.map((p) => `${p.path}: ${p.message}`).join('; ') });
  return {
    schema,
    evidence: {
      fileName: options.fileName,
      format,
      encoding: scan.encoding,
      delimiter: scan.delimiter,
      rowCount: scan.rowCount,
      columns: proposals.map((p) => p.evidence),
      warnings: warningsOf(scan, scan.header, proposals),
    },
  };
}
