import { CellValue } from './cell-readers';

/**
 * The rows of one batch that passed every check, for a caller that stores them: each row's number, its values
 * in schema field order, and its line as written when PostgreSQL's CSV COPY (given the file's columns in the
 * file's order) reads that line to exactly those values (see RowBatch.lines and copiesAsWritten), else null.
 * One instance serves every batch of a table (no allocation per row): read it before asking the validation for
 * its next event.
 */
export class AcceptedRows {
  /** Rows held now. */
  count = 0;
  /** Per row: its number in the file (header = 1). */
  readonly rowNumbers: number[] = [];
  /** Per row: its line as written, or null. */
  readonly lines: Array<string | null> = [];
  /** The values of the rows, one row after the other, `width` each. */
  private readonly values: Array<CellValue | null> = [];

  constructor(private readonly width: number) {}

  /** Forgets the rows of the previous batch. */
  clear(): void {
    this.count = 0;
  }

  /** Keeps a row that passed (its values are read at once: the validator reuses the array). */
  add(rowNumber: number, values: ReadonlyArray<CellValue | null>, line: string | null): void {
    const i = this.count++;
    this.rowNumbers[i] = rowNumber;
    this.lines[i] = line;
    const start = i * this.width;
    for (let f = 0; f < this.width; f++) this.values[start + f] = values[f];
  }

  /** The values of row `i` in schema field order, copied into `into`. */
  valuesOf(i: number, into: Array<CellValue | null>): Array<CellValue | null> {
    const start = i * this.width;
    for (let f = 0; f < this.width; f++) into[f] = this.values[start + f];
    return into;
  }
}
