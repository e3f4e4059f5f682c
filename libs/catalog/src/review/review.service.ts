import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Caller,
  canReviewFor,
  canSeeUnpublishedOf,
  requireDatasetWriter,
  requireReviewer,
  requireSignedIn,
  requireSysadmin,
  requireWithdrawer,
} from '@opendata/auth';
import { AppError, badInput, notFound } from '@opendata/common';
import { DataSource, EntityManager } from 'typeorm';
import { DATASET_COLUMNS, VERSION_COLUMNS, datasetFromRow, groupRows, versionFromRow } from '../catalog-rows';
import { DatasetService } from '../dataset.service';
import { DatasetEntity, OrganizationEntity, ResourceVersionEntity } from '../entities';
import { DatasetStatus } from '../metadata/vocabularies';
import { CatalogueChanges } from '../search/catalogue-changes';
import { reindexDataset } from '../search/search-indexer';
import { metadataForHash } from './publication';
import { REVIEW_EVENT_COLUMNS, ReviewEvent, metadataSha256, recordReviewEvent, reviewEventFromRow } from './review-events';

/** A version awaiting review: the file, its resource, and who submitted it. */
export interface PendingVersion {
  datasetId: string;
  resourceName: string;
  version: ResourceVersionEntity;
  submittedBy: string | null;
}

const conflict = (message: string) => new AppError('CONFLICT', message);

