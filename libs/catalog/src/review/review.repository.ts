import { Injectable } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import { SqlRepository, Tx } from '@opendata/database';
import { DATASET_COLUMNS, VERSION_COLUMNS, datasetFromRow, groupRows, versionFromRow } from '../catalog-rows';
import { DatasetEntity, OrganizationEntity, ResourceVersionEntity } from '../entities';
import { DatasetStatus } from '../metadata/vocabularies';
import { REVIEW_EVENT_COLUMNS, ReviewAction, ReviewEvent, reviewEventFromRow } from './review-events';
import { releasedVersionSql } from './visibility';
import { WorkflowSubject } from './workflow';

/** A version the next approval of its dataset would publish: the file, its resource, and who put it there. */
export interface PendingVersion {
  datasetId: string;
  resourceName: string;
  version: ResourceVersionEntity;
  /** Whoever last submitted it for review; null while it is with the editors. */
  submittedBy: string | null;
  /** The latest review event of the version: submit (under review), return, or null (never submitted). */
  lastAction: ReviewAction | null;
}

/** A file approved by a sign-off. */
export interface SignedFile {
  resourceId: string;
  resourceName: string;
  version: number;
  fileName: string;
  sha256: string;
  byteSize: number;
}

export interface NewReviewEvent {
  datasetId: string;
  versionId?: string | null;
  action: ReviewAction;
  comment?: string | null;
  sha256?: string | null;
}

/**
 * The unreleased versions of a dataset that its next approval would publish: the newest version of each live
 * resource, when it is not released. An older unreleased version that a newer upload superseded is never
 * published (its events stay in the history).
 */
function unreleasedSql(datasetCondition: string): string {
  return `SELECT ${VERSION_COLUMNS}, r.dataset_id, r.name AS resource_name, last.action AS last_action, last.actor_id AS last_actor
    FROM resources r JOIN resource_versions v ON v.resource_id = r.id
    LEFT JOIN LATERAL (SELECT e.action, e.actor_id FROM review_events e WHERE e.version_id = v.id ORDER BY e.id DESC LIMIT 1) last ON true
    WHERE ${datasetCondition} AND r.deleted_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM resource_versions n WHERE n.resource_id = v.resource_id AND n.version > v.version)
      AND NOT ${releasedVersionSql('v')}`;
}

/**
 * The statements of review before publication. ReviewService gets it injected, and the steps other services run
 * inside their own transactions (publication.ts) use the same statements.
 */
@Injectable()
export class ReviewRepository extends SqlRepository {
  /**
   * Locks a dataset's row for the rest of the transaction and reads its status and organization's setting.
   * FOR NO KEY UPDATE, not FOR UPDATE: an upload's transaction already holds the KEY SHARE lock its report's
   * foreign key took on this row, and two uploads upgrading that to FOR UPDATE deadlock each other. NO KEY
   * UPDATE still serialises the workflow steps of a dataset, and coexists with KEY SHARE.
   */
  async lockDataset(datasetId: string, tx: Tx): Promise<{ subject: WorkflowSubject; status: DatasetStatus; deleted: boolean } | null> {
    const [row] = await this.on(tx).query(
      `SELECT d.organization_id, d.status, d.deleted_at IS NOT NULL AS deleted, o.review_required
       FROM datasets d JOIN organizations o ON o.id = d.organization_id WHERE d.id = $1 FOR NO KEY UPDATE OF d`,
      [datasetId],
    );
    if (!row) return null;
    return {
      subject: { organizationId: row.organization_id, reviewRequired: row.review_required !== false },
      status: row.status as DatasetStatus,
      deleted: row.deleted,
    };
  }

  /** A dataset as stored; throws when there is none. */
  findDataset(datasetId: string, tx?: Tx): Promise<DatasetEntity> {
    return this.manager(tx).getRepository(DatasetEntity).findOneByOrFail({ id: datasetId });
  }

  async setReviewRequired(organizationId: string, required: boolean): Promise<void> {
    await this.manager().getRepository(OrganizationEntity).update({ id: organizationId }, { reviewRequired: required });
  }

  async setStatus(datasetId: string, status: DatasetStatus, tx?: Tx): Promise<void> {
    await this.on(tx).query(`UPDATE datasets SET status = $2, modified = now() WHERE id = $1`, [datasetId, status]);
  }

  /** Appends events, in the caller's transaction (the table refuses updates and deletes). */
  async record(caller: Caller, events: readonly NewReviewEvent[], tx?: Tx): Promise<void> {
    if (!events.length) return;
    await this.on(tx).query(
      `INSERT INTO review_events (dataset_id, version_id, action, actor_id, actor_name, comment, sha256)
       SELECT x.dataset_id, x.version_id, x.action, $4, $5, x.comment, x.sha256
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $6::text[], $7::text[]) WITH ORDINALITY AS x(dataset_id, version_id, action, comment, sha256, n)
       ORDER BY x.n`,
      [
        events.map((e) => e.datasetId),
        events.map((e) => e.versionId ?? null),
        events.map((e) => e.action),
        caller.userId,
        caller.username ?? 'system',
        events.map((e) => e.comment ?? null),
        events.map((e) => e.sha256 ?? null),
      ],
    );
  }

