import { Injectable } from '@nestjs/common';
import { Caller, canReviewFor, canSeeUnpublishedOf, requireSignedIn, requireSysadmin } from '@opendata/auth';
import { appError, badInput, fieldError, isEntityId, notFound, messageText } from '@opendata/common';
import { Tx } from '@opendata/database';
import { DatasetRepository } from '../dataset.repository';
import { DatasetService } from '../dataset.service';
import { DatasetEntity, OrganizationEntity } from '../entities';
import { OrganizationService } from '../organization.service';
import { DatasetStatus } from '../metadata/vocabularies';
import { StepDetails, WorkflowStep, WorkflowSteps, recordSha256 } from './publication';
import { ReviewEvent } from './review-events';
import { PendingVersion, ReviewRepository, SignedFile } from './review.repository';
import { WorkflowAction, WorkflowState, workflowFacts, workflowState } from './workflow';

/** A sign-off: the approval (or direct publication) event and the files it released. */
export interface SignOffRecord {
  event: ReviewEvent;
  files: SignedFile[];
}

/**
 * Review before publication (保密审查). Each mutation is one step of the workflow table (workflow.ts),
 * decided under the dataset's row lock; the step records what it did in the append-only review history.
 * Submitting sends the record and every unreleased file to review; approving publishes exactly those files,
 * which the reviewer names by their SHA-256; returning sends them back to the editors, who may resubmit
 * them as they are or upload corrected versions first.
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly repository: ReviewRepository,
    private readonly datasets: DatasetService,
    private readonly records: DatasetRepository,
    private readonly organizations: OrganizationService,
    private readonly steps: WorkflowSteps,
  ) {}

  submit(caller: Caller, datasetId: string, comment?: string | null): Promise<DatasetEntity> {
    return this.act(caller, datasetId, 'submit', async (step) => ({
      comment: clean(comment),
      recordSha256: step.to === 'submitted' ? await this.publishableHash(datasetId) : null,
    }));
  }

  /**
   * `checked` lists the SHA-256 of every file the reviewer examined. It is required when files await review,
   * and must be exactly the files the approval would publish: a file uploaded or superseded after they looked
   * would otherwise be signed off unseen.
   */
  approve(caller: Caller, datasetId: string, comment?: string | null, checked?: readonly string[] | null): Promise<DatasetEntity> {
    return this.act(caller, datasetId, 'approve', async (step, tx) => {
      const files = step.unreleased.map((p) => p.version.sha256);
      if (!checked && files.length) {
        throw badInput([fieldError('checkedSha256', 'review.listChecked')]);
      }
      if (checked && !sameSet(checked.map((s) => s.trim().toLowerCase()), files)) {
        throw appError('CONFLICT', 'review.filesChanged', {}, { pending: files });
      }
      await this.requireFourEyes(tx, caller, step);
      return { comment: clean(comment), recordSha256: await this.publishableHash(datasetId) };
    });
  }

  return(caller: Caller, datasetId: string, comment: string): Promise<DatasetEntity> {
    return this.act(caller, datasetId, 'return', async () => {
      const reason = clean(comment);
      if (!reason) throw badInput([fieldError('comment', 'review.sayWhatToChange')]);
      return { comment: reason };
    });
  }

  withdraw(caller: Caller, datasetId: string, reason: string): Promise<DatasetEntity> {
    return this.act(caller, datasetId, 'withdraw', async () => {
      const why = clean(reason);
      if (!why) throw badInput([fieldError('reason', 'review.withdrawReason')]);
      return { comment: why };
    });
  }

  /** Turns review before publication on or off for an organization (system administrators only). */
  async setReviewRequired(caller: Caller, organizationSlug: string, required: boolean): Promise<OrganizationEntity> {
    requireSysadmin(caller, 'forbidden.reviewSetting');
    const organization = await this.organizations.getBySlug(organizationSlug);
    await this.repository.setReviewRequired(organization.id, required);
    return { ...organization, reviewRequired: required };
  }

  /** The review history of a dataset, oldest first; for those who may see its unpublished state. */
  async history(caller: Caller, dataset: Pick<DatasetEntity, 'id' | 'organizationId'>): Promise<ReviewEvent[] | null> {
    if (!canSeeUnpublishedOf(caller, dataset.organizationId)) return null;
    return (await this.repository.history([dataset.id])).get(dataset.id) ?? [];
  }

  /** Where a live dataset stands in the workflow, from its unreleased versions (pendingVersionsOf; read without locking). */
  stateOf(status: DatasetStatus, unreleased: readonly PendingVersion[]): WorkflowState {
    return workflowState(workflowFacts(false, status, unreleased));
  }

  /** The latest sign-off of each dataset (public information), with the files it approved. */
  async datasetSignOffs(datasetIds: readonly string[]): Promise<Map<string, SignOffRecord>> {
    const events = await this.repository.datasetSignOffs(datasetIds);
    const files = await this.repository.signedFiles(events.map((e) => e.id));
    return new Map(events.map((e) => [e.datasetId, { event: e, files: files.get(e.id) ?? [] }]));
  }

  /** The release of each version, with the files released with it. */
  async versionSignOffs(versionIds: readonly string[]): Promise<Map<string, SignOffRecord>> {
    const events = await this.repository.versionSignOffs(versionIds);
    const files = await this.repository.signedFiles(events.map((e) => e.id));
    return new Map(events.map((e) => [e.versionId as string, { event: e, files: files.get(e.id) ?? [] }]));
  }

  /** Resource and number of every version of a dataset, by version id (to label its review history). */
  versionKeysOf(datasetId: string): Promise<Map<string, { resourceId: string; version: number }>> {
    return this.repository.versionKeysOf(datasetId);
  }

  /**
   * The files the next approval of each dataset would publish: under review while the dataset is submitted or
   * its update awaits review, with the editors otherwise (returned, or not yet submitted).
   */
  pendingVersionsOf(datasetIds: readonly string[]): Promise<Map<string, PendingVersion[]>> {
    return this.repository.unreleasedOf(datasetIds);
  }

  /**
   * What awaits the caller's review: submitted datasets and published datasets whose update awaits review, in
   * the organizations where the caller is a reviewer (all of them for system administrators), oldest first.
   */
  async queue(caller: Caller): Promise<DatasetEntity[]> {
    requireSignedIn(caller);
    const organizations = [...caller.roles.keys()].filter((id) => canReviewFor(caller, id));
    if (!caller.isSysadmin && organizations.length === 0) return [];
    return this.repository.queue(caller.isSysadmin, organizations);
  }

  /** Four eyes: nobody approves a record they submitted, or files they submitted or uploaded. */
  private async requireFourEyes(tx: Tx, caller: Caller, step: WorkflowStep): Promise<void> {
    if (!caller.userId) return;
    const submitters = new Set<string | null>(step.unreleased.flatMap((p) => [p.submittedBy, p.version.createdBy]));
    if (step.from === 'submitted') submitters.add(await this.repository.lastRecordSubmitter(step.datasetId, tx));
    if (submitters.has(caller.userId)) throw appError('FORBIDDEN', 'review.ownSubmission');
  }

  /** The metadata hash of a dataset whose record must be complete enough to publish. */
  private async publishableHash(datasetId: string): Promise<string> {
    const dataset = await this.records.find(datasetId);
    const record = await this.datasets.recordOf(dataset);
    const problems = this.datasets.schemaProblems({ ...record, status: 'published' });
    if (problems.length) throw badInput(problems, messageText('review.recordIncomplete'));
    return recordSha256(record);
  }

  /**
   * One workflow step in one transaction, in the caller's name: decided by the table under the row lock,
   * checked and described by `prepare`, recorded; then the search document follows, and the catalogue is
   * marked changed (cached searches are dropped when it commits).
   */
  private async act(
    caller: Caller,
    datasetId: string,
    action: WorkflowAction,
    prepare: (step: WorkflowStep, tx: Tx) => Promise<StepDetails>,
  ): Promise<DatasetEntity> {
    requireSignedIn(caller);
    if (!isEntityId(datasetId)) throw notFound('dataset', datasetId);
    return this.records.withTransaction(caller, async (tx) => {
      const step = await this.steps.decide(caller, datasetId, action, tx);
      await this.steps.apply(caller, step, await prepare(step, tx), tx);
      await this.records.reindex(datasetId, tx);
      tx.catalogChanged();
      return this.records.find(datasetId, tx);
    });
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

