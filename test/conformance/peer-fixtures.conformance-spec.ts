/**
 * Our validator on the peers' own test files (../shared/data/fixtures, see SOURCES.txt): every fixture for which
 * fixtures/EXPECTED.txt states a result is run with the options that result needs, and must give the same
 * error types at the same row and field numbers, unless it is listed in DELIBERATE_DIFFERENCES with a reason.
 * A listed difference is asserted too (exactly what we report instead), so the suite fails both when we start
 * agreeing and when we differ in another way: either way the table must be revisited.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ReportError } from '../../libs/validation/src/report/validation-report';
import { fromFrictionless } from '../../libs/validation/src/schema/schema-loader';
import { TableSchema } from '../../libs/validation/src/schema/table-schema';
import { RunOptions, readJsonFile, readRows, runTable, triple } from './run-table';
import { sharedData } from './shared-data';

const FIXTURES = sharedData('fixtures');
const frictionless = (name: string) => join(FIXTURES, 'frictionless-py', name);
const csvlint = (name: string) => join(FIXTURES, 'csvlint.rb', name);
const frictionlessSchema = (name: string): TableSchema => fromFrictionless(readJsonFile(frictionless(name)), name);
/** Frictionless' schema_sync: header cells are matched to the schema's fields by name, not by position. */
const synced = (schema: TableSchema): TableSchema => ({ ...schema, headerMatching: 'name' });

/**
 * csvlint.rb's error names for ours. csvlint reports a row without field numbers, so its cases are compared as
 * "row name" in csvlint's vocabulary, once per row and name (missing-cell and extra-cell are csvlint's
 * ragged_rows, blank-row its blank_rows, encoding-error its invalid_encoding, an unclosed quote its
 * unclosed_quote).
 */
function csvlintView(e: ReportError): string {
  const name =
    e.type === 'missing-cell' || e.type === 'extra-cell' ? 'ragged_rows'
    : e.type === 'blank-row' ? 'blank_rows'
    : e.type === 'encoding-error' ? 'invalid_encoding'
    : e.type === 'format-error' && e.rowNumber !== undefined && /quote/.test(e.message) ? 'unclosed_quote'
    : null;
  // Ours without a csvlint counterpart keep our notation, field number included.
  return name === null ? triple(e) : `${e.rowNumber ?? '-'} ${name}`;
}

interface Case {
  /** As EXPECTED.txt names the case. */
  name: string;
  path: string;
  options?: RunOptions;
  /** Frictionless' limit_errors: only the first errors (in row order) are compared. */
  limitErrors?: number;
  peer: 'frictionless-py' | 'csvlint.rb';
  /**
   * frictionless-py: "row,field type" ('-' where the peer gives none); csvlint.rb: "row name". For csvlint's
   * encoding scenarios only encoding findings are compared (`encodingOnly`), as its scenario states no more.
   */
  expected: string[];
  encodingOnly?: boolean;
}

const F = 'frictionless-py';
const C = 'csvlint.rb';

