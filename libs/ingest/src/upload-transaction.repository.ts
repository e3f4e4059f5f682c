import { Injectable } from '@nestjs/common';
import { SqlRepository, Tx } from '@opendata/database';
import { CopyWriter, checkKeys, createRowTable, indexRowTable } from '@opendata/datastore';
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
      return new UploadTransaction(runner, client, table, fields);
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
export class UploadTransaction {
  readonly tx: Tx;
  private copy: CopyWriter | null = null;

  constructor(
    private readonly runner: QueryRunner,
    private readonly client: Client,
    private readonly table: string,
    private readonly fields: FieldSpec[],
  ) {
    this.tx = runner.manager;
  }

  /** Starts the COPY once the file's header gives the columns (`fieldOrder`, see copyFieldOrder). */
  startCopy(fieldOrder: number[]): void {
    this.copy = new CopyWriter(this.client, this.table, this.fields);
    this.copy.start(fieldOrder);
  }

  /** Sends rows as CopyText formats them; resolves once the database has taken them (or buffered them). */
  async copyRows(text: string, rows: number): Promise<void> {
    if (!this.copy) throw new Error('COPY not started');
    await this.copy.write(text, rows);
  }

  /** Ends the COPY (a file without a header has none); the rows copied. */
  async endCopy(): Promise<number> {
    return this.copy ? this.copy.finish() : 0;
  }

  /** The primary-key and unique checks on the loaded rows; duplicates go into the report. */
  checkKeys(schema: TableSchema, fieldNumberOf: (fieldIndex: number) => number, report: ReportBuilder): Promise<void> {
    return checkKeys(this.client, this.table, schema, fieldNumberOf, report);
  }

  /** The index row queries read the table by. */
  indexRows(): Promise<void> {
    return indexRowTable(this.client, this.table);
  }

  commit(): Promise<void> {
    return this.runner.commitTransaction();
  }

  rollback(): Promise<void> {
    return this.runner.rollbackTransaction();
  }

  /** After a failure: fails a COPY in progress first (it holds the connection), then rolls back if still open. */
  async abandon(): Promise<void> {
    await this.copy?.abort();
    if (this.runner.isTransactionActive) await this.runner.rollbackTransaction().catch(() => undefined);
  }

  release(): Promise<void> {
    return this.runner.release();
  }
}
