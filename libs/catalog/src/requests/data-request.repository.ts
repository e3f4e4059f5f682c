import { Injectable } from '@nestjs/common';
import { SqlRepository, Tx } from '@opendata/database';

export const DATA_REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'redirected'] as const;
export type DataRequestStatus = (typeof DATA_REQUEST_STATUSES)[number];

/** What anyone may see of a request: never the requester's name or contact. */
export interface DataRequest {
  id: string;
  organizationId: string;
  datasetId: string | null;
  title: string;
  description: string;
  status: DataRequestStatus;
  response: string | null;
  responseLink: string | null;
  redirectedTo: string | null;
  createdAt: Date;
  respondedAt: Date | null;
}

export interface NewDataRequest {
  organizationId: string;
  /** Kept only when it names a live dataset of the organization. */
  datasetId: string | null;
  title: string;
  description: string;
  requesterName: string | null;
  requesterContact: string | null;
  requesterUserId: string | null;
  /** Who is asking, for the daily limit: the account, or a hash of the address. */
  requesterKey: string;
}

export interface DataRequestAnswer {
  status: Exclude<DataRequestStatus, 'pending'>;
  response: string | null;
  link: string | null;
  redirectedTo: string | null;
  respondedBy: string | null;
}

const PUBLIC_COLUMNS = `id, organization_id, dataset_id, title, description, status, response, response_link, redirected_to, created_at, responded_at`;

/** The statements on data requests (依申请公开). */
@Injectable()
export class DataRequestRepository extends SqlRepository {
  /** Requests filed under this requester key in the last 24 hours. */
  async countFiledInLastDay(requesterKey: string): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM data_requests WHERE requester_key = $1 AND created_at > now() - interval '1 day'`, [requesterKey]);
    return n;
  }

  /** Files a pending request. */
  async insert(request: NewDataRequest, tx?: Tx): Promise<DataRequest> {
    const rows = await this.on(tx).query(
      `INSERT INTO data_requests (organization_id, dataset_id, title, description, requester_name, requester_contact, requester_user_id, requester_key, status)
       SELECT $1, (SELECT id FROM datasets WHERE id = $2 AND organization_id = $1 AND deleted_at IS NULL), $3, $4, $5, $6, $7, $8, 'pending'
       RETURNING ${PUBLIC_COLUMNS}`,
      [
        request.organizationId,
        request.datasetId,
        request.title,
        request.description,
        request.requesterName,
        request.requesterContact,
        request.requesterUserId,
        request.requesterKey,
      ],
    );
    return requestFromRow(rows[0]);
  }

  /** Records the answer to a pending request; null when it is no longer pending. */
  async answer(id: string, answer: DataRequestAnswer, tx?: Tx): Promise<DataRequest | null> {
    // An UPDATE's result is [rows, affected count].
    const [rows] = await this.on(tx).query(
      `UPDATE data_requests SET status = $2, response = $3, response_link = $4, redirected_to = $5, responded_by = $6, responded_at = now()
       WHERE id = $1 AND status = 'pending' RETURNING ${PUBLIC_COLUMNS}`,
      [id, answer.status, answer.response, answer.link, answer.redirectedTo, answer.respondedBy],
    );
    return rows?.length ? requestFromRow(rows[0]) : null;
  }

  /** Files a copy of a request, pending and dated now, with another organization. */
  async copyTo(id: string, organizationId: string, tx?: Tx): Promise<void> {
    await this.on(tx).query(
      `INSERT INTO data_requests (organization_id, title, description, requester_name, requester_contact, requester_user_id, requester_key, status, created_at)
       SELECT $2, title, description, requester_name, requester_contact, requester_user_id, requester_key, 'pending', now() FROM data_requests WHERE id = $1`,
      [id, organizationId],
    );
  }

  async findById(id: string): Promise<DataRequest | null> {
    const rows = await this.db.query(`SELECT ${PUBLIC_COLUMNS} FROM data_requests WHERE id = $1`, [id]);
    return rows.length ? requestFromRow(rows[0]) : null;
  }

  /** Requests, newest first, optionally of one organization and in one state. */
  async list(filter: { organizationId: string | null; status: DataRequestStatus | null }, limit: number): Promise<DataRequest[]> {
    const rows = await this.db.query(
      `SELECT ${PUBLIC_COLUMNS} FROM data_requests WHERE ($1::uuid IS NULL OR organization_id = $1) AND ($2::text IS NULL OR status = $2)
       ORDER BY created_at DESC, id LIMIT $3`,
      [filter.organizationId, filter.status, limit],
    );
    return rows.map(requestFromRow);
  }

  /** The requester's name and contact as they left them. */
  async requesterOf(id: string): Promise<{ name: string | null; contact: string | null }> {
    const [row] = await this.db.query(`SELECT requester_name, requester_contact FROM data_requests WHERE id = $1`, [id]);
    return { name: row.requester_name, contact: row.requester_contact };
  }
}

function requestFromRow(row: Record<string, unknown>): DataRequest {
  return {
    id: row.id as string,
    organizationId: row.organization_id as string,
    datasetId: (row.dataset_id as string | null) ?? null,
    title: row.title as string,
    description: row.description as string,
    status: row.status as DataRequestStatus,
    response: (row.response as string | null) ?? null,
    responseLink: (row.response_link as string | null) ?? null,
    redirectedTo: (row.redirected_to as string | null) ?? null,
    createdAt: row.created_at as Date,
    respondedAt: (row.responded_at as Date | null) ?? null,
  };
}
