import { Injectable } from '@nestjs/common';
import { Caller, isAnonymous, requireDatasetWriter } from '@opendata/auth';
import { AppError, FieldError, badInput, isEntityId, notFound } from '@opendata/common';
import { createHash } from 'node:crypto';
import { DataRequest, DataRequestRepository, DataRequestStatus } from './data-request.repository';

export { DATA_REQUEST_STATUSES, type DataRequest, type DataRequestStatus } from './data-request.repository';

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

/**
 * 依申请公开: anyone may ask an organization for data (anonymous requesters leave a contact); the organization
 * accepts with a link, declines with a reason, or redirects to the organization that holds the data (a new
 * pending request there). Status and response times are public; requesters' details are not.
 */
@Injectable()
export class DataRequestService {
  constructor(private readonly requests: DataRequestRepository) {}

  async submit(caller: Caller, input: DataRequestInput, origin: { ip: string | null }): Promise<DataRequest> {
    const organizationId = await this.organizationId(input.organization, 'organization');
    const problems: FieldError[] = [];
    const title = input.title?.trim() ?? '';
    const description = input.description?.trim() ?? '';
    if (title.length < 2 || title.length > 200) problems.push({ path: 'title', message: 'must be 2-200 characters' });
    if (description.length < 2 || description.length > 5000) problems.push({ path: 'description', message: 'must be 2-5000 characters' });
    const contact = input.contact?.trim() || null;
    if (isAnonymous(caller) && !contact) problems.push({ path: 'contact', message: 'leave an e-mail address or telephone number so that the answer can reach you' });
    if (contact && (contact.length > 200 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$|^[+\d][\d\s-]{5,}$/.test(contact))) problems.push({ path: 'contact', message: 'must be an e-mail address or a telephone number' });
    if (input.datasetId && !isEntityId(input.datasetId)) problems.push({ path: 'datasetId', message: 'is not a dataset id' });
    if (problems.length) throw badInput(problems);
    const requesterKey = caller.userId ? `user:${caller.userId}` : `ip:${createHash('sha256').update(origin.ip ?? 'unknown').digest('hex')}`;
    if ((await this.requests.countFiledInLastDay(requesterKey)) >= DATA_REQUESTS_PER_DAY) {
      throw new AppError('RATE_LIMITED', `At most ${DATA_REQUESTS_PER_DAY} data requests a day may be filed; try again tomorrow`, { retryAfterSeconds: 3600 });
    }
    const request = {
      organizationId,
      datasetId: input.datasetId ?? null,
      title,
      description,
      requesterName: input.requesterName?.trim() || null,
      requesterContact: contact,
      requesterUserId: caller.userId,
      requesterKey,
    };
    return this.requests.transaction(caller, (tx) => this.requests.insert(request, tx));
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
    const target = answer.action === 'redirect' ? await this.organizationId(answer.redirectTo!, 'redirectTo') : null;
    if (target === request.organizationId) throw badInput([{ path: 'redirectTo', message: 'must be another organization' }]);
    const status = answer.action === 'accept' ? 'accepted' : answer.action === 'decline' ? 'declined' : 'redirected';
    return this.requests.transaction(caller, async (tx) => {
      const answered = await this.requests.answer(id, { status, response, link, redirectedTo: target, respondedBy: caller.userId }, tx);
      if (!answered) throw new AppError('CONFLICT', 'This request has just been answered by someone else');
      if (target) await this.requests.copyTo(id, target, tx);
      return answered;
    });
  }

  async get(id: string): Promise<DataRequest> {
    const request = isEntityId(id) ? await this.requests.findById(id) : null;
    if (!request) throw notFound('Data request', id);
    return request;
  }

  /** Requests, newest first; public (the requester's details are never included). */
  async list(filter: { organization?: string | null; status?: DataRequestStatus | null }, limit: number): Promise<DataRequest[]> {
    const organizationId = filter.organization ? await this.organizationId(filter.organization, 'organization') : null;
    return this.requests.list({ organizationId, status: filter.status ?? null }, limit);
  }

  /** The requester's contact, for the organization that must answer. */
  async contactOf(caller: Caller, id: string): Promise<{ name: string | null; contact: string | null }> {
    const request = await this.get(id);
    requireDatasetWriter(caller, request.organizationId);
    return this.requests.requesterOf(id);
  }

  private async organizationId(slug: string, path: string): Promise<string> {
    const organizationId = typeof slug === 'string' ? await this.requests.organizationIdBySlug(slug) : null;
    if (!organizationId) throw badInput([{ path, message: 'is not an existing organization' }]);
    return organizationId;
  }
}
