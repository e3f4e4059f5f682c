import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Writable } from 'node:stream';
import { FieldSpec } from '@opendata/validation';
import { CopyText } from './copy-text';
import { qualified, quoteIdent } from './row-table';

/**
 * Streams validated rows into a row table with COPY (text format), on a connection of its own. Rows come either
 * one by one (`row`, formatted here, sent by `flush`) or already formatted by a validation thread (`write`).
 * Writing waits for the database when it falls behind (bounded memory).
 */
export class CopyWriter {
  private stream: Writable | null = null;
  private readonly text = new CopyText();
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

  async start(): Promise<void> {
    const columns = ['_row', ...this.fields.map((f) => quoteIdent(f.name))].join(', ');
    // A few MB of slack: the reader keeps parsing while PostgreSQL works through what it was sent, instead of
    // waiting for every batch to drain (bounded all the same).
    this.stream = this.client.query(copyFrom(`COPY ${qualified(this.table)} (${columns}) FROM STDIN`, { highWaterMark: 4 << 20 }));
    this.stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  /** Formats one row into the pending text (the values are read at once; the caller reuses the array). */
  readonly row = this.text.row;

  /** Sends the pending rows; resolves when the database has taken them in (or buffered them). */
  async flush(): Promise<void> {
    const rows = this.text.pending;
    if (rows > 0) await this.write(this.text.take(), rows);
    else if (this.failure) throw this.failure;
  }

  /** Sends rows formatted elsewhere (CopyText's text, as a string or UTF-8 bytes). */
  async write(text: string | Uint8Array, rows: number): Promise<void> {
    if (this.failure) throw this.failure;
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