  async unreleasedOf(datasetIds: readonly string[], tx?: Tx): Promise<Map<string, PendingVersion[]>> {
    const rows = await this.on(tx).query(`${unreleasedSql('r.dataset_id = ANY($1::uuid[])')} ORDER BY r.position, v.version`, [datasetIds]);
    return groupRows(rows, 'dataset_id', (r) => ({
      datasetId: r.dataset_id as string,
      resourceName: r.resource_name as string,
      version: versionFromRow(r),
      lastAction: (r.last_action as ReviewAction | null) ?? null,
      submittedBy: r.last_action === 'submit' ? ((r.last_actor as string | null) ?? null) : null,
    }));
  }

  /** Who asked for the current review of the record: the actor of its latest submission. */
  async lastRecordSubmitter(datasetId: string, tx?: Tx): Promise<string | null> {
    const [row] = await this.on(tx).query(
      `SELECT actor_id FROM review_events WHERE dataset_id = $1 AND version_id IS NULL AND action = 'submit' ORDER BY id DESC LIMIT 1`,
      [datasetId],
    );
    return row?.actor_id ?? null;
  }

  async history(datasetIds: readonly string[], tx?: Tx): Promise<Map<string, ReviewEvent[]>> {
    const rows = await this.on(tx).query(
      `SELECT ${REVIEW_EVENT_COLUMNS} FROM review_events e WHERE e.dataset_id = ANY($1::uuid[]) ORDER BY e.id`,
      [datasetIds],
    );
    return groupRows(rows, 'dataset_id', reviewEventFromRow);
  }

  /** The latest sign-off (approval or direct publication) of each dataset. */
  async datasetSignOffs(datasetIds: readonly string[], tx?: Tx): Promise<ReviewEvent[]> {
    const rows = await this.on(tx).query(
      `SELECT DISTINCT ON (e.dataset_id) ${REVIEW_EVENT_COLUMNS} FROM review_events e
       WHERE e.dataset_id = ANY($1::uuid[]) AND e.version_id IS NULL AND e.action IN ('approve', 'publish')
       ORDER BY e.dataset_id, e.id DESC`,
      [datasetIds],
    );
    return rows.map(reviewEventFromRow);
  }

  /** The release (sign-off) of each version. */
  async versionSignOffs(versionIds: readonly string[], tx?: Tx): Promise<ReviewEvent[]> {
    const rows = await this.on(tx).query(
      `SELECT ${REVIEW_EVENT_COLUMNS} FROM review_events e WHERE e.version_id = ANY($1::uuid[]) AND e.action IN ('approve', 'publish')`,
      [versionIds],
    );
    return rows.map(reviewEventFromRow);
  }

  /**
   * The files each sign-off approved: the version releases recorded in the same transaction (events written
   * before transactions were recorded fall back to the transaction's timestamp, which they share).
   */
  async signedFiles(signOffIds: readonly string[], tx?: Tx): Promise<Map<string, SignedFile[]>> {
    const rows = await this.on(tx).query(
      `SELECT s.id::text AS sign_off_id, v.resource_id, r.name AS resource_name, v.version, v.file_name, v.sha256,
              v.byte_size::float8 AS byte_size
       FROM review_events s
       JOIN review_events e ON e.dataset_id = s.dataset_id AND e.version_id IS NOT NULL AND e.action IN ('approve', 'publish')
         AND (e.txid = s.txid OR (s.txid IS NULL AND e.txid IS NULL AND e.created_at = s.created_at))
       JOIN resource_versions v ON v.id = e.version_id JOIN resources r ON r.id = v.resource_id
       WHERE s.id = ANY($1::bigint[])
       ORDER BY r.position, v.version`,
      [signOffIds],
    );
    return groupRows(rows, 'sign_off_id', (r) => ({
      resourceId: r.resource_id as string,
      resourceName: r.resource_name as string,
      version: r.version as number,
      fileName: r.file_name as string,
      sha256: r.sha256 as string,
      byteSize: r.byte_size as number,
    }));
  }

  /** Resource and number of every version of a dataset, by version id (to label its review history). */
  async versionKeysOf(datasetId: string, tx?: Tx): Promise<Map<string, { resourceId: string; version: number }>> {
    const rows: Array<{ id: string; resource_id: string; version: number }> = await this.on(tx).query(
      `SELECT v.id, v.resource_id, v.version FROM resource_versions v JOIN resources r ON r.id = v.resource_id WHERE r.dataset_id = $1`,
      [datasetId],
    );
    return new Map(rows.map((r) => [r.id, { resourceId: r.resource_id, version: r.version }]));
  }

  /**
   * Datasets under review in the given organizations (all of them when `everywhere`): submitted ones, and
   * published ones whose update awaits review; oldest first.
   */
  async queue(everywhere: boolean, organizationIds: readonly string[], tx?: Tx): Promise<DatasetEntity[]> {
    const rows = await this.on(tx).query(
      `SELECT ${DATASET_COLUMNS} FROM datasets d
       WHERE d.deleted_at IS NULL AND ($1 OR d.organization_id = ANY($2::uuid[]))
         AND (d.status = 'submitted' OR (d.status = 'published' AND EXISTS (
           SELECT 1 FROM (${unreleasedSql('r.dataset_id = d.id')}) u WHERE u.last_action = 'submit')))
       ORDER BY d.modified, d.id LIMIT 500`,
      [everywhere, organizationIds],
    );
    return rows.map(datasetFromRow);
  }
}
