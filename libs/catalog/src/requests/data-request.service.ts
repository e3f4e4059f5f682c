import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller, isAnonymous, requireDatasetWriter } from '@opendata/auth';
import { AppError, FieldError, badInput, notFound } from '@opendata/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OrganizationEntity } from '../entities';
import { writeAs } from '../negative-list/actor';

export const DATA_REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'redirected'] as const;
export type DataRequestStatus = (typeof DATA_REQUEST_STATUSES)[number];

/** Requests one requester (account, or address when anonymous) may file per day: enough for people, not for scripts. */
export const DATA_REQUESTS_PER_DAY = 10;

export interface DataRequestInput {
  organization: string;
  datasetId?: string | null;
  title: string;
  description: string;
  requesterName?: string | null;
  /** E-mail or telephone; required from anonymous requesters, never shown publicly. */
  contact?: string | null;
}

export interface DataRequestResponse {
  action: 'accept' | 'decline' | 'redirect';
  /** The reason (required to decline), or a note. */
  response?: string | null;
  /** Where the requested data is (or will be) published; required to accept. */
  link?: string | null;
  /** Organization slug to redirect to. */
  redirectTo?: string | null;
}

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

const PUBLIC_COLUMNS = `id, organization_id, dataset_id, title, description, status, response, response_link, redirected_to, created_at, responded_at`;

/**
 * 依申请公开: anyone may ask an organization for data (anonymous requesters leave a contact); the organization
 * accepts with a link, declines with a reason, or redirects to the organization that holds the data (a new
 * pending request there). Status and response times are public; requesters' details are not.
 */
