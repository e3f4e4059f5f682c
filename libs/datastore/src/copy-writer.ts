import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Writable } from 'node:stream';
import { FieldSpec } from '@opendata/validation';
import { qualified, quoteIdent } from './row-table';

/**
 * Streams validated rows into a row table with COPY (CSV, as CopyText formats it), on the upload's connection.
 * Started once the file's header gives the column order; writing waits for the database when it falls behind
 * (bounded memory).
 */
export class CopyWriter {
  private stream: Writable | null = null;
  private failure: Error | null = null;
  private rows = 0;

  constructor(
    private readonly client: Client,
    private readonly table: string,
    private readonly fields: FieldSpec[],
  ) {}

  get rowCount(): number {
    return this.rows;
  }

  /** `fieldOrder`: the schema field of each column after `_row` (copyFieldOrder); fields not named stay NULL. */
  start(fieldOrder: number[]): void {
    const columns = ['_row', ...fieldOrder.map((f) => quoteIdent(this.fields[f].name))].join(', ');
    // A few MB of slack: the reader keeps parsing while PostgreSQL works through what it was sent, instead of
    // waiting for every batch to drain (bounded all the same).
    this.stream = this.client.query(copyFrom(`COPY ${qualified(this.table)} (${columns}) FROM STDIN (FORMAT csv)`, { highWaterMark: 4 << 20 }));
    this.stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  /** Sends rows as CopyText formats them; resolves when the database has taken them in (or buffered them). */
  async write(text: string, rows: number): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream) throw new Error('COPY not started');
    this.rows += rows;
    if (this.stream!.write(text)) return;
    await new Promise<void>((resolve, reject) => {
      const onDrain = () => { cleanup(); resolve(); };
      const onError = (e: Error) => { cleanup(); reject(e); };
      const cleanup = () => { this.stream!.off('drain', onDrain); this.stream!.off('error', onError); };
      this.stream!.once('drain', onDrain);
      this.stream!.once('error', onError);
    });
  }

  async finish(): Promise<number> {
    if (this.failure) throw this.failure;
    if (!this.stream) return 0; // no header, no rows
    await new Promise<void>((resolve, reject) => {
      this.stream!.once('finish', resolve);
      this.stream!.once('error', reject);
      this.stream!.end();
    });
    return this.rows;
  }

  /** Abandons the COPY (the connection's query fails; the caller drops the table). */
  async abort(): Promise<void> {
    if (!this.stream || this.stream.writableFinished) return;
    await new Promise<void>((resolve) => {
      this.stream!.once('error', () => resolve());
      this.stream!.once('finish', () => resolve());
      this.stream!.destroy(new Error('upload abandoned'));
      setTimeout(resolve, 1000).unref();
    });
  }
}