const CASES: Case[] = [
  // frictionless-py: structure (no schema)
  { peer: F, name: 'invalid.csv', path: frictionless('invalid.csv'), expected: ['-,3 blank-label', '-,4 duplicate-label', '2,3 missing-cell', '2,4 missing-cell', '3,3 missing-cell', '3,4 missing-cell', '4,- blank-row', '5,5 extra-cell'] },
  { peer: F, name: 'duplicate-headers.csv', path: frictionless('duplicate-headers.csv'), expected: ['-,3 duplicate-label', '-,5 duplicate-label'] },
  { peer: F, name: 'blank-headers.csv', path: frictionless('blank-headers.csv'), expected: ['-,2 blank-label'] },
  { peer: F, name: 'defective-rows.csv', path: frictionless('defective-rows.csv'), expected: ['2,3 missing-cell', '3,4 extra-cell'] },
  { peer: F, name: 'blank-rows.csv', path: frictionless('blank-rows.csv'), expected: ['4,- blank-row'] },
  {
    peer: F, name: 'blank-rows-multiple.csv', path: frictionless('blank-rows-multiple.csv'),
    expected: Array.from({ length: 11 }, (_, i) => `${i + 4},- blank-row`),
  },
  { peer: F, name: 'structure-errors.csv (limit_errors=3)', path: frictionless('structure-errors.csv'), limitErrors: 3, expected: ['4,- blank-row', '5,4 extra-cell', '5,5 extra-cell'] },
  { peer: F, name: 'duplicate-rows.csv (duplicate-row check)', path: frictionless('duplicate-rows.csv'), options: { duplicateRows: true }, expected: ['4,- duplicate-row'] },
  // header=false is not an option of ours: the first row is read as the header, which numbers rows and fields
  // the same way here (row 3 is the third line either way), so the stated result is still comparable.
  { peer: F, name: 'without-headers-extra.csv (header=false)', path: frictionless('without-headers-extra.csv'), expected: ['3,3 extra-cell'] },
  {
    peer: F, name: 'capital-invalid.csv', path: frictionless('capital-invalid.csv'),
    expected: ['-,3 duplicate-label', '10,3 missing-cell', '11,- blank-row', '12,1 type-error', '12,4 extra-cell'],
  },
  {
    peer: F, name: 'capital-invalid.csv with the schema Frictionless infers for it', path: frictionless('capital-invalid.csv'),
    options: { schema: fromFrictionless({ fields: [{ name: 'id', type: 'integer' }, { name: 'name' }, { name: 'name' }] }) },
    expected: ['-,3 duplicate-label', '10,3 missing-cell', '11,- blank-row', '12,1 type-error', '12,4 extra-cell'],
  },
  { peer: F, name: 'empty.csv', path: frictionless('empty.csv'), expected: ['-,- source-error'] },
  { peer: F, name: 'without-rows.csv', path: frictionless('without-rows.csv'), expected: [] },
  { peer: F, name: 'latin1.csv read as utf-8', path: frictionless('latin1.csv'), options: { encoding: 'utf-8' }, expected: ['-,- encoding-error'] },
  { peer: F, name: 'latin1.csv read as latin1', path: frictionless('latin1.csv'), options: { encoding: 'latin1' }, expected: [] },
  { peer: F, name: 'bom.csv', path: frictionless('bom.csv'), expected: [] },
  { peer: F, name: 'escaping.csv (escapeChar "\\")', path: frictionless('escaping.csv'), options: { escapeChar: '\\' }, expected: [] },
  { peer: F, name: 'issue-1009-semicolon.csv (delimiter ";")', path: frictionless('issue-1009-semicolon.csv'), options: { delimiter: ';' }, expected: [] },
  { peer: F, name: 'encoding-issue-274.csv (encoding utf-8)', path: frictionless('encoding-issue-274.csv'), options: { encoding: 'utf-8' }, expected: [] },
  { peer: F, name: 'table.csv', path: frictionless('table.csv'), expected: [] },
  // frictionless-py: with a schema
  {
    peer: F, name: 'schema-errors.csv + schema-valid.json (limit_errors=3)', path: frictionless('schema-errors.csv'), limitErrors: 3,
    options: { schema: frictionlessSchema('schema-valid.json') },
    expected: ['4,1 type-error', '4,2 constraint-error', '4,3 constraint-error'],
  },
  {
    peer: F, name: 'unique-field.csv + unique-field.json', path: frictionless('unique-field.csv'),
    options: { schema: frictionlessSchema('unique-field.json') },
    expected: ['10,- primary-key', '10,1 unique-error'],
  },
  {
    peer: F, name: 'nested-invalid.csv with self-FK cat->id', path: frictionless('nested-invalid.csv'),
    options: {
      schema: fromFrictionless({
        fields: [{ name: 'id', type: 'integer' }, { name: 'cat', type: 'integer' }, { name: 'name' }],
        foreignKeys: [{ fields: 'cat', reference: { resource: '', fields: 'id' } }],
      }),
    },
    expected: ['6,- foreign-key'],
  },
  {
    peer: F, name: 'issue-277.csv + issue-277.json (schema_sync)', path: frictionless('issue-277.csv'),
    options: { schema: synced(frictionlessSchema('issue-277.json')) },
    expected: ['49,50 constraint-error', '68,50 constraint-error', '69,50 constraint-error'],
  },
  {
    peer: F, name: 'duplicate-column.csv + duplicate-column-schema.json (schema_sync)', path: frictionless('duplicate-column.csv'),
    options: { schema: synced(frictionlessSchema('duplicate-column-schema.json')) },
    // frictionless-py refuses to validate: "requires unique labels in the header" (a schema error, no row or field).
    expected: ['-,- schema-error'],
  },
  // csvlint.rb (rows counted with the header line the fixtures add)
  { peer: C, name: '01_ragged_rows.csv', path: csvlint('inline_from_features/01_ragged_rows.csv'), expected: ['3 ragged_rows'] },
  { peer: C, name: '02_unclosed_quote.csv', path: csvlint('inline_from_features/02_unclosed_quote.csv'), expected: ['2 unclosed_quote'] },
  { peer: C, name: '03_whitespace.csv', path: csvlint('inline_from_features/03_whitespace.csv'), expected: ['2 whitespace'] },
  { peer: C, name: '04_blank_rows.csv', path: csvlint('inline_from_features/04_blank_rows.csv'), expected: ['3 blank_rows'] },
  { peer: C, name: '05_blank_rows.csv', path: csvlint('inline_from_features/05_blank_rows.csv'), expected: ['4 blank_rows'] },
  { peer: C, name: '06_blank_rows.csv', path: csvlint('inline_from_features/06_blank_rows.csv'), expected: ['3 blank_rows'] },
  {
    peer: C, name: '07_wrong_content_type.csv served as application/excel', path: csvlint('inline_from_features/07_wrong_content_type.csv'),
    options: { contentType: 'application/excel' }, expected: ['- wrong_content_type'],
  },
  { peer: C, name: 'invalid-byte-sequence.csv with charset UTF-8', path: csvlint('invalid-byte-sequence.csv'), options: { encoding: 'utf-8' }, encodingOnly: true, expected: ['- invalid_encoding'] },
  { peer: C, name: 'invalid-byte-sequence.csv with charset ISO-8859-1', path: csvlint('invalid-byte-sequence.csv'), options: { encoding: 'iso-8859-1' }, encodingOnly: true, expected: [] },
  { peer: C, name: 'spreadsheet.xls served as CSV', path: csvlint('spreadsheet.xls'), options: { contentType: 'text/csv', fileName: 'spreadsheet.csv' }, expected: ['- invalid_encoding'] },
  { peer: C, name: 'cr-line-endings.csv with line endings set to LF', path: csvlint('cr-line-endings.csv'), expected: ['- line_breaks'] },
  { peer: C, name: 'inconsistent-line-endings.csv', path: csvlint('inconsistent-line-endings.csv'), expected: ['- line_breaks'] },
  { peer: C, name: 'inconsistent-line-endings-unquoted.csv', path: csvlint('inconsistent-line-endings-unquoted.csv'), expected: ['- line_breaks'] },
  // A warning in csvlint (title_row); its validation passes.
  { peer: C, name: 'title-row.csv', path: csvlint('title-row.csv'), expected: [] },
  { peer: C, name: 'valid.csv', path: csvlint('valid.csv'), expected: [] },
  { peer: C, name: 'valid_many_rows.csv', path: csvlint('valid_many_rows.csv'), expected: [] },
  { peer: C, name: 'white space in filename.csv', path: csvlint('white space in filename.csv'), expected: [] },
];

