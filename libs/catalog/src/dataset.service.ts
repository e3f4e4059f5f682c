import { Injectable } from '@nestjs/common';
import { Caller, canSeeUnpublishedOf, requireDatasetWriter, requireSignedIn, requireSysadmin } from '@opendata/auth';
import { FieldError, badInput, fieldError, isEntityId, notFound } from '@opendata/common';
import { Transaction } from '@opendata/database';
import { DatasetRepository, TagRef } from './dataset.repository';
import { DatasetEntity, OrganizationEntity, ThemeEntity } from './entities';
import { DatasetMetadata } from './metadata/dataset-metadata';
import { DatasetMetadataValidator } from './metadata/dataset-metadata.validator';
import { DATASET_DEFAULTS, DatasetRecordPatch, NewDatasetRecord, SlugTaken, entityRecord, normalizeRecord, recordColumns } from './metadata/dataset-record';
import { NegativeListService } from './negative-list/negative-list.service';
import { OrganizationRepository } from './organization.repository';
import { WorkflowSteps, recordSha256, statusAction } from './review/publication';
import { ThemeRepository } from './theme.repository';


/**
 * Dataset records: reading with visibility rules, and writing with validation against the catalogue schema,
 * in one transaction with their tags, themes and search document.
 */
@Injectable()
export class DatasetService {
  private readonly validator = new DatasetMetadataValidator();

  constructor(
    private readonly datasets: DatasetRepository,
    private readonly organizations: OrganizationRepository,
    private readonly themes: ThemeRepository,
    private readonly steps: WorkflowSteps,
    private readonly negativeList: NegativeListService,
  ) {}

  /** A live dataset by id or slug, if the caller may see it; NOT_FOUND otherwise (drafts are not revealed). */
  async get(caller: Caller, key: { id?: string | null; slug?: string | null }): Promise<DatasetEntity> {
    if (!key.id === !key.slug) throw badInput([fieldError('id', 'input.oneOfIdSlug')]);
    if (key.id && !isEntityId(key.id)) throw notFound('dataset', key.id);
    const dataset = await this.datasets.findLive(key.id ? { id: key.id } : { slug: key.slug as string });
    if (!dataset || !isVisible(caller, dataset)) throw notFound('dataset', (key.id ?? key.slug) as string);
    return dataset;
  }

  /** Live datasets by id, in any order (for DataLoaders and search pages; visibility is the caller's concern). */
  findByIds(ids: readonly string[]): Promise<DatasetEntity[]> {
    return this.datasets.findByIds(ids);
  }

  async themesOf(datasetIds: readonly string[]): Promise<Map<string, ThemeEntity[]>> {
    const [codes, vocabulary] = await Promise.all([this.datasets.themeCodesOf(datasetIds), this.themes.vocabulary()]);
    return new Map([...codes].map(([id, list]) => [id, list.map((code) => vocabulary.get(code) as ThemeEntity)]));
  }

  tagsOf(datasetIds: readonly string[]): Promise<Map<string, string[]>> {
    return this.datasets.tagsOf(datasetIds);
  }

  /** Tags with their ids, in each record's order (CKAN's tag objects). */
  tagRefsOf(datasetIds: readonly string[]): Promise<Map<string, TagRef[]>> {
    return this.datasets.tagRefsOf(datasetIds);
  }

  /** Slugs of the published datasets, in slug order. */
  publishedSlugs(limit: number, offset: number): Promise<string[]> {
    return this.datasets.publishedSlugs(limit, offset);
  }

  /** Rebuilds the search document of every live dataset (after a change to the search dictionary); returns how many. */
  async rebuildSearchDocuments(caller: Caller, onProgress?: (done: number, total: number) => void): Promise<number> {
    requireSysadmin(caller, 'forbidden.reindex');
    return this.datasets.reindexAll(onProgress);
  }

  /** A new dataset is a draft; asking for PUBLISHED publishes it at once, where the caller may publish without review. */
  async create(caller: Caller, input: NewDatasetRecord): Promise<DatasetEntity> {
    requireSignedIn(caller);
    const record = normalizeRecord({ ...DATASET_DEFAULTS, ...input });
    const organization = await this.writableOrganization(caller, record.organization);
    const valid = await this.validated(record, null, organization.id);
    const publish = statusAction('draft', valid.status) === 'publish';
    return this.write(caller, async (tx) => {
      const id = await this.datasets.insert({ ...recordColumns(valid, organization.id), status: 'draft', modified: new Date(), createdBy: caller.userId }, tx);
      await this.datasets.saveRelations(id, valid.themes, valid.tags, tx);
      const step = await this.steps.decide(caller, id, publish ? 'publish' : 'edit', tx);
      await this.steps.apply(caller, step, { recordSha256: recordSha256(valid) }, tx);
      await this.datasets.reindex(id, tx);
      return this.datasets.find(id, tx);
    });
  }

