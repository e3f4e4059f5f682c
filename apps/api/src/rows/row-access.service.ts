import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller } from '@opendata/auth';
import { DatasetEntity, isVisible, releasedVersionSql } from '@opendata/catalog';
import { AppError, badInput, isEntityId, notFound } from '@opendata/common';
import {
  aggregateRows,
  columnSqlType,
  countRows,
  ExportFormat,
  noRowTable,
  prepareRowExport,
  queryRows,
  RowAggregateQuery,
  RowCount,
  RowExportOptions,
  RowFilter,
  RowGroup,
  RowPage,
  RowPageQuery,
  RowTableRef,
  writeRowExport,
} from '@opendata/datastore';
import { SchemaRegistryService } from '@opendata/ingest';
import { Client } from 'pg';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';

/** At most this many exports stream at once per API process (its database pool holds 20 connections). */
export const MAX_CONCURRENT_EXPORTS = 8;

/** The row table of one visible resource version, and what names it. */
export interface VersionRows extends RowTableRef {
  resourceId: string;
  datasetId: string;
  version: number;
  schemaId: string;
  fileName: string;
}

/**
 * Row access with the catalogue's permission rules: a resource's rows are visible exactly when the resource is
 * (its dataset live and published, or the caller a member of its organization: isVisible applies
 * canSeeUnpublishedOf), and only released versions are served (releasedVersionSql). An unknown or hidden
 * resource is NOT_FOUND either way, so its existence does not leak.
 */
@Injectable()
export class RowAccessService {
  /** Row tables never change after publication, so their column list is cached for good. */
  private readonly columns = new Map<string, Map<string, string>>();
  /** Exports running now: each holds a database connection for as long as its client reads. */
  private exporting = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly schemas: SchemaRegistryService,
  ) {}

  /**
   * The rows of a resource's latest released version, or of version `version`. One query finds the resource,
   * its dataset's visibility and the version (row queries are small; round trips are what they cost).
   */
  async rowsOf(caller: Caller, resourceId: string, version?: number | null): Promise<VersionRows> {
    if (version !== null && version !== undefined && (!Number.isInteger(version) || version < 1)) {
      throw badInput([{ path: 'version', message: 'must be a version number from 1' }]);
    }
    const found: Array<Record<string, unknown>> = isEntityId(resourceId)
      ? await this.db.query(
          `SELECT d.id AS dataset_id, d.status, d.organization_id, v.version, v.datastore_table, v.schema_id, v.file_name, v.row_count::float8 AS row_count
           FROM resources r JOIN datasets d ON d.id = r.dataset_id AND d.deleted_at IS NULL
           LEFT JOIN LATERAL (
             SELECT * FROM resource_versions v WHERE v.resource_id = r.id AND ${releasedVersionSql('v')} AND ($2::int IS NULL OR v.version = $2)
             ORDER BY v.version DESC LIMIT 1
           ) v ON true
           WHERE r.id = $1 AND r.deleted_at IS NULL`,
          [resourceId, version ?? null],
        )
      : [];
    const row = found[0];
    if (!row || !isVisible(caller, { status: row.status as DatasetEntity['status'], organizationId: row.organization_id as string })) throw notFound('Resource', resourceId);
    if (row.version === null) throw notFound('Resource version', `${resourceId}@${version ?? 'latest'}`);
    const table = row.datastore_table as string | null;
    const schemaId = row.schema_id as string | null;
    if (!table || !schemaId) throw noRowTable(resourceId);
    const schema = await this.schemas.get(schemaId);
    // A registered schema may have gained fields since this version was loaded: keep those its table has.
    const columns = await this.columnsOf(table);
    const fields = schema.fields.filter((f) => columns.get(f.name) === columnSqlType(f.type));
    return {
      resourceId,
      datasetId: row.dataset_id as string,
      version: row.version as number,
      schemaId,
      fileName: row.file_name as string,
      table,
      fields,
      rowCount: row.row_count === null ? null : Number(row.row_count),
    };
  }

  page(rows: VersionRows, query: RowPageQuery): Promise<RowPage> {
    return queryRows(this.db, rows, query);
  }

  count(rows: VersionRows, where?: RowFilter | null): Promise<RowCount> {
    return countRows(this.db, rows, where);
  }

  aggregate(rows: VersionRows, query: RowAggregateQuery): Promise<RowGroup[]> {
    return aggregateRows(this.db, rows, query);
  }

  /**
   * Streams an export into `out` after `begin` (which sets the response headers) on a connection of its own.
   * The filter is checked before `begin`, so a bad one is still an ordinary JSON error. A connection whose COPY
   * was cut off (the client went away) is discarded, not returned to the pool.
   */
  async export(rows: VersionRows, format: ExportFormat, options: RowExportOptions, begin: () => void, out: Writable): Promise<void> {
    const prepared = prepareRowExport(rows, format, options);
    // Slow readers must not take every pooled connection from the rest of the API.
    if (this.exporting >= MAX_CONCURRENT_EXPORTS) {
      throw new AppError('RATE_LIMITED', `同时进行的数据导出过多，请稍后重试 / Too many exports are running (${MAX_CONCURRENT_EXPORTS}); retry shortly`);
    }
    this.exporting++;
    try {
      const driver = this.db.driver as unknown as { obtainMasterConnection(): Promise<[Client, (error?: unknown) => void]> };
      const [client, release] = await driver.obtainMasterConnection();
      let failure: unknown;
      try {
        begin();
        await writeRowExport(client, prepared, out);
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

  private async columnsOf(table: string): Promise<Map<string, string>> {
    let columns = this.columns.get(table);
    if (!columns) {
      const rows: Array<{ name: string; type: string }> = await this.db.query(
        `SELECT a.attname AS name, format_type(a.atttypid, NULL) AS type FROM pg_attribute a
         WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped`,
        [`datastore.${table}`],
      );
      if (rows.length === 0) throw new AppError('INTERNAL', `row table ${table} is missing`);
      columns = new Map(rows.map((r) => [r.name, r.type.replace(' without time zone', '')]));
      this.columns.set(table, columns);
    }
    return columns;
  }
}