/**
 * Review before publication (保密审查): editors submit a dataset (new versions of a published dataset are
 * submitted by their upload); a reviewer of the organization approves, which publishes it and records the
 * sign-off with the SHA-256 of what was approved, or returns it with comments. Withdrawal takes a published
 * dataset down with a reason. Every step is an event in the append-only review history.
 */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly datasets: DatasetService,
    private readonly changes: CatalogueChanges,
  ) {}

  async submit(caller: Caller, datasetId: string, comment?: string | null): Promise<DatasetEntity> {
    const dataset = await this.datasets.get(caller, { id: datasetId });
    requireDatasetWriter(caller, dataset.organizationId);
    const sha256 = await this.publishableHash(dataset);
    return this.transition(dataset.id, ['draft', 'withdrawn'], 'submitted', async (m) => {
      await recordReviewEvent(m, caller, { datasetId, action: 'submit', comment: clean(comment), sha256 });
    });
  }

  /**
   * `checked`, when given, lists the SHA-256 of every file the reviewer examined: a file uploaded after they
   * looked would otherwise be signed off unseen, so the approval is refused when the lists differ.
   */
  async approve(caller: Caller, datasetId: string, comment?: string | null, checked?: readonly string[] | null): Promise<DatasetEntity> {
    const dataset = await this.datasets.get(caller, { id: datasetId });
    requireReviewer(caller, dataset.organizationId);
    const pending = (await this.pendingVersionsOf([dataset.id])).get(dataset.id) ?? [];
    if (dataset.status !== 'submitted' && pending.length === 0) throw conflict('没有待审查的内容 (nothing of this dataset awaits review)');
    if (checked && !sameSet(checked.map((s) => s.toLowerCase()), pending.map((p) => p.version.sha256))) {
      throw conflict('待审查的文件已变化，请重新审查 (the files awaiting review are not the ones you checked)');
    }
    const submitters = new Set(pending.map((p) => p.submittedBy));
    if (dataset.status === 'submitted') submitters.add(await this.lastSubmitter(dataset.id));
    // Four eyes: a sign-off by the person who asked for it would be no review at all.
    if (caller.userId && submitters.has(caller.userId)) {
      throw new AppError('FORBIDDEN', '不能审查自己提交的内容 (you cannot approve what you submitted yourself)');
    }
    const sha256 = dataset.status === 'submitted' ? await this.publishableHash(dataset) : null;
    const from: DatasetStatus = dataset.status === 'submitted' ? 'submitted' : dataset.status;
    return this.transition(dataset.id, [from], dataset.status === 'submitted' ? 'published' : dataset.status, async (m) => {
      if (sha256) await recordReviewEvent(m, caller, { datasetId, action: 'approve', comment: clean(comment), sha256 });
      for (const p of pending) {
        await recordReviewEvent(m, caller, { datasetId, versionId: p.version.id, action: 'approve', comment: clean(comment), sha256: p.version.sha256 });
      }
    });
  }

  async return(caller: Caller, datasetId: string, comment: string): Promise<DatasetEntity> {
    const dataset = await this.datasets.get(caller, { id: datasetId });
    requireReviewer(caller, dataset.organizationId);
    const reason = clean(comment);
    if (!reason) throw badInput([{ path: 'comment', message: 'say what has to change (审查意见)' }]);
    const pending = (await this.pendingVersionsOf([dataset.id])).get(dataset.id) ?? [];
    if (dataset.status !== 'submitted' && pending.length === 0) throw conflict('没有待审查的内容 (nothing of this dataset awaits review)');
    const to: DatasetStatus = dataset.status === 'submitted' ? 'draft' : dataset.status;
    return this.transition(dataset.id, [dataset.status], to, async (m) => {
      if (dataset.status === 'submitted') await recordReviewEvent(m, caller, { datasetId, action: 'return', comment: reason });
      for (const p of pending) {
        await recordReviewEvent(m, caller, { datasetId, versionId: p.version.id, action: 'return', comment: reason });
      }
    });
  }

  async withdraw(caller: Caller, datasetId: string, reason: string): Promise<DatasetEntity> {
    const dataset = await this.datasets.get(caller, { id: datasetId });
    requireWithdrawer(caller, dataset.organizationId);
    const why = clean(reason);
    if (!why) throw badInput([{ path: 'reason', message: 'give the reason for withdrawal (撤回原因)' }]);
    return this.transition(dataset.id, ['published'], 'withdrawn', async (m) => {
      await recordReviewEvent(m, caller, { datasetId, action: 'withdraw', comment: why });
    });
  }

  /** Turns review before publication on or off for an organization (system administrators only). */
  async setReviewRequired(caller: Caller, organizationSlug: string, required: boolean): Promise<OrganizationEntity> {
    requireSysadmin(caller, 'change whether an organization requires review');
    const repo = this.db.getRepository(OrganizationEntity);
    const organization = await repo.findOneBy({ slug: organizationSlug });
    if (!organization) throw notFound('Organization', organizationSlug);
    await repo.update({ id: organization.id }, { reviewRequired: required });
    return { ...organization, reviewRequired: required };
  }

  /** The review history of a dataset, oldest first; for those who may see its unpublished state. */
  async history(caller: Caller, dataset: Pick<DatasetEntity, 'id' | 'organizationId'>): Promise<ReviewEvent[] | null> {
    if (!canSeeUnpublishedOf(caller, dataset.organizationId)) return null;
    return (await this.historyOf([dataset.id])).get(dataset.id) ?? [];
  }

  async historyOf(datasetIds: readonly string[]): Promise<Map<string, ReviewEvent[]>> {
    const rows = await this.db.query(
      `SELECT ${REVIEW_EVENT_COLUMNS} FROM review_events e WHERE e.dataset_id = ANY($1::uuid[]) ORDER BY e.id`,
      [datasetIds],
    );
    return groupRows(rows, 'dataset_id', reviewEventFromRow);
  }

  /** The sign-off of each dataset's current public metadata (public information). */
  async datasetSignOffs(datasetIds: readonly string[]): Promise<Map<string, ReviewEvent>> {
    const rows = await this.db.query(
      `SELECT DISTINCT ON (e.dataset_id) ${REVIEW_EVENT_COLUMNS} FROM review_events e
       WHERE e.dataset_id = ANY($1::uuid[]) AND e.version_id IS NULL AND e.action IN ('approve', 'publish')
       ORDER BY e.dataset_id, e.id DESC`,
      [datasetIds],
    );
    return new Map(rows.map((r: Record<string, unknown>) => [r.dataset_id as string, reviewEventFromRow(r)]));
  }

  /** The release (sign-off) of each version. */
  async versionSignOffs(versionIds: readonly string[]): Promise<Map<string, ReviewEvent>> {
    const rows = await this.db.query(
      `SELECT ${REVIEW_EVENT_COLUMNS} FROM review_events e
       WHERE e.version_id = ANY($1::uuid[]) AND e.action IN ('approve', 'publish')`,
      [versionIds],
    );
    return new Map(rows.map((r: Record<string, unknown>) => [r.version_id as string, reviewEventFromRow(r)]));
  }

  /** Resource and number of every version of a dataset, by version id (to label its review history). */
  async versionKeysOf(datasetId: string): Promise<Map<string, { resourceId: string; version: number }>> {
    const rows: Array<{ id: string; resource_id: string; version: number }> = await this.db.query(
      `SELECT v.id, v.resource_id, v.version FROM resource_versions v JOIN resources r ON r.id = v.resource_id WHERE r.dataset_id = $1`,
      [datasetId],
    );
    return new Map(rows.map((r) => [r.id, { resourceId: r.resource_id, version: r.version }]));
  }

  /** Versions whose latest review event is a submission: uploaded, not yet approved or returned. */
  async pendingVersionsOf(datasetIds: readonly string[]): Promise<Map<string, PendingVersion[]>> {
    const rows = await this.db.query(
      `SELECT ${VERSION_COLUMNS}, r.dataset_id, r.name AS resource_name, last.actor_id AS submitted_by
       FROM resource_versions v JOIN resources r ON r.id = v.resource_id
       CROSS JOIN LATERAL (SELECT e.action, e.actor_id FROM review_events e WHERE e.version_id = v.id ORDER BY e.id DESC LIMIT 1) last
       WHERE r.dataset_id = ANY($1::uuid[]) AND r.deleted_at IS NULL AND last.action = 'submit'
       ORDER BY r.position, v.version`,
      [datasetIds],
    );
    return groupRows(rows, 'dataset_id', (r) => ({
      datasetId: r.dataset_id as string,
      resourceName: r.resource_name as string,
      version: versionFromRow(r),
      submittedBy: (r.submitted_by as string | null) ?? null,
    }));
  }

  /**
   * What awaits the caller's review: submitted datasets and datasets with submitted versions, in the
   * organizations where the caller is a reviewer (all of them for system administrators), oldest first.
   */
  async queue(caller: Caller): Promise<DatasetEntity[]> {
    requireSignedIn(caller);
    const organizations = [...caller.roles.keys()].filter((id) => canReviewFor(caller, id));
    if (!caller.isSysadmin && organizations.length === 0) return [];
    const rows = await this.db.query(
      `SELECT ${DATASET_COLUMNS} FROM datasets d
       WHERE d.deleted_at IS NULL AND ($1 OR d.organization_id = ANY($2::uuid[]))
         AND (d.status = 'submitted' OR EXISTS (
           SELECT 1 FROM resources r JOIN resource_versions v ON v.resource_id = r.id
           CROSS JOIN LATERAL (SELECT e.action FROM review_events e WHERE e.version_id = v.id ORDER BY e.id DESC LIMIT 1) last
           WHERE r.dataset_id = d.id AND r.deleted_at IS NULL AND last.action = 'submit'))
       ORDER BY d.modified, d.id LIMIT 500`,
      [caller.isSysadmin, organizations],
    );
    return rows.map(datasetFromRow);
  }

  private async lastSubmitter(datasetId: string): Promise<string | null> {
    const [row] = await this.db.query(
      `SELECT actor_id FROM review_events WHERE dataset_id = $1 AND version_id IS NULL AND action = 'submit' ORDER BY id DESC LIMIT 1`,
      [datasetId],
    );
    return row?.actor_id ?? null;
  }

  /** The metadata hash of a dataset that must be complete enough to publish. */
  private async publishableHash(dataset: DatasetEntity): Promise<string> {
    const record = await this.datasets.recordOf(dataset);
    const problems = this.datasets.schemaProblems({ ...record, status: 'published' });
    if (problems.length) throw badInput(problems, 'The record is not complete enough to publish');
    return metadataSha256(metadataForHash(record));
  }

  /**
   * Changes a dataset's status under a row lock, refusing when another request changed it first, together with
   * its review events, its search document (released formats) and the search cache.
   */
  private async transition(
    datasetId: string,
    from: DatasetStatus[],
    to: DatasetStatus,
    events: (manager: EntityManager) => Promise<void>,
  ): Promise<DatasetEntity> {
    const result = await this.db.transaction(async (m) => {
      const [locked] = await m.query(`SELECT status FROM datasets WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, [datasetId]);
      if (!locked || !from.includes(locked.status)) {
        throw conflict(`数据集状态为 ${locked?.status ?? '已删除'}，不能进行此操作 (the dataset is ${locked?.status ?? 'deleted'})`);
      }
      if (to !== locked.status) await m.query(`UPDATE datasets SET status = $2, modified = now() WHERE id = $1`, [datasetId, to]);
      await events(m);
      await reindexDataset(m, datasetId);
      await this.changes.notify(m);
      return m.getRepository(DatasetEntity).findOneByOrFail({ id: datasetId });
    });
    this.changes.committed();
    return result;
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}

function clean(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}