@Injectable()
export class DataRequestService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async submit(caller: Caller, input: DataRequestInput, origin: { ip: string | null }): Promise<DataRequest> {
    const organization = await this.organization(input.organization, 'organization');
    const problems: FieldError[] = [];
    const title = input.title?.trim() ?? '';
    const description = input.description?.trim() ?? '';
    if (title.length < 2 || title.length > 200) problems.push({ path: 'title', message: 'must be 2-200 characters' });
    if (description.length < 2 || description.length > 5000) problems.push({ path: 'description', message: 'must be 2-5000 characters' });
    const contact = input.contact?.trim() || null;
    if (isAnonymous(caller) && !contact) problems.push({ path: 'contact', message: 'leave an e-mail address or telephone number so that the answer can reach you' });
    if (contact && (contact.length > 200 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$|^[+\d][\d\s-]{5,}$/.test(contact))) problems.push({ path: 'contact', message: 'must be an e-mail address or a telephone number' });
    if (input.datasetId && !/^[0-9a-f-]{36}$/i.test(input.datasetId)) problems.push({ path: 'datasetId', message: 'is not a dataset id' });
    if (problems.length) throw badInput(problems);
    const requesterKey = caller.userId ? `user:${caller.userId}` : `ip:${createHash('sha256').update(origin.ip ?? 'unknown').digest('hex')}`;
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM data_requests WHERE requester_key = $1 AND created_at > now() - interval '1 day'`, [requesterKey]);
    if (n >= DATA_REQUESTS_PER_DAY) {
      throw new AppError('RATE_LIMITED', `At most ${DATA_REQUESTS_PER_DAY} data requests a day may be filed; try again tomorrow`, { retryAfterSeconds: 3600 });
    }
    const rows = await writeAs(this.db, caller, (manager) => manager.query(
      `INSERT INTO data_requests (organization_id, dataset_id, title, description, requester_name, requester_contact, requester_user_id, requester_key, status)
       SELECT $1, (SELECT id FROM datasets WHERE id = $2 AND organization_id = $1 AND deleted_at IS NULL), $3, $4, $5, $6, $7, $8, 'pending'
       RETURNING ${PUBLIC_COLUMNS}`,
      [organization.id, input.datasetId ?? null, title, description, input.requesterName?.trim() || null, contact, caller.userId, requesterKey],
    ));
    return requestFromRow(rows[0]);
  }

  async respond(caller: Caller, id: string, answer: DataRequestResponse): Promise<DataRequest> {
    const request = await this.get(id);
    requireDatasetWriter(caller, request.organizationId);
    if (request.status !== 'pending') throw new AppError('CONFLICT', `This request has already been answered (${request.status})`);
    const response = answer.response?.trim() || null;
    const link = answer.link?.trim() || null;
    const problems: FieldError[] = [];
    if (answer.action === 'accept' && !link) problems.push({ path: 'link', message: 'link to where the data is (or will be) published' });
    if (link && (!/^(https?:\/\/|\/)\S+$/.test(link) || link.length > 1000)) problems.push({ path: 'link', message: 'must be an http(s) URL or a path on this portal' });
    if (answer.action === 'decline' && !response) problems.push({ path: 'response', message: 'give the reason for declining' });
    if (response && response.length > 5000) problems.push({ path: 'response', message: 'must be at most 5000 characters' });
    if (answer.action === 'redirect' && !answer.redirectTo) problems.push({ path: 'redirectTo', message: 'name the organization that holds the data' });
    if (problems.length) throw badInput(problems);
    const target = answer.action === 'redirect' ? await this.organization(answer.redirectTo!, 'redirectTo') : null;
    if (target?.id === request.organizationId) throw badInput([{ path: 'redirectTo', message: 'must be another organization' }]);
    const status: DataRequestStatus = answer.action === 'accept' ? 'accepted' : answer.action === 'decline' ? 'declined' : 'redirected';
    return writeAs(this.db, caller, async (manager) => {
      const rows = await manager.query(
        `UPDATE data_requests SET status = $2, response = $3, response_link = $4, redirected_to = $5, responded_by = $6, responded_at = now()
         WHERE id = $1 AND status = 'pending' RETURNING ${PUBLIC_COLUMNS}`,
        [id, status, response, link, target?.id ?? null, caller.userId],
      );
      if (!rows[0]?.length) throw new AppError('CONFLICT', 'This request has just been answered by someone else');
      if (target) {
        await manager.query(
          `INSERT INTO data_requests (organization_id, title, description, requester_name, requester_contact, requester_user_id, requester_key, status, created_at)
           SELECT $2, title, description, requester_name, requester_contact, requester_user_id, requester_key, 'pending', now() FROM data_requests WHERE id = $1`,
          [id, target.id],
        );
      }
      return requestFromRow(rows[0][0]);
    });
  }

  async get(id: string): Promise<DataRequest> {
    const rows = /^[0-9a-f-]{36}$/i.test(id) ? await this.db.query(`SELECT ${PUBLIC_COLUMNS} FROM data_requests WHERE id = $1`, [id]) : [];
    if (!rows.length) throw notFound('Data request', id);
    return requestFromRow(rows[0]);
  }

  /** Requests, newest first; public (the requester's details are never included). */
  async list(filter: { organization?: string | null; status?: DataRequestStatus | null }, limit: number): Promise<DataRequest[]> {
    const organizationId = filter.organization ? (await this.organization(filter.organization, 'organization')).id : null;
    const rows = await this.db.query(
      `SELECT ${PUBLIC_COLUMNS} FROM data_requests WHERE ($1::uuid IS NULL OR organization_id = $1) AND ($2::text IS NULL OR status = $2)
       ORDER BY created_at DESC, id LIMIT $3`,
      [organizationId, filter.status ?? null, limit],
    );
    return rows.map(requestFromRow);
  }

  /** The requester's contact, for the organization that must answer. */
  async contactOf(caller: Caller, id: string): Promise<{ name: string | null; contact: string | null }> {
    const request = await this.get(id);
    requireDatasetWriter(caller, request.organizationId);
    const [row] = await this.db.query(`SELECT requester_name, requester_contact FROM data_requests WHERE id = $1`, [id]);
    return { name: row.requester_name, contact: row.requester_contact };
  }

  private async organization(slug: string, path: string): Promise<OrganizationEntity> {
    const organization = typeof slug === 'string' ? await this.db.getRepository(OrganizationEntity).findOneBy({ slug }) : null;
    if (!organization) throw badInput([{ path, message: 'is not an existing organization' }]);
    return organization;
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
