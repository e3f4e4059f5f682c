import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller } from '@opendata/auth';
import { ResourceService } from '@opendata/catalog';
import { qualified } from '@opendata/datastore';
import { DataSource, QueryFailedError } from 'typeorm';
import { ckanNotFound, ckanValidation } from './ckan-envelope';
import { Params, requiredText } from './ckan-params';
import { Column, compileDatastoreSearch } from './datastore-search-sql';

/**
 * datastore_search over the typed row table of a resource's latest version, for callers who may see the
 * resource. The statements come from compileDatastoreSearch (whitelisted names, bound values).
 */
@Injectable()
export class CkanDatastoreService {
  constructor(
    private readonly resources: ResourceService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async search(caller: Caller, params: Params) {
    const resourceId = requiredText(params, 'resource_id');
    const { resource } = await this.resources.get(caller, resourceId);
    const latest = (await this.resources.latestVersionsOf([resource.id])).get(resource.id);
    if (!latest?.datastoreTable) throw ckanNotFound(`Resource "${resourceId}" was not found.`);
    const sql = compileDatastoreSearch(latest.datastoreTable, await this.columnsOf(latest.datastoreTable), params);
    // Row tables never change after publication, so the recorded row count is the unfiltered total for free.
    const knownTotal = !sql.filtered && latest.rowCount !== null ? [{ n: latest.rowCount }] : null;
    try {
      const [records, total] = await Promise.all([
        this.db.query(sql.recordsSql, sql.recordsValues) as Promise<Array<Record<string, unknown>>>,
        sql.countSql ? (knownTotal ?? (this.db.query(sql.countSql, sql.countValues) as Promise<Array<{ n: number }>>)) : null,
      ]);
      return {
        include_total: sql.countSql !== null,
        resource_id: resource.id,
        fields: sql.fields,
        records_format: 'objects',
        records: records.map(numbersFor(sql.bigints)),
        limit: sql.limit,
        offset: sql.offset,
        _links: links(resource.id, sql.limit, sql.offset),
        ...(total ? { total: total[0].n } : {}),
      };
    } catch (error) {
      // A value PostgreSQL cannot read as its column's type (class 22: bad date, overflow) is the client's error.
      const code = error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
      if (code?.startsWith('22')) throw ckanValidation({ filters: (error as Error).message });
      throw error;
    }
  }

  /** The row columns from the table's catalogue entry; `_row` is internal and served as `_id`. */
  private async columnsOf(table: string): Promise<Column[]> {
    const rows: Array<{ name: string; type: string }> = await this.db.query(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
       WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> '_row' ORDER BY a.attnum`,
      [qualified(table)],
    );
    return rows.map((r) => ({ name: r.name, sqlType: r.type }));
  }
}

/** Big integers arrive from pg as strings; CKAN sends numbers, exact up to 2^53 (larger ones stay text). */
function numbersFor(bigintColumns: string[]): (row: Record<string, unknown>) => Record<string, unknown> {
  return (row) => {
    for (const k of bigintColumns) {
      const v = row[k];
      if (typeof v === 'string' && Number.isSafeInteger(Number(v))) row[k] = Number(v);
    }
    return row;
  };
}

function links(resourceId: string, limit: number, offset: number) {
  const base = `/api/3/action/datastore_search?resource_id=${encodeURIComponent(resourceId)}`;
  return { start: `${base}&limit=${limit}`, next: `${base}&offset=${offset + limit}&limit=${limit}` };
}
