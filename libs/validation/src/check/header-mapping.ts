import { message } from '@opendata/common';
import { ReportBuilder } from '../report/report-builder';
import { TableSchema } from '../schema/table-schema';

/** Header texts compared loosely: case, full-width forms, spaces and bracket styles do not matter. */
export function normalizeLabel(label: string): string {
  return label.normalize('NFKC').toLowerCase().replace(/\s+/g, '').replace(/[（【[]/g, '(').replace(/[）】\]]/g, ')');
}

/**
 * Checks the header row and maps each schema field to its column (-1 when absent). Without a schema the header
 * itself defines the columns. Label problems go to the report; a missing optional column is not an error (the
 * column is then empty), a missing required one is.
 */
export function mapHeader(header: string[], schema: TableSchema | null, report: ReportBuilder): number[] {
  const seen = new Map<string, number>();
  header.forEach((label, i) => {
    const key = normalizeLabel(label);
    if (key === '') report.add({ type: 'blank-label', fieldNumber: i + 1, message: message('report.blankLabel', { column: i + 1 }) });
    else if (seen.has(key)) {
      report.add({ type: 'duplicate-label', fieldNumber: i + 1, fieldName: label, message: message('report.duplicateLabel', { label, column: i + 1, first: seen.get(key)! + 1 }), cell: label });
    } else seen.set(key, i);
  });
  if (!schema) return header.map((_, i) => i);
  return schema.headerMatching === 'position' ? byPosition(header, schema, report) : byName(header, schema, report, seen);
}

function byPosition(header: string[], schema: TableSchema, report: ReportBuilder): number[] {
  schema.fields.forEach((field, i) => {
    if (i >= header.length) {
      report.add({ type: 'missing-label', fieldNumber: i + 1, fieldName: field.name, message: message('report.missingLabelAt', { column: i + 1, field: field.name }) });
    } else if (header[i] !== '' && header[i] !== field.name) {
      report.add({ type: 'incorrect-label', fieldNumber: i + 1, fieldName: field.name, message: message('report.incorrectLabel', { column: i + 1, label: header[i], field: field.name }), cell: header[i] });
    }
  });
  for (let i = schema.fields.length; i < header.length; i++) {
    report.add({ type: 'extra-label', fieldNumber: i + 1, fieldName: header[i], message: message('report.extraLabel', { column: i + 1, label: header[i] }), cell: header[i] });
  }
  return schema.fields.map((_, i) => (i < header.length ? i : -1));
}

function byName(header: string[], schema: TableSchema, report: ReportBuilder, seen: Map<string, number>): number[] {
  const used = new Set<number>();
  const columns = schema.fields.map((field, i) => {
    const names = [field.name, field.title, ...field.aliases].map(normalizeLabel);
    const column = names.map((n) => seen.get(n)).find((c): c is number => c !== undefined && !used.has(c)) ?? -1;
    if (column >= 0) used.add(column);
    else if (field.required) {
      report.add({ type: 'missing-label', fieldNumber: i + 1, fieldName: field.name, message: message('report.missingColumn', { field: field.name, title: field.title }) });
    }
    return column;
  });
  header.forEach((label, i) => {
    if (!used.has(i) && normalizeLabel(label) !== '' && seen.get(normalizeLabel(label)) === i) {
      report.add({ type: 'extra-label', fieldNumber: i + 1, fieldName: label, message: message('report.extraColumn', { column: i + 1, label, schema: schema.id }), cell: label });
    }
  });
  return columns;
}