/**
 * Where we deliberately report something else than the peer: exactly what we report instead, and why.
 * Keyed by case name.
 */
export const DELIBERATE_DIFFERENCES: Record<string, { ours: string[]; reason: string }> = {
  'capital-invalid.csv': {
    ours: ['-,3 duplicate-label', '10,3 missing-cell', '11,- blank-row', '12,4 extra-cell'],
    reason:
      'Without a schema we check encoding and structure only (DESIGN.md: POST /api/v1/validate without a schema); ' +
      'frictionless-py infers a schema from the first rows (id: integer) and then reports "x" as a type-error. ' +
      'Inferred types would reject whatever the sample did not foresee; every upload has a declared schema, and ' +
      'with the schema Frictionless infers we report all five errors (next case).',
  },
  'nested-invalid.csv with self-FK cat->id': {
    ours: [],
    reason:
      'foreignKeys are not supported: collection standards have no references between tables, and a published ' +
      'table is one resource version. The key is read and ignored, so no foreign-key error is reported.',
  },
  'duplicate-column.csv + duplicate-column-schema.json (schema_sync)': {
    ours: ['-,3 duplicate-label'],
    reason:
      'frictionless-py stops with "requires unique labels in the header" before reading a row. We report the ' +
      'repeated label as a duplicate-label (a header error with its field number) and go on checking the rows, ' +
      'so one report shows every problem of the upload.',
  },
  '03_whitespace.csv': {
    ours: [],
    reason:
      'The third cell is read as the text `   "Baz"`, exactly as Python\'s csv module (and so Frictionless) reads ' +
      'it, and no error is reported: without a schema, spaces are content; with one, the type, pattern or enum ' +
      'check of the field reports such a cell where it matters (a number or a code with spaces is a type-error ' +
      'or constraint-error).',
  },
  '05_blank_rows.csv': {
    ours: ['4 blank_rows', '5 blank_rows'],
    reason:
      'The file ends with two empty lines; every blank row is reported with its own row number, as Frictionless ' +
      'does (blank-rows-multiple.csv: rows 4..14), where csvlint reports the first one.',
  },
  '07_wrong_content_type.csv served as application/excel': {
    ours: [],
    reason:
      'The format is decided by the bytes (magic numbers), then the file name, then the declared content type; a ' +
      'wrong Content-Type header of the uploading client is not a defect of the data, and the text is read as CSV.',
  },
  'spreadsheet.xls served as CSV': {
    ours: ['-,- format-error'],
    reason:
      'An .xls (OLE2) file is recognised by its magic bytes and reported as a format-error "the file is an Excel ' +
      '97-2003 workbook (.xls), not text" instead of an encoding error: the bytes are not a text in a wrong ' +
      'encoding, and the message says what the file is.',
  },
  'cr-line-endings.csv with line endings set to LF': {
    ours: [],
    reason:
      'Line endings are not an option of ours: CR, LF and CRLF (and mixtures) all end a row, as in Frictionless. ' +
      'How a spreadsheet program ended its lines is not a defect of the data.',
  },
  'inconsistent-line-endings.csv': {
    ours: [],
    reason: 'As above: mixed line endings are read, not reported (Frictionless reads them too).',
  },
  'inconsistent-line-endings-unquoted.csv': {
    ours: [],
    reason: 'As above: mixed line endings are read, not reported (Frictionless reads them too).',
  },
  'title-row.csv': {
    ours: ['-,2 blank-label', '-,3 blank-label'],
    reason:
      'csvlint guesses that the first line is a title (a warning) and looks for the header below it. We take the ' +
      'first row as the header, as Frictionless does, so the title row gives two blank labels: a file published ' +
      'on the platform must start with its header.',
  },
};

