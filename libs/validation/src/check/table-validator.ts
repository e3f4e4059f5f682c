import { MessageText, bilingual, message, messageText } from '@opendata/common';
import { isMasked, maskFindings } from '../personal-data/masking';
import { scanText } from '../personal-data/personal-data-scanner';
import { RowBatch } from '../read';
import { ReportBuilder } from '../report/report-builder';
import { RowRule, compileRowRules } from '../rules/row-rules';
import { FieldSpec, TableSchema } from '../schema/table-schema';
import { CellReader, CellValue, UNREADABLE, cellReader } from './cell-readers';
import { FieldCheck, compileFieldChecks } from './field-checks';
import { AcceptedRows } from './accepted-rows';
import { mapHeader } from './header-mapping';
import { InMemoryKeyTracker } from './key-tracker';

export interface TableValidatorOptions {
  schema: TableSchema | null;
  report: ReportBuilder;
  /** 'memory' checks primary keys and unique fields here; 'external' leaves them to the datastore. */
  keys: 'memory' | 'external';
  /** Frictionless' optional duplicate-row check. */
  duplicateRows?: boolean;
}

/**
 * Structure, cell, personal-data and standard-rule checks, row batch by row batch, in one pass. The header
 * decides the columns; every later row is checked against them and against the schema's fields.
 */
export class TableValidator {
  private readonly schema: TableSchema | null;
  private readonly report: ReportBuilder;
  private readonly readers: CellReader[];
  private readonly checks: Array<FieldCheck | null>;
  private readonly rules: RowRule[];
  private readonly missing: Set<string>;
  /** Per field: the markers of that column only (x-missing-values on the field), or null for most fields. */
  private readonly fieldMissing: Array<Set<string> | null>;
  private readonly keys: InMemoryKeyTracker | null;
  private readonly seenRows: Map<string, number> | null;
  private readonly scanned: boolean[];
  private readonly fieldNames: string[];
  /** Cells longer than every missing-value marker skip the set look-up (most cells). */
  private readonly longestMissing: number;
  private readonly values: Array<CellValue | null>;
  private header: string[] = [];
  private columns: number[] = [];
  private unmapped: number[] = [];
  private rowCount = 0;
  /** Set by readCells: whether every cell of the row read copies as written. */
  private asWritten = false;

  constructor(options: TableValidatorOptions) {
    const schema = (this.schema = options.schema);
    this.report = options.report;
    this.readers = schema ? schema.fields.map(cellReader) : [];
    this.checks = schema ? compileFieldChecks(schema) : [];
    this.rules = schema ? compileRowRules(schema) : [];
    this.missing = new Set(schema?.missingValues ?? ['']);
    this.fieldMissing = schema ? schema.fields.map((f) => (f.missingValues?.length ? new Set(f.missingValues) : null)) : [];
    const keys = schema && options.keys === 'memory' ? new InMemoryKeyTracker(schema) : null;
    this.keys = keys?.active ? keys : null;
    this.seenRows = options.duplicateRows ? new Map() : null;
    // Personal data is looked for in text fields; masked identifier columns are checked for their masked form.
    this.scanned = schema ? schema.fields.map((f) => f.type === 'string' && !f.masked) : [];
    this.fieldNames = schema ? schema.fields.map((f) => f.name) : [];
    this.longestMissing = Math.max(0, ...[...this.missing].map((m) => m.length));
    this.values = new Array(this.fieldNames.length).fill(null);
  }

  get rowsRead(): number {
    return this.rowCount;
  }

  /** The column of each schema field in the file (-1 when absent). */
  get fieldColumns(): number[] {
    return this.columns;
  }

  setHeader(cells: string[]): void {
    this.header = cells;
    this.columns = mapHeader(cells, this.schema, this.report);
    const mapped = new Set(this.columns);
    this.unmapped = cells.map((_, i) => i).filter((i) => !mapped.has(i));
  }

  /** Checks a batch of rows; every row that passed goes into `accepted`, when given (cleared first). */
  validate(batch: RowBatch, accepted?: AcceptedRows | null): void {
    accepted?.clear();
    const lines = accepted && this.schema && this.unmapped.length === 0 ? batch.lines : undefined;
    for (let r = 0; r < batch.rows.length; r++) {
      const row = batch.rows[r];
      const rowNumber = batch.firstRowNumber + r;
      this.rowCount++;
      if (isBlank(row)) {
        this.report.add({ type: 'blank-row', rowNumber, message: message('report.blankRow', { row: rowNumber }) });
        continue;
      }
      let ok = this.checkStructure(row, rowNumber);
      if (this.seenRows) ok = this.checkDuplicateRow(row, rowNumber) && ok;
      if (!this.schema) continue;
      const values = this.values;
      this.asWritten = lines !== undefined && lines[r] !== null;
      ok = this.readCells(row, rowNumber, values) && ok;
      if (this.unmapped.length) ok = this.scanUnmapped(row, rowNumber) && ok;
      if (ok && this.rules.length) ok = this.applyRules(values, rowNumber);
      if (ok && this.keys) this.keys.check(rowNumber, values, this.fieldNames, this.report, (i) => this.columns[i] + 1);
      if (ok && accepted) accepted.add(rowNumber, values, this.asWritten ? lines![r] : null);
    }
  }

  private checkStructure(row: string[], rowNumber: number): boolean {
    const width = this.header.length;
    for (let j = width; j < row.length; j++) {
      this.report.add({ type: 'extra-cell', rowNumber, fieldNumber: j + 1, message: message('report.extraCell', { row: rowNumber, column: j + 1 }), cell: row[j] });
    }
    for (let j = row.length; j < width; j++) {
      this.report.add({ type: 'missing-cell', rowNumber, fieldNumber: j + 1, fieldName: this.header[j], message: message('report.missingCell', { row: rowNumber, column: j + 1, label: this.header[j] }) });
    }
    return row.length === width;
  }

