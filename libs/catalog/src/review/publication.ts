import { Injectable } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import { badInput, fieldError, notFound } from '@opendata/common';
import { Tx } from '@opendata/database';
import { DatasetMetadata } from '../metadata/dataset-metadata';
import { DatasetStatus } from '../metadata/vocabularies';
import { DeadlineRepository } from '../obligations/deadline.repository';
import { ReviewAction, metadataSha256 } from './review-events';
import { NewReviewEvent, PendingVersion, ReviewRepository } from './review.repository';
import { WorkflowAction, WorkflowState, WorkflowSubject, isPublicState, requireStep, statusOf, workflowFacts, workflowState } from './workflow';

/** A transition decided under the dataset's row lock, with what it acts on. */
export interface WorkflowStep {
  datasetId: string;
  action: WorkflowAction;
  from: WorkflowState;
  to: WorkflowState;
  /** Whether the caller took the step as someone who publishes without review. */
  direct: boolean;
  subject: WorkflowSubject;
  /** The versions the next approval would publish, as they were before the step. */
  unreleased: PendingVersion[];
}

/** The event that makes something public: a sign-off where review is required, a plain publication where not. */
export function releaseAction(subject: WorkflowSubject): ReviewAction {
  return subject.reviewRequired ? 'approve' : 'publish';
}

/** What a metadata sign-off covers: the record without its status (which the sign-off itself changes). */
export function metadataForHash(record: DatasetMetadata): Omit<DatasetMetadata, 'status'> {
  const { status: _status, ...rest } = record;
  // Themes are a set (stored without order); tags keep their order.
  return { ...rest, themes: [...(rest.themes ?? [])].sort() };
}

export function recordSha256(record: DatasetMetadata): string {
  return metadataSha256(metadataForHash(record));
}

export interface StepDetails {
  comment?: string | null;
  /** SHA-256 of the record as it stands after the step (a sign-off or submission of the record). */
  recordSha256?: string | null;
  /** A version the step adds (an upload). */
  newVersion?: { id: string; resourceId: string; sha256: string } | null;
}

/**
 * The steps of the review workflow, taken inside the transaction of the service whose write they belong to
 * (DatasetService, ResourceService, ReviewService): `decide` under the dataset's row lock, then `apply`.
 */
@Injectable()
export class WorkflowSteps {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly deadlines: DeadlineRepository,
  ) {}

  /**
   * Locks the dataset, places it in the workflow and asks the workflow table whether `caller` may take
   * `action`; throws the table's refusal. Every write that touches the workflow starts here, in its
   * transaction, so that two requests never act on the same state.
   */
  async decide(caller: Caller, datasetId: string, action: WorkflowAction, tx: Tx): Promise<WorkflowStep> {
    const found = await this.reviews.lockDataset(datasetId, tx);
    if (!found) throw notFound('dataset', datasetId);
    const unreleased = (await this.reviews.unreleasedOf([datasetId], tx)).get(datasetId) ?? [];
    const state = workflowState(workflowFacts(found.deleted, found.status, unreleased));
    const decision = requireStep(state, action, caller, found.subject);
    return { datasetId, action, from: decision.from, to: decision.to, direct: decision.by === 'publish', subject: found.subject, unreleased };
  }

  /**
   * Carries out a decided step: the dataset's status and the review events, then the stored deadlines (a
   * release or a changed 更新周期 moves them). The transaction holds the row lock taken by `decide`.
   * What each step records:
   * - into review (submitted, updatePending): a submission of the record (when it enters review) and of every
   *   unreleased version not already awaiting review; returned versions go back with it;
   * - approve, and a direct publication of a draft: a sign-off of the record and of every unreleased version;
   * - a publisher's upload: the file's release (with a restated sign-off of the record when it is public);
   * - a publisher's edit of a published dataset: a sign-off of the record;
   * - return: the record (if it was under review) and every version under review go back to the editors;
   * - withdraw: the reason.
   * Returns whether the step released the new version it adds.
   */
  async apply(caller: Caller, step: WorkflowStep, details: StepDetails, tx: Tx): Promise<boolean> {
    let recordHash = details.recordSha256 ?? null;
    if (!recordHash && step.direct && step.action === 'upload') {
      // The record is unchanged: its release restates the hash of its latest sign-off.
      recordHash = (await this.reviews.datasetSignOffs([step.datasetId], tx))[0]?.sha256 ?? null;
    }
    const events = eventsOf(step, { ...details, recordSha256: recordHash });
    if (step.to !== 'deleted' && statusOf(step.to) !== statusOf(step.from)) {
      await this.reviews.setStatus(step.datasetId, statusOf(step.to), tx);
    }
    await this.reviews.record(caller, events, tx);
    await this.deadlines.refresh([step.datasetId], tx);
    return events.some((e) => e.versionId === details.newVersion?.id && (e.action === 'approve' || e.action === 'publish'));
  }
}

function eventsOf(step: WorkflowStep, details: StepDetails): NewReviewEvent[] {
  const { datasetId, action, from, to } = step;
  const comment = details.comment ?? null;
  const added = details.newVersion ?? null;
  // A new upload supersedes the unreleased version of its resource, which is never published.
  const versions = step.unreleased
    .filter((p) => p.version.resourceId !== added?.resourceId)
    .map((p) => ({ id: p.version.id, sha256: p.version.sha256, awaiting: p.lastAction === 'submit' }));
  if (added) versions.push({ id: added.id, sha256: added.sha256, awaiting: false });
  const sha256 = details.recordSha256 ?? null;
  // A sign-off states the hash of what it approves; a release of files alone, with no record hash, has none.
  const record = (a: ReviewAction): NewReviewEvent[] =>
    (a === 'approve' || a === 'publish' || a === 'submit') && !sha256 ? [] : [{ datasetId, action: a, comment, sha256: a === 'return' || a === 'withdraw' ? null : sha256 }];
  const each = (a: ReviewAction, list: typeof versions): NewReviewEvent[] =>
    list.map((v) => ({ datasetId, versionId: v.id, action: a, comment, sha256: a === 'return' ? null : v.sha256 }));

  if (action === 'withdraw') return record('withdraw');
  if (action === 'return') return [...(from === 'submitted' ? record('return') : []), ...each('return', versions.filter((v) => v.awaiting))];
  if (to === 'submitted' || to === 'updatePending') {
    const recordEnters = to === 'submitted' && from !== 'submitted';
    return [...(recordEnters ? record('submit') : []), ...each('submit', versions.filter((v) => !v.awaiting))];
  }
  if (action === 'approve') return [...record('approve'), ...each('approve', versions)];
  const release = releaseAction(step.subject);
  if (action === 'publish' && (from === 'draft' || from === 'withdrawn')) return [...record(release), ...each(release, versions)];
  if (step.direct && action === 'upload' && added) {
    // Only a public record restates its sign-off; a draft's record is signed off when it is published.
    return [...(isPublicState(from) ? record(release) : []), ...each(release, [{ id: added.id, sha256: added.sha256, awaiting: false }])];
  }
  if (step.direct && (action === 'edit' || action === 'publish')) return record(release);
  return [];
}

/**
 * The workflow action of a createDataset/updateDataset: asking for PUBLISHED is a publication (on a published
 * dataset, an edit that keeps it public); other status changes belong to the workflow mutations.
 */
export function statusAction(current: DatasetStatus, requested: string | undefined): WorkflowAction {
  if (requested === 'published') return 'publish';
  if (requested === undefined || requested === current) return 'edit';
  throw badInput([fieldError('status', 'review.statusByMutation')]);
}
