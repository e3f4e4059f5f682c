import { PendingVersion, ReviewEvent, SignOffRecord } from '@opendata/catalog';
import { PendingVersionModel, ReviewActionEnum, ReviewEventModel, SignOffModel } from './review.models';

export function toSignOffModel({ event, files }: SignOffRecord): SignOffModel {
  return {
    approvedBy: event.actorName,
    approvedAt: event.createdAt,
    sha256: event.sha256 ?? '',
    reviewed: event.action === 'approve',
    comment: event.comment,
    files,
  };
}

export function toReviewEventModel(event: ReviewEvent, versions: Map<string, { resourceId: string; version: number }>): ReviewEventModel {
  const version = event.versionId ? versions.get(event.versionId) : undefined;
  return {
    action: event.action as ReviewActionEnum,
    actor: event.actorName,
    at: event.createdAt,
    comment: event.comment,
    sha256: event.sha256,
    resourceId: version?.resourceId ?? null,
    version: version?.version ?? null,
  };
}

export function toPendingVersionModel(p: PendingVersion): PendingVersionModel {
  return {
    resourceId: p.version.resourceId,
    resourceName: p.resourceName,
    version: p.version.version,
    fileName: p.version.fileName,
    sha256: p.version.sha256,
    underReview: p.lastAction === 'submit',
    byteSize: p.version.byteSize,
    rowCount: p.version.rowCount,
    schemaId: p.version.schemaId,
    uploadedAt: p.version.createdAt,
    report: null,
    reportId: p.version.reportId,
  };
}
