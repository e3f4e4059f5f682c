/** Rows handed to the validator together: iterating row by row costs more than parsing a million rows. */
export interface RowBatch {
  /** 1-based; the header is row 1. */
  firstRowNumber: number;
  rows: string[][];
  /**
   * From the CSV reader, when the file is comma-separated with `"` quotes: each row's line as written (no line
   * break), or null where the row had quotes or escapes. Such a line is already valid CSV for PostgreSQL's COPY.
   */
  lines?: Array<string | null>;
}

export const DEFAULT_BATCH_SIZE = 1000;

/** Collects rows from a reader and cuts them into batches of at most `size`, numbering them. */
export class RowBatcher {
  /** Readers append here directly; `full()` and `flush()` replace the array. */
  rows: string[][] = [];
  /** Kept beside the rows when asked for (see RowBatch.lines). */
  lines: Array<string | null> | null;
  private nextRowNumber = 1;

  constructor(
    private readonly size: number = DEFAULT_BATCH_SIZE,
    options: { lines?: boolean } = {},
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`batchSize must be a positive integer, got ${size}`);
    this.lines = options.lines ? [] : null;
  }

  /** Batches of exactly `size` rows, leaving the remainder for later. */
  *full(): Generator<RowBatch> {
    if (this.rows.length < this.size) return;
    let start = 0;
    while (this.rows.length - start >= this.size) {
      yield this.batch(this.rows.slice(start, start + this.size), this.lines?.slice(start, start + this.size));
      start += this.size;
    }
    this.rows = this.rows.slice(start);
    if (this.lines) this.lines = this.lines.slice(start);
  }

  /** Everything collected, at the end of the input or before an error is thrown. */
  *flush(): Generator<RowBatch> {
    yield* this.full();
    if (this.rows.length === 0) return;
    const rows = this.rows;
    const lines = this.lines ?? undefined;
    this.rows = [];
    if (this.lines) this.lines = [];
    yield this.batch(rows, lines);
  }

  private batch(rows: string[][], lines: Array<string | null> | undefined): RowBatch {
    const batch: RowBatch = lines ? { firstRowNumber: this.nextRowNumber, rows, lines } : { firstRowNumber: this.nextRowNumber, rows };
    this.nextRowNumber += rows.length;
    return batch;
  }
}
