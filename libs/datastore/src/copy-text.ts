import { CellValue } from '@opendata/validation';

/** Text COPY escapes: backslash, and the characters that separate columns and rows. */
function escapeText(value: string): string {
  let needs = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 92 || c === 9 || c === 10 || c === 13) {
      needs = true;
      break;
    }
  }
  if (!needs) return value;
  return value.replace(/[\\\t\n\r]/g, (ch) => (ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r'));
}

/**
 * Validated rows as the text of a COPY into a row table (text format: `_row`, then the schema's fields, tab
 * separated, `\N` for null). No I/O here: rows are formatted where they are validated (a validation thread, or
 * the request's own), and CopyWriter sends the text.
 */
export class CopyText {
  private lines: string[] = [];

  /** Rows formatted and not yet taken. */
  get pending(): number {
    return this.lines.length;
  }

  /** Formats one row (the values are read at once; the caller reuses the array). */
  readonly row = (rowNumber: number, values: ReadonlyArray<CellValue | null>): void => {
    // Plain concatenation, no call per cell: this runs for every cell of every upload.
    let line = '' + rowNumber;
    for (let f = 0; f < values.length; f++) {
      const value = values[f];
      line += value === null ? '\t\\N' : typeof value === 'string' ? '\t' + escapeText(value) : typeof value === 'boolean' ? (value ? '\tt' : '\tf') : '\t' + value;
    }
    this.lines.push(line);
  };

  /** The pending rows as one text (each line ended), forgetting them. */
  take(): string {
    if (this.lines.length === 0) return '';
    this.lines.push('');
    const text = this.lines.join('\n');
    this.lines = [];
    return text;
  }
}