/** Fixture files for which EXPECTED.txt states no result: not run (nothing to compare with). */
const NOT_STATED = [
  'csvlint.rb/crlf-line-endings.csv',
  'csvlint.rb/invalid_many_rows.csv',
  'csvlint.rb/lf-line-endings.csv',
  'csvlint.rb/spreadsheet.xlsx',
  'csvlint.rb/windows-line-endings.csv',
  'frictionless-py/ascii-notvalid.csv',
  'frictionless-py/blank-cells.csv',
  'frictionless-py/delimiter.csv',
  'frictionless-py/doublequote.csv',
  'frictionless-py/invalid/data.csv',
  'frictionless-py/invalid/data2.csv',
  'frictionless-py/invalid/datapackage.json',
  'frictionless-py/nested.csv',
  'frictionless-py/table-infer-iso-8859-7.csv',
  'frictionless-py/table-unicode-headers.csv',
];

async function found(c: Case): Promise<{ compared: string[]; errors: ReportError[] }> {
  const { report } = await runTable(c.path, c.options);
  let errors = report.errors;
  if (c.limitErrors !== undefined) errors = errors.slice(0, c.limitErrors);
  if (c.encodingOnly) errors = errors.filter((e) => e.type === 'encoding-error');
  const compared = c.peer === C ? [...new Set(errors.map(csvlintView))] : errors.map(triple);
  return { compared, errors };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('peer fixtures (fixtures/EXPECTED.txt)', () => {
  const agreeing = CASES.filter((c) => !(c.name in DELIBERATE_DIFFERENCES));
  const differing = CASES.filter((c) => c.name in DELIBERATE_DIFFERENCES);

  it.each(agreeing.map((c) => [`${c.peer}: ${c.name}`, c] as const))('%s: the same errors as the peer', async (_, c) => {
    expect((await found(c)).compared).toEqual(c.expected);
  });

  it.each(differing.map((c) => [`${c.peer}: ${c.name}`, c] as const))('%s: the deliberate difference, exactly', async (_, c) => {
    const { compared } = await found(c);
    const difference = DELIBERATE_DIFFERENCES[c.name];
    expect(difference.reason.length).toBeGreaterThan(40);
    expect(compared).toEqual(difference.ours);
    expect(compared).not.toEqual(c.expected);
  });

  it('lists no deliberate difference for a case that does not exist', () => {
    const names = new Set(CASES.map((c) => c.name));
    expect(Object.keys(DELIBERATE_DIFFERENCES).filter((name) => !names.has(name))).toEqual([]);
  });

  it('runs every fixture for which EXPECTED.txt states a result (the others are listed as not stated)', () => {
    const files = filesUnder(FIXTURES).map((path) => relative(FIXTURES, path)).filter((path) => path !== 'EXPECTED.txt');
    const used = new Set([...CASES.map((c) => relative(FIXTURES, c.path)), ...NOT_STATED]);
    const schemaFiles = ['schema-valid.json', 'unique-field.json', 'issue-277.json', 'duplicate-column-schema.json'].map((f) => `frictionless-py/${f}`);
    for (const file of schemaFiles) used.add(file);
    expect(files.filter((file) => !used.has(file)).sort()).toEqual([]);
    expect([...used].filter((file) => !files.includes(file))).toEqual([]);
  });

  describe('messages and contents the peers assert', () => {
    it('says "the source is empty" for empty.csv', async () => {
      const { report } = await runTable(frictionless('empty.csv'));
      expect(report.errors.map((e) => e.message)).toEqual(['the source is empty']);
    });

    it("gives frictionless-py's encoding message for latin1.csv read as UTF-8", async () => {
      const { report } = await runTable(frictionless('latin1.csv'), { encoding: 'utf-8' });
      expect(report.errors[0].message).toContain("'utf-8' codec can't decode byte 0xa9 in position 20");
    });

    it('reads latin1.csv as latin1', async () => {
      expect(await readRows(frictionless('latin1.csv'), { encoding: 'latin1' })).toEqual([['id', 'name'], ['1', 'english'], ['2', '©']]);
    });

    it('strips the BOM of bom.csv', async () => {
      expect(await readRows(frictionless('bom.csv'))).toEqual([['id', 'name'], ['1', 'english'], ['2', '中国人']]);
    });

    it('reads escaping.csv with escapeChar "\\"', async () => {
      const rows = await readRows(frictionless('escaping.csv'), { escapeChar: '\\' });
      expect(rows.slice(1)).toEqual([['1', 'Test line 1'], ['2', 'Test " line 2'], ['3', 'Test " line 3']]);
    });

    it('reads issue-1009-semicolon.csv with delimiter ";", losing the leading zero only when typed as integer', async () => {
      const path = frictionless('issue-1009-semicolon.csv');
      expect(await readRows(path, { delimiter: ';' })).toEqual([['fieldNameA', 'fieldNameB'], ['0123', 'c']]);
      const schema = fromFrictionless({ fields: [{ name: 'fieldNameA', type: 'integer' }, { name: 'fieldNameB' }] });
      expect((await runTable(path, { delimiter: ';', schema })).accepted).toEqual([[123, 'c']]);
    });

    it('reads table.csv', async () => {
      expect(await readRows(frictionless('table.csv'))).toEqual([['id', 'name'], ['1', 'english'], ['2', '中国人']]);
    });
  });
});
