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

/** A COPY in progress into a row table (startRowCopy). */
export interface RowCopy {
  /** Sends rows as CopyText formats them; resolves when the database has taken them in (or buffered them). */
  write(text: string, rows: number): Promise<void>;
  /** Ends the COPY; the rows sent. */
  finish(): Promise<number>;
  /** Abandons the COPY (the connection's query fails; the caller drops the table). */
  abort(): Promise<void>;
}

/**
 * Starts streaming validated rows into a row table with COPY (CSV, as CopyText formats it), on the upload's
 * connection, once the file's header gives the column order: `fieldOrder` is the schema field of each column
 * after `_row` (copyFieldOrder); fields not named stay NULL. Writing waits for the database when it falls behind
 * (bounded memory).
 */
export function startRowCopy(client: Client, table: string, fields: FieldSpec[], fieldOrder: number[]): RowCopy {
  const columns = ['_row', ...fieldOrder.map((f) => quoteIdent(fields[f].name))].join(', ');
  // A few MB of slack: the reader keeps parsing while PostgreSQL works through what it was sent, instead of
  // waiting for every batch to drain (bounded all the same).
  const stream: Writable = client.query(copyFrom(`COPY ${qualified(table)} (${columns}) FROM STDIN (FORMAT csv)`, { highWaterMark: 4 << 20 }));
  let failure: Error | null = null;
  let sent = 0;
  stream.on('error', (error: Error) => {
    failure ??= error;
  });
  return {
    async write(text, rows) {
      if (failure) throw failure;
      sent += rows;
      if (stream.write(text)) return;
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => { cleanup(); resolve(); };
        const onError = (e: Error) => { cleanup(); reject(e); };
        const cleanup = () => { stream.off('drain', onDrain); stream.off('error', onError); };
        stream.once('drain', onDrain);
        stream.once('error', onError);
      });
    },
    async finish() {
      if (failure) throw failure;
      await new Promise<void>((resolve, reject) => {
        stream.once('finish', resolve);
        stream.once('error', reject);
        stream.end();
      });
      return sent;
    },
    async abort() {
      if (stream.writableFinished) return;
      await new Promise<void>((resolve) => {
        stream.once('error', () => resolve());
        stream.once('finish', () => resolve());
        stream.destroy(new Error('upload abandoned'));
        setTimeout(resolve, 1000).unref();
      });
    },
  };
}
