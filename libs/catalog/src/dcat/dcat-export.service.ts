import { Inject, Injectable } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { Writable } from 'node:stream';
import { DatasetRepository } from '../dataset.repository';
import { DatasetService } from '../dataset.service';
import { DatasetEntity, OrganizationEntity } from '../entities';
import { OrganizationRepository } from '../organization.repository';
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
    private readonly datasetRecords: DatasetRepository,
    private readonly organizations: OrganizationRepository,
    private readonly datasets: DatasetService,
    private readonly resources: ResourceService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.links = new DcatLinks(config.publicUrl);
  }

  /** Streams the catalogue to `out`, a page of datasets at a time, waiting whenever `out` is full. */
  async writeCatalog(format: RdfFormat, out: Writable): Promise<void> {
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
    const [record] = await this.recordsOf([await this.datasets.get(caller, { slug })], new Map());
    const writer = rdfDocumentWriter(format, out);
    writer.write(new DcatGraph(this.links).dataset(record));
    writer.end();
  }

  async schemaOrg(caller: Caller, slug: string): Promise<SchemaOrgDataset> {
    const [record] = await this.recordsOf([await this.datasets.get(caller, { slug })], new Map());
    const title = catalogTitle((await this.catalogInfo()).publisher);
    return schemaOrgDataset(record, this.links, title.zh);
  }

  private async catalogInfo(): Promise<DcatCatalogInfo> {
    const [publisher, modified] = await Promise.all([this.organizations.root(), this.datasetRecords.lastPublishedChange()]);
    return { publisher, modified };
  }

  /** Published datasets in slug order, keyset-paged on the live-slug index. */
  private async *publishedPages(): AsyncGenerator<DcatDatasetRecord[]> {
    const organizations = new Map<string, OrganizationEntity>();
    let after = '';
    for (;;) {
      const page = await this.datasetRecords.publishedAfter(after, DCAT_PAGE_SIZE);
      if (page.length === 0) return;
      yield await this.recordsOf(page, organizations);
      if (page.length < DCAT_PAGE_SIZE) return;
      after = page[page.length - 1].slug;
    }
  }

  /** The related rows of a batch of datasets, a few queries per batch; organizations are kept across batches. */
  private async recordsOf(datasets: DatasetEntity[], organizations: Map<string, OrganizationEntity>): Promise<DcatDatasetRecord[]> {
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
    for (const organization of await this.organizations.findByIds(ids)) into.set(organization.id, organization);
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
