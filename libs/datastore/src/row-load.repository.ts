import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Writable } from 'node:stream';
import { FieldSpec } from '@opendata/validation';
import { columnSqlType, qualified, quoteIdent } from './row-table';

/**
 * The statements that build and fill a row table while an upload loads it. They are functions of a connection rather
 * than an injected repository: they run on the one connection of the upload's transaction, which the ingest
 * pipeline holds as a pg client (COPY needs it), between its COPY and its commit.
 */

/** Anything that runs a statement: a pg client, a data source. */
export interface StatementRunner {
  query(sql: string): Promise<unknown>;
}

/**
 * Creates the typed table of an upload: `_row` (the row number in the file, header = 1) and one column per
 * field. Unlogged while loading: nothing is visible before publication, and a crash leaves only a table the
 * cleanup job drops. Publication makes it logged (durable).
 */
export async function createRowTable(client: Client, table: string, fields: FieldSpec[]): Promise<void> {
  const columns = fields.map((f) => `${quoteIdent(f.name)} ${columnSqlType(f.type)}`);
  await client.query(`CREATE UNLOGGED TABLE ${qualified(table)} (_row bigint NOT NULL, ${columns.join(', ')})`);
}

export async function dropRowTable(client: StatementRunner, table: string): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${qualified(table)}`);
}

/**
 * The index every row table gets at publication: the row number, unique. It serves the default (file order)
 * keyset pages and the tie-breaker of every other ordering, and finds a row by number; the key check's unique
 * indexes (primary key, unique fields) serve pages sorted or filtered by those keys. Measured on 1,000,000
 * rows: see bench:rows. Other columns get no index: which ones are queried is not known at upload time.
 */
export async function indexRowTable(client: StatementRunner, table: string): Promise<void> {
  await client.query(`CREATE UNIQUE INDEX ${quoteIdent(`${table}_row`)} ON ${qualified(table)} (_row)`);
}

/**
 * Builds the unique index `index` on `columns` (quoted, comma-separated) of a row table; false when duplicates
 * prevent it. Inside the upload's transaction: a failed index build must not abort it, hence the savepoint.
 */
export async function buildUniqueIndex(client: Client, table: string, index: string, columns: string): Promise<boolean> {
  await client.query('SAVEPOINT key_check');
  try {
    await client.query(`CREATE UNIQUE INDEX ${index} ON ${qualified(table)} (${columns})`);
    await client.query('RELEASE SAVEPOINT key_check');
    return true;
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT key_check');
    if ((error as { code?: string }).code !== '23505') throw error;
    return false;
  }
}

/**
 * The rows whose key (`keyColumns`, the same `columns` quoted) repeats an earlier row's, in file order, at most
 * `limit`: each with its row number, the row it repeats, the key values and the total of such rows.
 */
export async function repeatedKeys(client: Client, table: string, keyColumns: string[], columns: string, limit: number): Promise<Array<Record<string, unknown>>> {
  const { rows } = await client.query(
    `WITH d AS (
       SELECT _row, first_value(_row) OVER w AS first_row, row_number() OVER w AS n, ${columns}
       FROM ${qualified(table)} WINDOW w AS (PARTITION BY ${columns} ORDER BY _row)
     )
     SELECT *, count(*) OVER () AS total FROM d WHERE n > 1 AND ${keyColumns.map((c) => `${quoteIdent(c)} IS NOT NULL`).join(' AND ')}
     ORDER BY _row LIMIT ${limit}`,
  );
  return rows;
}

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
