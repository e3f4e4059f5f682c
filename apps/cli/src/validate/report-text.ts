import { ValidationReport } from '@opendata/validation';

const SHOWN = 50;

/** The report as a person reads it in a terminal: verdict, counts by type, then the first errors. */
export function reportText(file: string, report: ValidationReport): string[] {
  const lines = [
    `${file}: ${report.format ?? '?'}${report.encoding ? `, ${report.encoding}` : ''}, ${report.rowCount.toLocaleString('en')} rows, schema ${report.schemaId ?? '(none: encoding and structure checks only)'}`,
    report.valid ? 'VALID (有效): no errors' : `INVALID (无效): ${report.errorCount.toLocaleString('en')} errors`,
  ];
  const types = Object.entries(report.stats).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  if (types.length) lines.push('', 'errors by type:', ...types.map(([type, n]) => `  ${type.padEnd(18)} ${String(n).padStart(9)}`));
  if (report.errors.length) {
    lines.push('', `first ${Math.min(SHOWN, report.errors.length)} errors (--json lists up to 1000):`);
    for (const e of report.errors.slice(0, SHOWN)) {
      const at = [e.rowNumber !== undefined ? `row ${e.rowNumber}` : 'header', e.fieldNumber !== undefined ? `field ${e.fieldNumber}${e.fieldName ? ` (${e.fieldName})` : ''}` : null].filter(Boolean).join(', ');
      lines.push(`  ${at}: ${e.type}: ${e.message}${e.cell !== undefined ? `  [${e.cell}]` : ''}`);
    }
  }
  for (const note of report.notes) lines.push('', `note: ${note}`);
  return lines;
}
