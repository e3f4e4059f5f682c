import { Injectable } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import { ResourceService } from '@opendata/catalog';
import { badInput, fieldError } from '@opendata/common';
import {
  columnSqlType,
  ExportFormat,
  noRowTable,
  prepareRowExport,
  RowAggregateQuery,
  RowCount,
  RowExportOptions,
  RowFilter,
  RowGroup,
  RowPage,
  RowPageQuery,
  RowTableRef,
  RowTableRepository,
} from '@opendata/datastore';
import { SchemaRegistryService } from '@opendata/ingest';
import { Writable } from 'node:stream';

/** The row table of one visible resource version, and what names it. */
export interface VersionRows extends RowTableRef {
  resourceId: string;
  datasetId: string;
  version: number;
  schemaId: string;
  fileName: string;
}

/**
 * Row access with the catalogue's permission rules: a resource's rows are visible exactly when the resource is,
 * and only released versions are served (ResourceService.versionRows decides both; an unknown or hidden
 * resource is NOT_FOUND either way, so its existence does not leak). The rows are read through the row tables'
 * repository, which also bounds the exports running at once.
 */
@Injectable()
export class RowAccessService {
  constructor(
    private readonly resources: ResourceService,
    private readonly tables: RowTableRepository,
    private readonly schemas: SchemaRegistryService,
  ) {}

  /** The rows of a resource's latest released version, or of version `version`. */
  async rowsOf(caller: Caller, resourceId: string, version?: number | null): Promise<VersionRows> {
    if (version !== null && version !== undefined && (!Number.isInteger(version) || version < 1)) {
      throw badInput([fieldError('version', 'rows.versionNumber')]);
    }
    const found = await this.resources.versionRows(caller, resourceId, version ?? null);
    const table = found.datastoreTable;
    const schemaId = found.schemaId;
    if (!table || !schemaId) throw noRowTable(resourceId);
    const schema = await this.schemas.get(schemaId);
    // A registered schema may have gained fields since this version was loaded: keep those its table has.
    const columns = new Map((await this.tables.columnsOf(table)).map((c) => [c.name, c.sqlType.replace(' without time zone', '')]));
    const fields = schema.fields.filter((f) => columns.get(f.name) === columnSqlType(f.type));
    return { resourceId, datasetId: found.datasetId, version: found.version, schemaId, fileName: found.fileName, table, fields, rowCount: found.rowCount };
  }

  page(rows: VersionRows, query: RowPageQuery): Promise<RowPage> {
    return this.tables.page(rows, query);
  }

  count(rows: VersionRows, where?: RowFilter | null): Promise<RowCount> {
    return this.tables.count(rows, where);
  }

  aggregate(rows: VersionRows, query: RowAggregateQuery): Promise<RowGroup[]> {
    return this.tables.aggregate(rows, query);
  }

  /**
   * Streams an export into `out` after `begin` (which sets the response headers). The fields and filter are
   * checked before `begin`, so a bad one is still an ordinary JSON error.
   */
  async export(rows: VersionRows, format: ExportFormat, options: RowExportOptions, begin: () => void, out: Writable): Promise<void> {
    await this.tables.export(prepareRowExport(rows, format, options), begin, out);
  }
}
