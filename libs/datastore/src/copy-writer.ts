import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Writable } from 'node:stream';
import { CellValue, FieldSpec } from '@opendata/validation';
import { qualified, quoteIdent } from './row-table';

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

function formatValue(value: CellValue | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value);
}

/**
 * Streams validated rows into a row table with COPY (text format), on a connection of its own. Rows are turned
 * into one text buffer per batch, and writing waits for the database when it falls behind (bounded memory).
 */
export class CopyWriter {
  private stream: Writable | null = null;
  private lines: string[] = [];
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

  /** Formats one row into the pending buffer (the values are read at once; the caller reuses the array). */
  readonly row = (rowNumber: number, values: ReadonlyArray<CellValue | null>): void => {
    let line = `${rowNumber}`;
    for (let f = 0; f < values.length; f++) line += `\t${formatValue(values[f])}`;
    this.lines.push(line);
  };

  /** Sends the pending rows; resolves when the database has taken them in (or buffered them). */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.lines.length === 0) return;
    const text = `${this.lines.join('\n')}\n`;
    this.rows += this.lines.length;
    this.lines = [];
    if (!this.stream!.write(text)) await new Promise<void>((resolve, reject) => {
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
