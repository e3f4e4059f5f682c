import { AuditEntry, AuditFilter, PendingVersion, ReviewEvent, SignOffRecord, encodeAuditCursor } from '@opendata/catalog';
import { badInput, fieldError, isEntityId } from '@opendata/common';
import { AuditLogFilterInput } from './review.inputs';
import { AuditEntryModel, AuditLogConnectionModel, PendingVersionModel, ReviewActionEnum, ReviewEventModel, SignOffModel } from './review.models';

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

const OPERATIONS = ['INSERT', 'UPDATE', 'DELETE'];

export function toAuditFilter(input: AuditLogFilterInput | null | undefined): AuditFilter {
  if (!input) return {};
  const operations = input.operation?.map((o) => o.toUpperCase());
  if (operations?.some((o) => !OPERATIONS.includes(o))) throw badInput([fieldError('filter.operation', 'audit.operations', { operations: OPERATIONS.join(', ') })]);
  if (input.actorId && !isEntityId(input.actorId)) throw badInput([fieldError('filter.actorId', 'input.notUserId')]);
  return {
    tables: input.table,
    rowKey: input.rowKey,
    actorId: input.actorId,
    actorName: input.actor,
    operations: operations as Array<AuditEntry['operation']> | undefined,
    from: input.from,
    to: input.to,
  };
}

/** Query parameters of GET /api/v1/audit.ndjson, with the same meaning as the GraphQL filter. */
export function auditFilterFromQuery(query: Record<string, unknown>): AuditFilter {
  const one = (key: string) => (typeof query[key] === 'string' ? (query[key] as string) : null);
  const list = (key: string) => one(key)?.split(',').filter(Boolean) ?? null;
  const date = (key: string) => {
    const value = one(key);
    if (value === null) return null;
    const parsed = new Date(value);
    if (Number.isNaN(parsed.getTime())) throw badInput([fieldError(key, 'input.notDateTime')]);
    return parsed;
  };
  return toAuditFilter({ table: list('table'), rowKey: one('rowKey'), actorId: one('actorId'), actor: one('actor'), operation: list('operation'), from: date('from'), to: date('to') });
}

export function toAuditEntryModel(e: AuditEntry): AuditEntryModel {
  return {
    id: e.id,
    at: e.at,
    actorId: e.actorId,
    actor: e.actorName,
    table: e.tableName,
    rowKey: e.rowKey,
    operation: e.operation,
    changed: e.changed,
    hashBefore: e.hashBefore,
    hashAfter: e.hashAfter,
    transactionId: e.transactionId,
  };
}

export function toAuditLogConnection(page: { entries: AuditEntry[]; hasNextPage: boolean }): AuditLogConnectionModel {
  const edges = page.entries.map((e) => ({ cursor: encodeAuditCursor(e.id), node: toAuditEntryModel(e) }));
  return { edges, hasNextPage: page.hasNextPage, endCursor: edges[edges.length - 1]?.cursor ?? null };
}
