import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller } from '@opendata/auth';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { DATASET_COLUMNS, ORGANIZATION_COLUMNS, datasetFromRow, organizationFromRow } from '../catalog-rows';
import { DatasetService } from '../dataset.service';
import { DatasetEntity, OrganizationEntity } from '../entities';
import { ResourceService } from '../resource.service';
import { DcatGraph } from './dcat-graph';
import { DcatCatalogInfo, DcatDatasetRecord, DcatLinks, catalogTitle } from './dcat-record';
import { RdfFormat, rdfDocumentWriter } from './rdf-writers';
import { SchemaOrgDataset, schemaOrgDataset } from './schema-org';

/** Datasets read per query while streaming the catalogue: memory stays bounded whatever its size. */
export const DCAT_PAGE_SIZE = 200;

/**
 * The catalogue as DCAT-AP 3 (JSON-LD or Turtle) and single datasets as DCAT-AP or schema.org. The whole
 * catalogue lists published datasets only, whoever asks (it is the public catalogue that harvesters copy); a
 * single dataset follows the usual visibility rule, so an editor can preview a draft's record.
 */
@Injectable()
export class DcatExportService {
  private readonly links: DcatLinks;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly datasets: DatasetService,
    private readonly resources: ResourceService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.links = new DcatLinks(config.publicUrl);
  }

  /** Streams the catalogue to `out`, a page of datasets at a time, waiting whenever `out` is full. */
  async writeCatalogue(format: RdfFormat, out: Writable): Promise<void> {
    const graph = new DcatGraph(this.links);
    const info = await this.catalogInfo();
    const writer = rdfDocumentWriter(format, out);
    writer.write(graph.catalog(info));
    for await (const page of this.publishedPages()) {
      writer.write(page.flatMap((record) => graph.dataset(record, true)));
      await drained(out);
    }
    writer.end();
  }

  /** Writes one dataset's record; NOT_FOUND (before anything is written) when the caller may not see it. */
  async writeDataset(caller: Caller, slug: string, format: RdfFormat, out: Writable): Promise<void> {
    const [record] = await this.records([await this.datasets.get(caller, { slug })], new Map());
    const writer = rdfDocumentWriter(format, out);
    writer.write(new DcatGraph(this.links).dataset(record));
    writer.end();
  }

  async schemaOrg(caller: Caller, slug: string): Promise<SchemaOrgDataset> {
    const [record] = await this.records([await this.datasets.get(caller, { slug })], new Map());
    const title = catalogTitle((await this.catalogInfo()).publisher);
    return schemaOrgDataset(record, this.links, title.zh);
  }

  private async catalogInfo(): Promise<DcatCatalogInfo> {
    const [root] = await this.db.query(
      `SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.parent_id IS NULL ORDER BY o.created_at, o.slug LIMIT 1`,
    );
    const [{ modified }] = await this.db.query(
      `SELECT max(modified) AS modified FROM datasets WHERE status = 'published' AND deleted_at IS NULL`,
    );
    return { publisher: root ? organizationFromRow(root) : null, modified: modified ?? null };
  }

  /** Published datasets in slug order, keyset-paged on the live-slug index. */
  private async *publishedPages(): AsyncGenerator<DcatDatasetRecord[]> {
    const organizations = new Map<string, OrganizationEntity>();
    let after = '';
    for (;;) {
      const rows = await this.db.query(
        `SELECT ${DATASET_COLUMNS} FROM datasets d
         WHERE d.status = 'published' AND d.deleted_at IS NULL AND d.slug > $1 ORDER BY d.slug LIMIT $2`,
        [after, DCAT_PAGE_SIZE],
      );
      if (rows.length === 0) return;
      const page: DatasetEntity[] = rows.map(datasetFromRow);
      yield await this.records(page, organizations);
      if (rows.length < DCAT_PAGE_SIZE) return;
      after = page[page.length - 1].slug;
    }
  }

  /** The related rows of a batch of datasets, a few queries per batch; organizations are kept across batches. */
  private async records(datasets: DatasetEntity[], organizations: Map<string, OrganizationEntity>): Promise<DcatDatasetRecord[]> {
    const ids = datasets.map((d) => d.id);
    const missing = [...new Set(datasets.map((d) => d.organizationId))].filter((id) => !organizations.has(id));
    const [themes, tags, resources] = await Promise.all([
      this.datasets.themesOf(ids),
      this.datasets.tagsOf(ids),
      this.resources.resourcesOf(ids),
      missing.length ? this.loadOrganizations(missing, organizations) : Promise.resolve(),
    ]);
    const resourceIds = [...resources.values()].flat().map((r) => r.id);
    const versions = resourceIds.length ? await this.resources.latestVersionsOf(resourceIds) : new Map();
    return datasets.map((dataset) => ({
      dataset,
      organization: organizations.get(dataset.organizationId) as OrganizationEntity,
      themes: themes.get(dataset.id) ?? [],
      tags: tags.get(dataset.id) ?? [],
      resources: (resources.get(dataset.id) ?? []).map((resource) => ({ resource, version: versions.get(resource.id) ?? null })),
    }));
  }

  private async loadOrganizations(ids: string[], into: Map<string, OrganizationEntity>): Promise<void> {
    const rows = await this.db.query(`SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = ANY($1::uuid[])`, [ids]);
    for (const row of rows) into.set(row.id, organizationFromRow(row));
  }
}

/** Resolves when `out` can take more; rejects when the client has gone, which ends the export early. */
async function drained(out: Writable): Promise<void> {
  if (out.destroyed) throw new Error('the client closed the connection');
  if (!out.writableNeedDrain) return;
  await new Promise<void>((resolve, reject) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      if (out.destroyed && out.writableNeedDrain) reject(new Error('the client closed the connection'));
      else resolve();
    };
    out.once('drain', done);
    out.once('close', done);
  });
}
