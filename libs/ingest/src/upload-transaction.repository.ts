import { Injectable } from '@nestjs/common';
import { SqlRepository, Tx } from '@opendata/database';
import { RowCopy, checkKeys, createRowTable, indexRowTable, startRowCopy } from '@opendata/datastore';
import { FieldSpec, ReportBuilder, TableSchema } from '@opendata/validation';
import { Client } from 'pg';
import { QueryRunner } from 'typeorm';

/**
 * Opens the transaction of an upload. It is unlike the others: it holds one connection for as long as the file
 * streams, because COPY runs on that connection's own client, and everything database-side of the upload
 * (row table, rows, key indexes, report, version) commits or rolls back together.
 */
@Injectable()
export class UploadTransactionRepository extends SqlRepository {
  /** Connects, begins, and creates the upload's row table (`table`, typed from `fields`) in the transaction. */
  async open(table: string, fields: FieldSpec[]): Promise<UploadTransaction> {
    const runner = this.db.createQueryRunner();
    try {
      const client = (await runner.connect()) as Client;
      await runner.startTransaction();
      await createRowTable(client, table, fields);
      return uploadTransaction(runner, client, table, fields);
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
      throw error;
    }
  }
}

/**
 * An upload's transaction in progress: the COPY of its rows into its row table, the key check and the index;
 * `tx` for the statements of other repositories that commit with it (report, version). `release` it whatever
 * happens.
 */
export interface UploadTransaction {
  readonly tx: Tx;
  /** Starts the COPY once the file's header gives the columns (`fieldOrder`, see copyFieldOrder). */
  startCopy(fieldOrder: number[]): void;
  /** Sends rows as CopyText formats them; resolves once the database has taken them (or buffered them). */
  copyRows(text: string, rows: number): Promise<void>;
  /** Ends the COPY (a file without a header has none); the rows copied. */
  endCopy(): Promise<number>;
  /** The primary-key and unique checks on the loaded rows; duplicates go into the report. */
  checkKeys(schema: TableSchema, fieldNumberOf: (fieldIndex: number) => number, report: ReportBuilder): Promise<void>;
  /** The index row queries read the table by. */
  indexRows(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** After a failure: fails a COPY in progress first (it holds the connection), then rolls back if still open. */
  abandon(): Promise<void>;
  release(): Promise<void>;
}

function uploadTransaction(runner: QueryRunner, client: Client, table: string, fields: FieldSpec[]): UploadTransaction {
  let copy: RowCopy | null = null;
  return {
    tx: runner.manager,
    startCopy: (fieldOrder) => {
      copy = startRowCopy(client, table, fields, fieldOrder);
    },
    copyRows: async (text, rows) => {
      if (!copy) throw new Error('COPY not started');
      await copy.write(text, rows);
    },
    endCopy: async () => (copy ? copy.finish() : 0),
    checkKeys: (schema, fieldNumberOf, report) => checkKeys(client, table, schema, fieldNumberOf, report),
    indexRows: () => indexRowTable(client, table),
    commit: () => runner.commitTransaction(),
    rollback: () => runner.rollbackTransaction(),
    abandon: async () => {
      await copy?.abort();
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    },
    release: () => runner.release(),
  };
}
