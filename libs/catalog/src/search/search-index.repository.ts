import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DATASET_ROWS, DatasetEntity } from '../entities';
import { IndexedDataset, IndexedOrganization } from './search-index';

/** Datasets read per statement while loading: each page is indexed between two reads, so the event loop is never held for long. */
const LOAD_PAGE = 4000;

const INDEXED_COLUMNS = `d.id, d.slug, d.organization_id, d.status, d.deleted_at IS NOT NULL AS deleted, d.title, d.title_en,
  d.description, d.description_en, d.facet_tags AS tags, d.facet_themes AS themes, d.facet_formats AS formats,
  d.open_attribute, d.priority_domain, d.spatial, (extract(epoch FROM d.modified) * 1000)::float8 AS modified,
  d.issued::text AS issued`;

interface IndexedRow {
  id: string;
  slug: string;
  organization_id: string;
  status: string;
  deleted: boolean;
  title: string;
  title_en: string | null;
  description: string;
  description_en: string | null;
  tags: string[];
  themes: string[];
  formats: string[];
  open_attribute: string;
  priority_domain: string | null;
  spatial: string | null;
  modified: number;
  issued: string | null;
}

export interface CatalogSnapshot {
  generation: number;
  datasets: IndexedDataset[];
  organizations: IndexedOrganization[];
}

/** The statements of the in-memory search index: loading it, catching up with changes, download counts, pages. */
@Injectable()
export class SearchIndexRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async generation(): Promise<number> {
    const [row] = await this.db.query(`SELECT generation FROM search_generation`);
    return Number(row.generation);
  }

  /**
   * Every live dataset and organization, in one snapshot with its generation, read in pages by id: `onPage`
   * receives each page (after the organizations), and the next page is read only once it returns.
   */
  async loadAll(onOrganizations: (organizations: IndexedOrganization[]) => void, onPage: (datasets: IndexedDataset[]) => Promise<void>): Promise<number> {
    const snapshot = await this.snapshot(async (m, organizations) => {
      onOrganizations(organizations);
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows: IndexedRow[] = await m.query(
          `SELECT ${INDEXED_COLUMNS} FROM datasets d WHERE d.deleted_at IS NULL AND d.id > $1 ORDER BY d.id LIMIT ${LOAD_PAGE}`,
          [after],
        );
        await onPage(rows.map(toIndexed));
        if (rows.length < LOAD_PAGE) return [];
        after = rows[rows.length - 1].id;
      }
    });
    return snapshot.generation;
  }

  /** The datasets changed after `generation` (null when the log no longer reaches back that far). */
  async changesSince(generation: number): Promise<CatalogSnapshot | null> {
    return this.snapshot(async (m) => {
      const [{ oldest }] = await m.query(`SELECT min(generation) AS oldest FROM search_changes`);
      if (oldest !== null && Number(oldest) > generation + 1) return null;
      const rows: IndexedRow[] = await m.query(
        `SELECT ${INDEXED_COLUMNS} FROM datasets d
         WHERE d.id IN (SELECT dataset_id FROM search_changes WHERE generation > $1 AND dataset_id IS NOT NULL)`,
        [generation],
      );
      return rows.map(toIndexed);
    });
  }

  /** Downloads per dataset (the sum over its resources). */
  async downloads(): Promise<Array<{ id: string; n: number }>> {
    return this.db.query(`SELECT dataset_id AS id, sum(downloads)::float8 AS n FROM resource_download_counts GROUP BY dataset_id`);
  }

  /** The records of a page, with their tags in order, in one statement. */
  async datasetsWithTags(ids: string[]): Promise<Array<{ dataset: DatasetEntity; tags: string[] }>> {
    if (!ids.length) return [];
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT ${DATASET_ROWS.columns}, ARRAY(SELECT t.name FROM dataset_tags dt JOIN tags t ON t.id = dt.tag_id
                                       WHERE dt.dataset_id = d.id ORDER BY dt.position) AS tag_names
       FROM datasets d WHERE d.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((row) => ({ dataset: DATASET_ROWS.from(row), tags: row.tag_names as string[] }));
  }

  private async snapshot<T extends IndexedDataset[] | null>(read: (m: EntityManager, organizations: IndexedOrganization[]) => Promise<T>) {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const generation = Number((await runner.query(`SELECT generation FROM search_generation`))[0].generation);
      const organizations = (await runner.query(`SELECT id, slug, name, name_en FROM organizations`)).map(
        (o: { id: string; slug: string; name: string; name_en: string | null }) => ({ id: o.id, slug: o.slug, name: o.name, nameEn: o.name_en }),
      );
      const datasets = await read(runner.manager, organizations);
      await runner.query('COMMIT');
      return (datasets ? { generation, datasets, organizations } : null) as T extends null ? CatalogSnapshot | null : CatalogSnapshot;
    } finally {
      await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  }
}

function toIndexed(r: IndexedRow): IndexedDataset {
  return {
    id: r.id,
    slug: r.slug,
    organizationId: r.organization_id,
    status: r.status,
    deleted: r.deleted,
    title: r.title,
    titleEn: r.title_en,
    description: r.description,
    descriptionEn: r.description_en,
    tags: r.tags,
    themes: r.themes,
    formats: r.formats,
    openAttribute: r.open_attribute,
    priorityDomain: r.priority_domain,
    spatial: r.spatial,
    modified: r.modified,
    issued: r.issued ? Date.parse(r.issued) : null,
  };
}
