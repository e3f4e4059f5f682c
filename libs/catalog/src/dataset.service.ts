import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller, canSeeUnpublishedOf, requireDatasetWriter, requireSignedIn } from '@opendata/auth';
import { AppError, FieldError, badInput, notFound } from '@opendata/common';
import { DataSource, EntityManager, IsNull, QueryFailedError } from 'typeorm';
import { DATASET_COLUMNS, datasetFromRow, groupRows } from './catalog-rows';
import { DatasetEntity, OrganizationEntity, ThemeEntity } from './entities';
import { DatasetMetadata } from './metadata/dataset-metadata';
import { DatasetMetadataValidator } from './metadata/dataset-metadata.validator';
import {
  CreateDatasetInput,
  DATASET_DEFAULTS,
  UpdateDatasetInput,
  entityRecord,
  normalizeRecord,
  recordColumns,
} from './metadata/dataset-record';
import { NegativeListService } from './negative-list/negative-list.service';
import { planStatus, recordStatusEvent } from './review/publication';
import { CatalogueChanges } from './search/catalogue-changes';
import { reindexDataset } from './search/search-indexer';
import { recordSearchChange } from './search/search-index.repository';

/**
 * Dataset records: reading with visibility rules, and writing with validation against the catalogue schema,
 * in one transaction with their tags, themes and search document.
 */