  /**
   * Edits the record under the dataset's row lock, as the workflow table allows: a draft stays a draft; a
   * published dataset stays public when the caller publishes without review, else it goes back to review.
   */
  async update(caller: Caller, id: string, patch: DatasetRecordPatch): Promise<DatasetEntity> {
    requireSignedIn(caller);
    const visible = await this.get(caller, { id });
    const action = statusAction(visible.status, patch.status);
    return this.write(caller, async (tx) => {
      const step = await this.steps.decide(caller, id, action, tx);
      const existing = await this.datasets.find(id, tx);
      const record = normalizeRecord({ ...(await this.recordOf(existing)), ...patch });
      const organization = await this.writableOrganization(caller, record.organization);
      const valid = await this.validated(record, existing.id, organization.id);
      await this.datasets.update(id, { ...recordColumns(valid, organization.id), modified: new Date() }, tx);
      await this.datasets.saveRelations(id, valid.themes, valid.tags, tx);
      const comment = step.to === 'submitted' ? '已发布数据集的元数据修改，待审查 (edit of a published dataset)' : null;
      await this.steps.apply(caller, step, { recordSha256: recordSha256(valid), comment }, tx);
      // After the step: a publication releases the draft's files, whose formats the search document lists.
      await this.datasets.reindex(id, tx);
      return this.datasets.find(id, tx);
    });
  }

  /**
   * Soft delete of a draft or withdrawn dataset: the record disappears from the catalogue; its versions and
   * files stay as evidence. Published data is withdrawn first, which keeps its reason in the review history.
   */
  async delete(caller: Caller, id: string): Promise<DatasetEntity> {
    requireSignedIn(caller);
    const existing = await this.get(caller, { id });
    const deletedAt = new Date();
    await this.write(caller, async (tx) => {
      const step = await this.steps.decide(caller, id, 'delete', tx);
      await this.datasets.softDelete(id, deletedAt, tx);
      await this.steps.apply(caller, step, {}, tx);
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
      this.organizations.get(dataset.organizationId),
      this.datasets.themeCodesOf([dataset.id]),
      this.datasets.tagsOf([dataset.id]),
    ]);
    return entityRecord(dataset, organization.slug, themes.get(dataset.id) ?? [], tags.get(dataset.id) ?? []);
  }

  private async writableOrganization(caller: Caller, slug: unknown): Promise<OrganizationEntity> {
    const organization = typeof slug === 'string' ? await this.organizations.findBySlug(slug) : null;
    if (!organization) throw badInput([fieldError('organization', 'input.notOrganization')]);
    requireDatasetWriter(caller, organization.id);
    return organization;
  }

  private async validated(record: Record<string, unknown>, selfId: string | null, organizationId: string): Promise<DatasetMetadata> {
    const problems: FieldError[] = this.validator.validate(record);
    problems.push(...(await this.negativeList.checkMetadata(organizationId, record)));
    if (!problems.some((p) => p.path === 'slug') && (await this.datasets.idsWithSlug(String(record.slug))).some((id) => id !== selfId)) {
      problems.push(fieldError('slug', 'record.slugTaken'));
    }
    if (problems.length) throw badInput(problems);
    return record as unknown as DatasetMetadata;
  }

  /**
   * One write in one transaction, in the caller's name, that marks the catalogue changed (cached searches are
   * dropped when it commits); a concurrent write of the same slug becomes a field error.
   */
  private async write<T>(caller: Caller, work: (tx: Transaction) => Promise<T>): Promise<T> {
    try {
      return await this.datasets.withTransaction(caller, async (tx) => {
        const result = await work(tx);
        tx.catalogChanged();
        return result;
      });
    } catch (error) {
      if (error instanceof SlugTaken) throw badInput([fieldError('slug', 'record.slugTaken')]);
      throw error;
    }
  }
}

export function isVisible(caller: Caller, dataset: Pick<DatasetEntity, 'status' | 'organizationId'>): boolean {
  return dataset.status === 'published' || canSeeUnpublishedOf(caller, dataset.organizationId);
}
