/** Rows handed to the validator together: iterating row by row costs more than parsing a million rows. */
export interface RowBatch {
  /** 1-based; the header is row 1. */
  firstRowNumber: number;
  rows: string[][];
}

export const DEFAULT_BATCH_SIZE = 1000;

/** Collects rows from a reader and cuts them into batches of at most `size`, numbering them. */
export class RowBatcher {
  /** Readers append here directly; `full()` and `flush()` replace the array. */
  rows: string[][] = [];
  private nextRowNumber = 1;

  constructor(private readonly size: number = DEFAULT_BATCH_SIZE) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`batchSize must be a positive integer, got ${size}`);
  }

  /** Batches of exactly `size` rows, leaving the remainder for later. */
  *full(): Generator<RowBatch> {
    if (this.rows.length < this.size) return;
    let start = 0;
    while (this.rows.length - start >= this.size) {
      yield this.batch(this.rows.slice(start, start + this.size));
      start += this.size;
    }
    this.rows = this.rows.slice(start);
  }

  /** Everything collected, at the end of the input or before an error is thrown. */
  *flush(): Generator<RowBatch> {
    yield* this.full();
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    yield this.batch(rows);
  }

  private batch(rows: string[][]): RowBatch {
    const batch = { firstRowNumber: this.nextRowNumber, rows };
    this.nextRowNumber += rows.length;
    return batch;
  }
}
