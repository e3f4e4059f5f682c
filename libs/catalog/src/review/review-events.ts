import { createHash } from 'node:crypto';

export const REVIEW_ACTIONS = ['submit', 'approve', 'publish', 'return', 'withdraw'] as const;
/**
 * submit: asked for review; approve: a reviewer's (or system administrator's) sign-off; publish: made public
 * without review where the organization does not require it; return: sent back with comments; withdraw: taken
 * down, with a reason.
 */
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export interface ReviewEvent {
  id: string;
  datasetId: string;
  versionId: string | null;
  action: ReviewAction;
  actorId: string | null;
  actorName: string;
  comment: string | null;
  sha256: string | null;
  createdAt: Date;
}

export const REVIEW_EVENT_COLUMNS = `e.id::text AS id, e.dataset_id, e.version_id, e.action, e.actor_id, e.actor_name, e.comment, e.sha256, e.created_at`;

export function reviewEventFromRow(r: Record<string, unknown>): ReviewEvent {
  return {
    id: r.id as string,
    datasetId: r.dataset_id as string,
    versionId: (r.version_id as string | null) ?? null,
    action: r.action as ReviewAction,
    actorId: (r.actor_id as string | null) ?? null,
    actorName: r.actor_name as string,
    comment: (r.comment as string | null) ?? null,
    sha256: (r.sha256 as string | null) ?? null,
    createdAt: r.created_at as Date,
  };
}

/**
 * SHA-256 of a dataset record in canonical form (keys sorted at every level, no whitespace), so that the same
 * metadata always gives the same hash and anyone can recompute it from the published record.
 */
export function metadataSha256(record: object): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      // Absent and null mean the same in a record: both are left out.
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value instanceof Date ? value.toISOString() : value);
}