  private checkDuplicateRow(row: string[], rowNumber: number): boolean {
    const key = row.join('\u0000');
    const first = this.seenRows!.get(key);
    if (first === undefined) {
      this.seenRows!.set(key, rowNumber);
      return true;
    }
    this.report.add({ type: 'duplicate-row', rowNumber, message: message('report.duplicateRow', { row: rowNumber, first }) });
    return false;
  }

  private readCells(row: string[], rowNumber: number, values: Array<CellValue | null>): boolean {
    const fields = this.schema!.fields;
    let ok = true;
    let asWritten = this.asWritten;
    for (let f = 0; f < fields.length; f++) {
      const column = this.columns[f];
      const text = column >= 0 ? row[column] : undefined;
      values[f] = null;
      if (text === undefined) continue; // absent column, or a missing cell already reported
      const field = fields[f];
      if ((text.length <= this.longestMissing && this.missing.has(text)) || this.fieldMissing[f]?.has(text)) {
        asWritten &&= text === ''; // an unquoted empty cell is NULL to COPY; another marker would be read as text
        if (field.required) ok = this.fail('constraint-error', rowNumber, column, field, text, messageText('report.required', { field: field.name, title: field.title }));
        continue;
      }
      const value = this.readers[f](text);
      if (value === UNREADABLE) {
        const type = messageText(`fieldType.${field.type}`);
        ok = this.fail('type-error', rowNumber, column, field, text, messageText('report.typeError', { value: text, type, field: field.name, title: field.title }));
        continue;
      }
      const problem = this.checks[f]?.(value);
      if (problem) ok = this.fail('constraint-error', rowNumber, column, field, text, messageText('report.constraint', { value: text, problem }));
      if (field.masked && !isMasked(text, field.masked)) {
        ok = this.fail('personal-data', rowNumber, column, field, maskForReport(text), messageText('report.notMasked', { field: field.name, kind: messageText(`personal.${field.masked}`) }));
      } else if (this.scanned[f]) ok = this.scan(text, rowNumber, column, field) && ok;
      values[f] = value;
      asWritten &&= copiesAsWritten(field, text, value);
    }
    this.asWritten = asWritten;
    return ok;
  }

  private scan(text: string, rowNumber: number, column: number, field: FieldSpec | null): boolean {
    if (text.length < 11) return true; // nothing shorter holds a mobile number, an ID or a card number
    const findings = scanText(text);
    for (const finding of findings) {
      this.report.add({
        type: 'personal-data',
        rowNumber,
        fieldNumber: column + 1,
        fieldName: field?.name ?? this.header[column],
        message: message('report.personalData', { kind: messageText(`personal.${finding.kind}`), masked: finding.masked }),
        cell: finding.masked,
      });
    }
    return findings.length === 0;
  }

  private scanUnmapped(row: string[], rowNumber: number): boolean {
    let ok = true;
    for (const column of this.unmapped) {
      if (column < row.length) ok = this.scan(row[column], rowNumber, column, null) && ok;
    }
    return ok;
  }

  private applyRules(values: Array<CellValue | null>, rowNumber: number): boolean {
    let ok = true;
    for (const rule of this.rules) {
      rule(values, (fieldIndex, message) => {
        const field = this.schema!.fields[fieldIndex];
        ok = this.fail('row-constraint', rowNumber, this.columns[fieldIndex], field, String(values[fieldIndex]), message);
      });
    }
    return ok;
  }

  /**
   * Reports a cell's error. Reports are read by more people than the data (and kept for rejected uploads), so
   * personal data never enters them: masked columns show masked cells, and any ID, mobile or card number found
   * in the cell or the message is masked.
   */
  private fail(type: 'type-error' | 'constraint-error' | 'row-constraint' | 'personal-data', rowNumber: number, column: number, field: FieldSpec, cell: string, text: MessageText): false {
    const shown = field.masked && type !== 'personal-data' && !isMasked(cell, field.masked) ? maskForReport(cell) : cell;
    const full = bilingual(text);
    const safeMessage = shown === cell ? full : full.split(cell).join(shown);
    this.report.add({ type, rowNumber, fieldNumber: column + 1, fieldName: field.name, message: maskFindings(safeMessage), cell: maskFindings(shown) });
    return false;
  }
}

/**
 * Whether PostgreSQL, reading `text` unquoted in a CSV line, gets the value the validator read. Strings are
 * taken as written ('' aside: unquoted it is NULL); a normalised date or time only when it is the text, or the
 * text with seconds added (YYYY-MM-DD HH:mm, as monitoring feeds write it, is the same timestamp). Numbers are
 * read by both as the same decimal, except what JavaScript takes for 0 or a subnormal and PostgreSQL may refuse
 * as out of range (1e-400), and numbers written with a thousands separator.
 */
function copiesAsWritten(field: FieldSpec, text: string, value: CellValue): boolean {
  if (typeof value === 'string') {
    return value === text ? text !== '' : field.type === 'datetime' && text.length === 16 && value.length === 19 && value.startsWith(text);
  }
  if (typeof value !== 'number' || (field.groupChar !== null && text.includes(field.groupChar))) return false;
  return value === 0 ? !/[eE]/.test(text) : Math.abs(value) >= 1e-300;
}

function isBlank(row: string[]): boolean {
  for (let i = 0; i < row.length; i++) if (row[i] !== '') return false;
  return true;
}

/** Personal data must not be copied into reports either. */
function maskForReport(text: string): string {
  return text.length <= 4 ? '*'.repeat(text.length) : `${text.slice(0, 2)}${'*'.repeat(Math.max(1, text.length - 4))}${text.slice(-2)}`;
}
