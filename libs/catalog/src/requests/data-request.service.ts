import { Injectable } from '@nestjs/common';
import { Caller, isAnonymous, requireDatasetWriter } from '@opendata/auth';
import { FieldError, appError, badInput, fieldError, isEntityId, notFound } from '@opendata/common';
import { createHash } from 'node:crypto';
import { DataRequest, DataRequestRepository, DataRequestStatus } from './data-request.repository';
import { OrganizationRepository } from '../organization.repository';

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
  constructor(
    private readonly requests: DataRequestRepository,
    private readonly organizations: OrganizationRepository,
  ) {}

  async submit(caller: Caller, input: DataRequestInput, origin: { ip: string | null }): Promise<DataRequest> {
    const organizationId = await this.organizationId(input.organization, 'organization');
    const problems: FieldError[] = [];
    const title = input.title?.trim() ?? '';
    const description = input.description?.trim() ?? '';
    if (title.length < 2 || title.length > 200) problems.push(fieldError('title', 'input.lengthRange', { min: 2, max: 200 }));
    if (description.length < 2 || description.length > 5000) problems.push(fieldError('description', 'input.lengthRange', { min: 2, max: 5000 }));
    const contact = input.contact?.trim() || null;
    if (isAnonymous(caller) && !contact) problems.push(fieldError('contact', 'request.contactNeeded'));
    if (contact && (contact.length > 200 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$|^[+\d][\d\s-]{5,}$/.test(contact))) problems.push(fieldError('contact', 'request.badContact'));
    if (input.datasetId && !isEntityId(input.datasetId)) problems.push(fieldError('datasetId', 'request.notDatasetId'));
    if (problems.length) throw badInput(problems);
    const requesterKey = caller.userId ? `user:${caller.userId}` : `ip:${createHash('sha256').update(origin.ip ?? 'unknown').digest('hex')}`;
    if ((await this.requests.countFiledInLastDay(requesterKey)) >= DATA_REQUESTS_PER_DAY) {
      throw appError('RATE_LIMITED', 'request.dailyLimit', { max: DATA_REQUESTS_PER_DAY }, { retryAfterSeconds: 3600 });
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
    return this.requests.withTransaction(caller, (tx) => this.requests.insert(request, tx));
  }

  async respond(caller: Caller, id: string, answer: DataRequestResponse): Promise<DataRequest> {
    const request = await this.get(id);
    requireDatasetWriter(caller, request.organizationId);
    if (request.status !== 'pending') throw appError('CONFLICT', 'request.alreadyAnswered', { status: request.status });
    const response = answer.response?.trim() || null;
    const link = answer.link?.trim() || null;
    const problems: FieldError[] = [];
    if (answer.action === 'accept' && !link) problems.push(fieldError('link', 'request.linkNeeded'));
    if (link && (!/^(https?:\/\/|\/)\S+$/.test(link) || link.length > 1000)) problems.push(fieldError('link', 'request.badLink'));
    if (answer.action === 'decline' && !response) problems.push(fieldError('response', 'request.declineReason'));
    if (response && response.length > 5000) problems.push(fieldError('response', 'input.maxLength', { max: 5000 }));
    if (answer.action === 'redirect' && !answer.redirectTo) problems.push(fieldError('redirectTo', 'request.redirectTarget'));
    if (problems.length) throw badInput(problems);
    const target = answer.action === 'redirect' ? await this.organizationId(answer.redirectTo!, 'redirectTo') : null;
    if (target === request.organizationId) throw badInput([fieldError('redirectTo', 'organization.notOther')]);
    const status = answer.action === 'accept' ? 'accepted' : answer.action === 'decline' ? 'declined' : 'redirected';
    return this.requests.withTransaction(caller, async (tx) => {
      const answered = await this.requests.answer(id, { status, response, link, redirectedTo: target, respondedBy: caller.userId }, tx);
      if (!answered) throw appError('CONFLICT', 'request.justAnswered');
      if (target) await this.requests.copyTo(id, target, tx);
      return answered;
    });
  }

  async get(id: string): Promise<DataRequest> {
    const request = isEntityId(id) ? await this.requests.findById(id) : null;
    if (!request) throw notFound('dataRequest', id);
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
    const organizationId = typeof slug === 'string' ? (await this.organizations.findBySlug(slug))?.id : null;
    if (!organizationId) throw badInput([fieldError(path, 'input.notOrganization')]);
    return organizationId;
  }
}
