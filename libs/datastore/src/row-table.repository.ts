import { Injectable } from '@nestjs/common';
import { appError, badInput, fieldError } from '@opendata/common';
import { SqlRepository } from '@opendata/database';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Column, DatastoreSearchSql } from './query/datastore-search';
import { JsonLines, PreparedExport } from './query/row-export';
import { RowFilter } from './query/row-filter';
import {
  EXACT_COUNT_LIMIT,
  RowAggregateQuery,
  RowCount,
  RowGroup,
  RowPage,
  RowPageQuery,
  RowStatement,
  RowTableRef,
  SqlRow,
  aggregateStatement,
  rowCountStatements,
  rowPageStatement,
} from './query/row-query';
import { qualified } from './row-table';

/** At most this many exports stream at once per API process (its database pool holds 20 connections). */
export const MAX_CONCURRENT_EXPORTS = 8;

/** The answer of datastore_search: its records, and the total when it was asked for. */
export interface DatastoreSearchRows {
  records: Array<Record<string, unknown>>;
  total: number | null;
}

/**
 * The statements that read published row tables (datastore.t_<upload>): their columns, row pages, counts,
 * aggregates, exports streamed with COPY, and CKAN's datastore_search. One per process: it holds the column
 * cache and counts the exports running.
 */
@Injectable()
export class RowTableRepository extends SqlRepository {
  /** Row tables never change after publication, so their columns are cached for good. */
  private readonly columns = new Map<string, Column[]>();
  /** Exports running now: each holds a database connection for as long as its client reads. */
  private exporting = 0;

  /** The columns of a row table with their SQL types, in table order, `_row` first. INTERNAL when it is missing. */
  async columnsOf(table: string): Promise<Column[]> {
    let columns = this.columns.get(table);
    if (!columns) {
      const rows: Array<{ name: string; type: string }> = await this.db.query(
        `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
         WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
        [qualified(table)],
      );
      if (rows.length === 0) throw appError('INTERNAL', 'rows.tableMissing', { table });
      columns = rows.map((r) => ({ name: r.name, sqlType: r.type }));
      this.columns.set(table, columns);
    }
    return columns;
  }

  page(ref: RowTableRef, query: RowPageQuery): Promise<RowPage> {
    return this.run(rowPageStatement(ref, query));
  }

  /** Counts exactly up to `exactUpTo` matching rows (bounded work); beyond, the planner's estimate, flagged. */
  async count(ref: RowTableRef, filter?: RowFilter | null, exactUpTo = EXACT_COUNT_LIMIT): Promise<RowCount> {
    const statements = rowCountStatements(ref, filter, exactUpTo);
    if (statements.known) return statements.known;
    const [counted] = await this.rows(statements.countSql, statements.values, 'where');
    const n = counted.n as number;
    if (n <= exactUpTo) return { count: n, estimated: false };
    const [plan] = await this.rows(statements.estimateSql, statements.values, 'where');
    const estimate = Number((plan['QUERY PLAN'] as Array<{ Plan: { 'Plan Rows': number } }>)[0].Plan['Plan Rows']);
    // The estimate can fall below what was just counted; the count is at least that.
    return { count: Math.max(estimate, exactUpTo + 1), estimated: true };
  }

  aggregate(ref: RowTableRef, query: RowAggregateQuery): Promise<RowGroup[]> {
    return this.run(aggregateStatement(ref, query));
  }

  /**
   * Streams an export into `out` after `begin` (which sets the response headers), on a connection of its own in
   * a read-only transaction; memory stays bounded because pipeline() waits for `out` to drain. RATE_LIMITED
   * (before `begin`) when MAX_CONCURRENT_EXPORTS are running. A connection whose COPY was cut off (the client
   * went away) is discarded, not returned to the pool.
   */
  async export(prepared: PreparedExport, begin: () => void, out: Writable): Promise<void> {
    // Slow readers must not take every pooled connection from the rest of the API.
    if (this.exporting >= MAX_CONCURRENT_EXPORTS) {
      throw appError('RATE_LIMITED', 'rows.tooManyExports', { max: MAX_CONCURRENT_EXPORTS });
    }
    this.exporting++;
    try {
      const driver = this.db.driver as unknown as { obtainMasterConnection(): Promise<[Client, (error?: unknown) => void]> };
      const [client, release] = await driver.obtainMasterConnection();
      let failure: unknown;
      try {
        begin();
        await copyOut(client, prepared, out);
      } catch (error) {
        failure = error;
        throw error;
      } finally {
        release(failure);
      }
    } finally {
      this.exporting--;
    }
  }

  /**
   * Runs datastore_search's statements (records and total at once). The total is `knownTotal` when given (an
   * unfiltered search of a table whose row count is recorded). A value PostgreSQL cannot read as its column's
   * type is the client's error, naming `filters`.
   */
  async datastoreSearch(sql: DatastoreSearchSql, knownTotal: number | null): Promise<DatastoreSearchRows> {
    const [records, total] = await Promise.all([
      this.rows(sql.recordsSql, sql.recordsValues, 'filters'),
      sql.countSql ? (knownTotal ?? this.rows(sql.countSql, sql.countValues, 'filters').then(([row]) => row.n as number)) : null,
    ]);
    return { records, total };
  }

  private async run<T>(statement: RowStatement<T>): Promise<T> {
    return statement.read(await this.rows(statement.sql, statement.values, 'where'));
  }

  /** Turns PostgreSQL's complaints about a value (a cast that failed, an overflow: class 22) into BAD_USER_INPUT. */
  private async rows(sql: string, values: unknown[], path: string): Promise<SqlRow[]> {
    try {
      return await this.db.query(sql, values);
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (code.startsWith('22')) throw badInput([fieldError(path, 'input.dataException', { reason: (error as Error).message })]);
      throw error;
    }
  }
}

/** COPY of a prepared export to `out`, in a read-only transaction; on failure rolled back and rethrown. */
async function copyOut(client: Client, prepared: PreparedExport, out: Writable): Promise<void> {
  await client.query('BEGIN READ ONLY');
  try {
    if (prepared.settings) await client.query(prepared.settings.sql, prepared.settings.params);
    const copy = client.query(copyTo(prepared.copySql));
    if (prepared.format === 'csv') {
      if (prepared.bom) out.write('\uFEFF');
      await pipeline(copy, out);
    } else {
      await pipeline(copy, new JsonLines(prepared.format === 'json'), out);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
