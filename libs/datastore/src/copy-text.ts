import { CellValue } from '@opendata/validation';

/** A CSV cell: quoted when it holds a delimiter, a quote or a line break, or is empty (unquoted, that is NULL). */
function csvText(value: string): string {
  if (value === '') return '""';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

/**
 * Validated rows as the text of a CSV COPY into a row table: `_row`, then the fields present in the file, in
 * the file's order (`fieldOrder`), NULL as an empty cell. A row whose line as written already reads to its
 * values (`AcceptedRows.lines`) is passed through, prefixed with its number: most rows of a clean CSV file, and
 * a large part of an upload's cost otherwise. No I/O here: rows are formatted where they are validated, and
 * startRowCopy (row-load.repository.ts) sends the text.
 */
export class CopyText {
  private lines: string[] = [];

  /** `fieldOrder`: the schema field of each COPY column after `_row`. */
  constructor(private readonly fieldOrder: number[]) {}

  /** Rows formatted and not yet taken. */
  get pending(): number {
    return this.lines.length;
  }

  /** Formats one row (the values are read at once; the caller reuses the array). */
  readonly row = (rowNumber: number, values: ReadonlyArray<CellValue | null>, line: string | null): void => {
    if (line !== null) {
      this.lines.push(rowNumber + ',' + line);
      return;
    }
    // Plain concatenation, no call per cell: this runs for every cell of every row not passed through.
    let text = '' + rowNumber;
    for (let c = 0; c < this.fieldOrder.length; c++) {
      const value = values[this.fieldOrder[c]];
      text += value === null ? ',' : typeof value === 'string' ? ',' + csvText(value) : typeof value === 'boolean' ? (value ? ',t' : ',f') : ',' + value;
    }
    this.lines.push(text);
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

/** The COPY column order for a file: the schema fields it has, in the order of its columns. */
export function copyFieldOrder(fieldColumns: number[]): number[] {
  return fieldColumns
    .map((column, field) => [column, field])
    .filter(([column]) => column >= 0)
    .sort((a, b) => a[0] - b[0])
    .map(([, field]) => field);
}
