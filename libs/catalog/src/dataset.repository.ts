import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Tx, groupRows } from '@opendata/database';
import { DataSource, IsNull, QueryFailedError } from 'typeorm';
import { DATASET_ROWS, DatasetEntity } from './entities';
import { SlugTaken } from './metadata/dataset-record';
import { CatalogRepository } from './catalog.repository';
import { CatalogChanges } from './search/catalog-changes';
import { SearchDocumentRepository } from './search/search-document.repository';

/** A tag with its id (CKAN's tag objects carry both). */
export interface TagRef {
  id: string;
  name: string;
}

/** The columns a create or update writes. */
export type DatasetColumns = Partial<Omit<DatasetEntity, 'id' | 'createdAt' | 'updatedAt'>>;

/**
 * The statements on dataset records: the row, its themes and tags, and its search document, which every write
 * rewrites in the same transaction. Catalogue transactions are opened here or on another repository of the
 * catalogue, which know the change feed.
 */
@Injectable()
export class DatasetRepository extends CatalogRepository {
  constructor(
    @InjectDataSource() db: DataSource,
    changes: CatalogChanges,
    private readonly searchDocuments: SearchDocumentRepository,
  ) {
    super(db, changes);
  }

  /** A live (not deleted) dataset by id or slug. */
  findLive(key: { id: string } | { slug: string }): Promise<DatasetEntity | null> {
    return this.manager().getRepository(DatasetEntity).findOneBy({ ...key, deletedAt: IsNull() });
  }

  /** A dataset as stored, deleted or not; throws when there is none. */
  find(id: string, tx?: Tx): Promise<DatasetEntity> {
    return this.manager(tx).getRepository(DatasetEntity).findOneByOrFail({ id });
  }

  /** Live datasets by id, in any order. */
  async findByIds(ids: readonly string[]): Promise<DatasetEntity[]> {
    const rows = await this.db.query(`SELECT ${DATASET_ROWS.columns} FROM datasets d WHERE d.id = ANY($1::uuid[]) AND d.deleted_at IS NULL`, [ids]);
    return rows.map(DATASET_ROWS.from);
  }

  /** Theme codes by dataset, in the vocabulary's order. */
  async themeCodesOf(datasetIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.db.query(
      `SELECT x.dataset_id, x.theme_code AS code FROM dataset_themes x JOIN themes t ON t.code = x.theme_code
       WHERE x.dataset_id = ANY($1::uuid[]) ORDER BY t.sort_order`,
      [datasetIds],
    );
    return groupRows(rows, 'dataset_id', (r) => r.code as string);
  }

  /** Tags by dataset, in the record's order. */
  async tagsOf(datasetIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.taggings(datasetIds);
    return groupRows(rows, 'dataset_id', (r) => r.name as string);
  }

  /** The same, with the tags' ids. */
  async tagRefsOf(datasetIds: readonly string[]): Promise<Map<string, TagRef[]>> {
    const rows = await this.taggings(datasetIds);
    return groupRows(rows, 'dataset_id', (r) => ({ id: r.id as string, name: r.name as string }));
  }

  private taggings(datasetIds: readonly string[]): Promise<Array<Record<string, unknown>>> {
    return this.db.query(
      `SELECT dt.dataset_id, t.id, t.name FROM dataset_tags dt JOIN tags t ON t.id = dt.tag_id
       WHERE dt.dataset_id = ANY($1::uuid[]) ORDER BY dt.position`,
      [datasetIds],
    );
  }

  /** Ids of the live datasets with this slug (one at most, by a unique index). */
  async idsWithSlug(slug: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(`SELECT id FROM datasets WHERE slug = $1 AND deleted_at IS NULL`, [slug]);
    return rows.map((r) => r.id);
  }

  /** Inserts a record and returns its id; SlugTaken when a live dataset has its slug. */
  async insert(columns: DatasetColumns, tx: Tx): Promise<string> {
    const entities = tx.getRepository(DatasetEntity);
    const saved = await slugChecked(() => entities.save(entities.create(columns)));
    return saved.id;
  }

  /** SlugTaken when a live dataset has the new slug. */
  async update(id: string, columns: DatasetColumns, tx: Tx): Promise<void> {
    await slugChecked(() => tx.getRepository(DatasetEntity).update({ id }, columns));
  }

  /** Records that the dataset changed now (its files, for instance), without touching its record. */
  async touch(id: string, tx: Tx): Promise<void> {
    await tx.getRepository(DatasetEntity).update({ id }, { modified: new Date() });
  }

  /** Marks a dataset deleted; it leaves every process's search index with the transaction's commit. */
  async softDelete(id: string, deletedAt: Date, tx: Tx): Promise<void> {
    await tx.getRepository(DatasetEntity).update({ id }, { deletedAt });
    await this.searchDocuments.recordChange(id, tx);
  }

  /** Replaces the dataset's themes and tags (creating new tags); the search document is rewritten after (reindex). */
  async saveRelations(datasetId: string, themes: readonly string[], tags: readonly string[], tx: Tx): Promise<void> {
    await tx.query(`DELETE FROM dataset_themes WHERE dataset_id = $1`, [datasetId]);
    await tx.query(`INSERT INTO dataset_themes (dataset_id, theme_code) SELECT $1, unnest($2::text[])`, [datasetId, themes]);
    await tx.query(`INSERT INTO tags (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING`, [tags]);
    await tx.query(`DELETE FROM dataset_tags WHERE dataset_id = $1`, [datasetId]);
    await tx.query(
      `INSERT INTO dataset_tags (dataset_id, tag_id, position)
       SELECT $1, t.id, x.position FROM unnest($2::text[]) WITH ORDINALITY AS x(name, position)
       JOIN tags t ON t.name = x.name`,
      [datasetId, tags],
    );
  }

  /** Rewrites the search document of a dataset from its rows, in the transaction that changed them. */
  async reindex(datasetId: string, tx: Tx): Promise<void> {
    await this.searchDocuments.rewrite(datasetId, tx);
  }

  /** Rewrites the search document of every live dataset, one at a time; returns how many. */
  reindexAll(onProgress?: (done: number, total: number) => void): Promise<number> {
    return this.searchDocuments.rewriteAll(onProgress);
  }

  /** Slugs of the published datasets, in slug order. */
  async publishedSlugs(limit: number, offset: number): Promise<string[]> {
    const rows: Array<{ slug: string }> = await this.db.query(
      `SELECT slug FROM datasets WHERE deleted_at IS NULL AND status = 'published' ORDER BY slug LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return rows.map((r) => r.slug);
  }

  /** Published datasets with a slug after `after`, in slug order (keyset pages on the live-slug index). */
  async publishedAfter(after: string, limit: number): Promise<DatasetEntity[]> {
    const rows = await this.db.query(
      `SELECT ${DATASET_ROWS.columns} FROM datasets d
       WHERE d.status = 'published' AND d.deleted_at IS NULL AND d.slug > $1 ORDER BY d.slug LIMIT $2`,
      [after, limit],
    );
    return rows.map(DATASET_ROWS.from);
  }

  /** When a published dataset last changed; null when none is published. */
  async lastPublishedChange(): Promise<Date | null> {
    const [{ modified }] = await this.db.query(`SELECT max(modified) AS modified FROM datasets WHERE status = 'published' AND deleted_at IS NULL`);
    return modified ?? null;
  }
}

/** Runs a write, turning a violation of the live-slug index into SlugTaken. */
async function slugChecked<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'datasets_live_slug') throw new SlugTaken();
    throw error;
  }
}
