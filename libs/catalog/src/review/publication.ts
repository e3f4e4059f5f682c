import { Caller, canPublishDirectly, requireDirectPublisher } from '@opendata/auth';
import { AppError, badInput } from '@opendata/common';
import { EntityManager } from 'typeorm';
import { DatasetMetadata } from '../metadata/dataset-metadata';
import { DatasetStatus } from '../metadata/vocabularies';
import { metadataSha256, recordReviewEvent, ReviewAction } from './review-events';

/** The organization facts that decide whether a write needs review. */
export interface PublishingOrganization {
  id: string;
  reviewRequired: boolean;
}

/** What a dataset write does to its status, and which review event records it. */
export interface StatusPlan {
  status: DatasetStatus;
  event: ReviewAction | null;
}

/** The event that makes something public when no separate review happens. */
export function releaseAction(organization: PublishingOrganization): ReviewAction {
  return organization.reviewRequired ? 'approve' : 'publish';
}

/**
 * Status changes through createDataset/updateDataset. Only publication may be asked for there, and only by
 * those who may publish directly; every other change goes through the review mutations. An edit of a
 * published dataset by someone who may not publish directly sends it back to review (it is no longer public
 * until approved), so that no metadata becomes public without a sign-off.
 */
export function planStatus(
  caller: Caller,
  organization: PublishingOrganization,
  current: DatasetStatus | null,
  requested: DatasetStatus | undefined,
): StatusPlan {
  const wanted = requested ?? current ?? 'draft';
  if (wanted !== (current ?? 'draft')) {
    if (wanted !== 'published') {
      throw badInput([{ path: 'status', message: 'change the status with submitDataset, approveDataset, returnDataset or withdrawDataset' }]);
    }
    requireDirectPublisher(caller, organization.id, organization.reviewRequired);
    return { status: 'published', event: releaseAction(organization) };
  }
  const direct = canPublishDirectly(caller, organization.id, organization.reviewRequired);
  if (current === 'published') return direct ? { status: 'published', event: releaseAction(organization) } : { status: 'submitted', event: 'submit' };
  if (current === 'submitted' && !direct) {
    throw new AppError('CONFLICT', '该数据集正在审查中，不能修改；请审查员退回后再修改 (the dataset is under review: ask a reviewer to return it first)');
  }
  return { status: wanted, event: null };
}

/** Records the review event of a dataset write, in its transaction. */
export async function recordStatusEvent(manager: EntityManager, caller: Caller, datasetId: string, plan: StatusPlan, record: DatasetMetadata): Promise<void> {
  if (!plan.event) return;
  await recordReviewEvent(manager, caller, {
    datasetId,
    action: plan.event,
    sha256: metadataSha256(metadataForHash(record)),
    comment: plan.event === 'submit' ? '已发布数据集的元数据修改，待审查 (edit of a published dataset)' : null,
  });
}

/** What a metadata sign-off covers: the record without its status (which the sign-off itself changes). */
export function metadataForHash(record: DatasetMetadata): Omit<DatasetMetadata, 'status'> {
  const { status: _status, ...rest } = record;
  // Themes are a set (stored without order); tags keep their order.
  return { ...rest, themes: [...(rest.themes ?? [])].sort() };
}

/** Whether a new version is released at once, and the event that records it. */
export async function recordNewVersion(
  manager: EntityManager,
  caller: Caller,
  version: { datasetId: string; organizationId: string; versionId: string; sha256: string },
): Promise<boolean> {
  const [organization] = await manager.query(`SELECT review_required FROM organizations WHERE id = $1`, [version.organizationId]);
  const org = { id: version.organizationId, reviewRequired: organization?.review_required !== false };
  const direct = canPublishDirectly(caller, org.id, org.reviewRequired);
  await recordReviewEvent(manager, caller, {
    datasetId: version.datasetId,
    versionId: version.versionId,
    action: direct ? releaseAction(org) : 'submit',
    sha256: version.sha256,
  });
  return direct;
}