@Injectable()
export class DatasetService {
  private readonly validator = new DatasetMetadataValidator();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: CatalogueChanges,
    private readonly negativeList: NegativeListService,
  ) {}

  /** A live dataset by id or slug, if the caller may see it; NOT_FOUND otherwise (drafts are not revealed). */
  async get(caller: Caller, key: { id?: string | null; slug?: string | null }): Promise<DatasetEntity> {
    if (!key.id === !key.slug) throw badInput([{ path: 'id', message: 'give exactly one of id and slug' }]);
    const where = key.id ? { id: key.id } : { slug: key.slug as string };
    if (key.id && !isUuid(key.id)) throw notFound('Dataset', key.id);
    const dataset = await this.db.getRepository(DatasetEntity).findOneBy({ ...where, deletedAt: IsNull() });
    if (!dataset || !isVisible(caller, dataset)) throw notFound('Dataset', (key.id ?? key.slug) as string);
    return dataset;
  }

  /** Live datasets by id, in any order (for DataLoaders and search pages; visibility is the caller's concern). */
  async findByIds(ids: readonly string[]): Promise<DatasetEntity[]> {
    const rows = await this.db.query(`SELECT ${DATASET_COLUMNS} FROM datasets d WHERE d.id = ANY($1::uuid[]) AND d.deleted_at IS NULL`, [ids]);
    return rows.map(datasetFromRow);
  }

  async themesOf(datasetIds: readonly string[]): Promise<Map<string, ThemeEntity[]>> {
    const rows: Array<{ dataset_id: string; code: string }> = await this.db.query(
      `SELECT x.dataset_id, x.theme_code AS code FROM dataset_themes x JOIN themes t ON t.code = x.theme_code
       WHERE x.dataset_id = ANY($1::uuid[]) ORDER BY t.sort_order`,
      [datasetIds],
    );
    const themes = await this.themeVocabulary();
    return groupRows(rows, 'dataset_id', (r) => themes.get(r.code as string) as ThemeEntity);
  }

  async tagsOf(datasetIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows: Array<{ dataset_id: string; name: string }> = await this.db.query(
      `SELECT dt.dataset_id, t.name FROM dataset_tags dt JOIN tags t ON t.id = dt.tag_id
       WHERE dt.dataset_id = ANY($1::uuid[]) ORDER BY dt.position`,
      [datasetIds],
    );
    return groupRows(rows, 'dataset_id', (r) => r.name as string);
  }

  private themeVocabularyCache: Promise<Map<string, ThemeEntity>> | null = null;

  /** The theme vocabulary changes only with the code (synchronised at boot), so it is read once. */
  private themeVocabulary(): Promise<Map<string, ThemeEntity>> {
    this.themeVocabularyCache ??= this.db
      .getRepository(ThemeEntity)
      .find()
      .then((themes) => new Map(themes.map((t) => [t.code, t])));
    return this.themeVocabularyCache;
  }

  async create(caller: Caller, input: CreateDatasetInput): Promise<DatasetEntity> {
    requireSignedIn(caller);
    const record = normalizeRecord({ ...DATASET_DEFAULTS, ...input });
    const organization = await this.writableOrganization(caller, record.organization);
    const valid = await this.validated(record, null, organization.id);
    const plan = planStatus(caller, organization, null, valid.status);
    return this.write(async (manager) => {
      const repo = manager.getRepository(DatasetEntity);
      const dataset = await repo.save(
        repo.create({ ...recordColumns(valid, organization.id), status: plan.status, modified: new Date(), createdBy: caller.userId }),
      );
      await this.saveRelations(manager, dataset.id, valid);
      await recordStatusEvent(manager, caller, dataset.id, plan, valid);
      return dataset;
    });
  }

  async update(caller: Caller, id: string, patch: UpdateDatasetInput): Promise<DatasetEntity> {
    requireSignedIn(caller);
    const existing = await this.get(caller, { id });
    requireDatasetWriter(caller, existing.organizationId);
    const current = await this.recordOf(existing);
    const record = normalizeRecord({ ...current, ...patch });
    const organization = await this.writableOrganization(caller, record.organization);
    const valid = await this.validated(record, existing.id, organization.id);
    const plan = planStatus(caller, organization, existing.status, patch.status);
    return this.write(async (manager) => {
      const repo = manager.getRepository(DatasetEntity);
      await repo.update({ id }, { ...recordColumns(valid, organization.id), status: plan.status, modified: new Date() });
      await this.saveRelations(manager, id, valid);
      await recordStatusEvent(manager, caller, id, plan, valid);
      return repo.findOneByOrFail({ id });
    });
  }

  /** Soft delete: the record disappears from the catalogue; its versions and files stay as evidence. */
  async delete(caller: Caller, id: string): Promise<DatasetEntity> {
    requireSignedIn(caller);
    const existing = await this.get(caller, { id });
    requireDatasetWriter(caller, existing.organizationId);
    // Taking published data down is a withdrawal, which keeps its reason in the review history.
    if (existing.status === 'published') {
      throw new AppError('CONFLICT', '已发布的数据集须先撤回（withdrawDataset，说明原因）再删除 (withdraw a published dataset, with a reason, before deleting it)');
    }
    const deletedAt = new Date();
    await this.write(async (manager) => {
      await manager.getRepository(DatasetEntity).update({ id }, { deletedAt });
      await recordSearchChange(manager, id);
    });
    return { ...existing, deletedAt };
  }

  /** Problems of a record against the catalogue schema (for review: a record must be complete to publish). */
  schemaProblems(record: Record<string, unknown>): FieldError[] {
    return this.validator.validate(record);
  }

  /** The full record of a stored dataset (for updates and exports). */
  async recordOf(dataset: DatasetEntity): Promise<DatasetMetadata> {
    const [organization, themes, tags] = await Promise.all([
      this.db.getRepository(OrganizationEntity).findOneByOrFail({ id: dataset.organizationId }),
      this.themesOf([dataset.id]),
      this.tagsOf([dataset.id]),
    ]);
    const themeCodes = (themes.get(dataset.id) ?? []).map((t) => t.code);
    return entityRecord(dataset, organization.slug, themeCodes, tags.get(dataset.id) ?? []);
  }

  private async writableOrganization(caller: Caller, slug: unknown): Promise<OrganizationEntity> {
    const organization =
      typeof slug === 'string' ? await this.db.getRepository(OrganizationEntity).findOneBy({ slug }) : null;
    if (!organization) throw badInput([{ path: 'organization', message: 'is not an existing organization' }]);
    requireDatasetWriter(caller, organization.id);
    return organization;
  }

  private async validated(record: Record<string, unknown>, selfId: string | null, organizationId: string): Promise<DatasetMetadata> {
    const problems: FieldError[] = this.validator.validate(record);
    problems.push(...(await this.negativeList.checkMetadata(organizationId, record)));
    if (!problems.some((p) => p.path === 'slug') && (await this.slugTaken(String(record.slug), selfId))) {
      problems.push({ path: 'slug', message: 'is already used by another dataset' });
    }
    if (problems.length) throw badInput(problems);
    return record as unknown as DatasetMetadata;
  }

  private async slugTaken(slug: string, selfId: string | null): Promise<boolean> {
    const rows = await this.db.query(`SELECT id FROM datasets WHERE slug = $1 AND deleted_at IS NULL`, [slug]);
    return rows.some((r: { id: string }) => r.id !== selfId);
  }

  /**
   * Runs a write in a transaction that also announces the change (cached searches are dropped); a concurrent
   * insert of the same slug becomes a field error.
   */
  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      const result = await this.db.transaction(async (manager) => {
        const value = await work(manager);
        await this.changes.notify(manager);
        return value;
      });
      this.changes.committed();
      return result;
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'datasets_live_slug') {
        throw badInput([{ path: 'slug', message: 'is already used by another dataset' }]);
      }
      throw error;
    }
  }

  private async saveRelations(manager: EntityManager, datasetId: string, record: DatasetMetadata): Promise<void> {
    await manager.query(`DELETE FROM dataset_themes WHERE dataset_id = $1`, [datasetId]);
    await manager.query(
      `INSERT INTO dataset_themes (dataset_id, theme_code) SELECT $1, unnest($2::text[])`,
      [datasetId, record.themes],
    );
    await manager.query(`INSERT INTO tags (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING`, [record.tags]);
    await manager.query(`DELETE FROM dataset_tags WHERE dataset_id = $1`, [datasetId]);
    await manager.query(
      `INSERT INTO dataset_tags (dataset_id, tag_id, position)
       SELECT $1, t.id, x.position FROM unnest($2::text[]) WITH ORDINALITY AS x(name, position)
       JOIN tags t ON t.name = x.name`,
      [datasetId, record.tags],
    );
    await reindexDataset(manager, datasetId);
  }
}

export function isVisible(caller: Caller, dataset: Pick<DatasetEntity, 'status' | 'organizationId'>): boolean {
  return dataset.status === 'published' || canSeeUnpublishedOf(caller, dataset.organizationId);
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}


