import { Injectable } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import { ResourceService } from '@opendata/catalog';
import { RowTableRepository, compileDatastoreSearch } from '@opendata/datastore';
import { messageText } from '@opendata/common';
import { ckanNotFound } from './ckan-envelope';
import { Params, requiredText, text } from './ckan-params';
import { datastoreSearchRequest } from './datastore-search-params';

/**
 * datastore_search over the typed row table of a resource's latest version, for callers who may see the
 * resource. The statements come from compileDatastoreSearch (whitelisted names, bound values).
 */
@Injectable()
export class CkanDatastoreService {
  constructor(
    private readonly resources: ResourceService,
    private readonly tables: RowTableRepository,
  ) {}

  async search(caller: Caller, params: Params) {
    // The parameters are checked (unknown ones refused) before the resource is looked up.
    const request = datastoreSearchRequest(params);
    const resourceId = text(params, 'resource_id') ?? requiredText(params, 'id');
    const { resource } = await this.resources.get(caller, resourceId);
    const latest = (await this.resources.latestVersionsOf([resource.id])).get(resource.id);
    if (!latest?.datastoreTable) throw ckanNotFound(messageText('ckan.resourceNotFound', { id: resourceId }));
    // `_row` is internal: it is served as `_id`.
    const columns = (await this.tables.columnsOf(latest.datastoreTable)).filter((c) => c.name !== '_row');
    const sql = compileDatastoreSearch(latest.datastoreTable, columns, request);
    // Row tables never change after publication, so the recorded row count is the unfiltered total for free.
    const knownTotal = !sql.filtered && latest.rowCount !== null ? latest.rowCount : null;
    const { records, total } = await this.tables.datastoreSearch(sql, knownTotal);
    return {
      include_total: sql.countSql !== null,
      resource_id: resource.id,
      fields: sql.fields,
      records_format: 'objects',
      records: records.map(numbersFor(sql.bigints)),
      limit: sql.limit,
      offset: sql.offset,
      _links: links(resource.id, sql.limit, sql.offset),
      ...(total !== null ? { total } : {}),
    };
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
