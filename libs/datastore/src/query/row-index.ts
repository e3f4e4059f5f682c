import { qualified, quoteIdent } from '../row-table';

/**
 * The index every row table gets at publication: the row number, unique. It serves the default (file order)
 * keyset pages and the tie-breaker of every other ordering, and finds a row by number; the key check's unique
 * indexes (primary key, unique fields) serve pages sorted or filtered by those keys. Measured on 1,000,000
 * rows: see bench:rows. Other columns get no index: which ones are queried is not known at upload time.
 */
export async function indexRowTable(client: { query(sql: string): Promise<unknown> }, table: string): Promise<void> {
  await client.query(`CREATE UNIQUE INDEX ${quoteIdent(`${table}_row`)} ON ${qualified(table)} (_row)`);
}
