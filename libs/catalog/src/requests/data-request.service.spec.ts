import { ANONYMOUS } from '@opendata/auth';
import { createHash } from 'node:crypto';
import { DataRequest, DataRequestAnswer, DataRequestRepository, DataRequestStatus, NewDataRequest } from './data-request.repository';
import { DATA_REQUESTS_PER_DAY, DataRequestService } from './data-request.service';
import { OrganizationRepository } from '../organization.repository';
import { FAKE_TX, FakeTransactions, badFields, codeOf, signedIn } from '../../../../test/support/unit-fakes';

const ENV = 'org-env';
const HOUSING = 'org-housing';
const SLUGS: Record<string, string> = { 'env-bureau': ENV, 'housing-bureau': HOUSING };

type Stored = DataRequest & { requester: NewDataRequest };

/** The organizations DataRequestService looks up by slug. */
const organizations = {
  findBySlug: async (slug: string) => (SLUGS[slug] ? { id: SLUGS[slug] } : null),
} as unknown as OrganizationRepository;

/** Requests in memory, with the methods DataRequestService uses. */
class FakeRequests extends FakeTransactions {
  readonly requests: Stored[] = [];
  readonly copies: Array<{ id: string; organizationId: string; tx: unknown }> = [];
  readonly writes: unknown[] = [];
  /** Set to make the next answer find the request already answered by someone else. */
  answeredMeanwhile = false;

  async countFiledInLastDay(key: string): Promise<number> {
    return this.requests.filter((r) => r.requester.requesterKey === key).length;
  }

  async insert(request: NewDataRequest, tx?: unknown): Promise<DataRequest> {
    this.writes.push(tx);
    const id = `00000000-0000-4000-8000-${String(this.requests.length + 1).padStart(12, '0')}`;
    const stored: Stored = {
      id,
      organizationId: request.organizationId,
      datasetId: request.datasetId,
      title: request.title,
      description: request.description,
      status: 'pending',
      response: null,
      responseLink: null,
      redirectedTo: null,
      createdAt: new Date(),
      respondedAt: null,
      requester: request,
    };
    this.requests.push(stored);
    return stored;
  }

  async answer(id: string, answer: DataRequestAnswer, tx?: unknown): Promise<DataRequest | null> {
    this.writes.push(tx);
    const request = this.requests.find((r) => r.id === id)!;
    if (this.answeredMeanwhile) return null;
    Object.assign(request, { status: answer.status, response: answer.response, responseLink: answer.link, redirectedTo: answer.redirectedTo, respondedAt: new Date() });
    return request;
  }

  async copyTo(id: string, organizationId: string, tx?: unknown): Promise<void> {
    this.copies.push({ id, organizationId, tx });
  }

  async findById(id: string): Promise<DataRequest | null> {
    return this.requests.find((r) => r.id === id) ?? null;
  }

  async list(filter: { organizationId: string | null; status: DataRequestStatus | null }, limit: number): Promise<DataRequest[]> {
    return this.requests.filter((r) => (!filter.organizationId || r.organizationId === filter.organizationId) && (!filter.status || r.status === filter.status)).slice(0, limit);
  }

  async requesterOf(id: string): Promise<{ name: string | null; contact: string | null }> {
    const { requester } = this.requests.find((r) => r.id === id)!;
    return { name: requester.requesterName, contact: requester.requesterContact };
  }
}

describe('DataRequestService', () => {
  let repo: FakeRequests;
  let service: DataRequestService;
  const citizen = signedIn('citizen');
  const envEditor = signedIn('ed', { [ENV]: 'editor' });
  const ask = { organization: 'env-bureau', title: '空气质量历史数据', description: '希望公开2015年以来的逐日数据' };
  const here = { ip: '203.0.113.7' };

  beforeEach(() => {
    repo = new FakeRequests();
    service = new DataRequestService(repo as unknown as DataRequestRepository, organizations);
  });

  describe('submit', () => {
    it('files a pending request in a transaction naming the caller, with its texts trimmed', async () => {
      const filed = await service.submit(citizen, { ...ask, title: ` ${ask.title} `, requesterName: ' 张三 ' }, here);
      expect(filed).toMatchObject({ organizationId: ENV, status: 'pending', title: ask.title });
      expect(repo.actors).toEqual([citizen]);
      expect(repo.writes).toEqual([FAKE_TX]);
      expect(repo.requests[0].requester).toMatchObject({ requesterName: '张三', requesterUserId: 'citizen', requesterKey: 'user:citizen', requesterContact: null });
    });

    it('wants a contact from anonymous requesters, and counts them by a hash of their address', async () => {
      expect(await badFields(service.submit(ANONYMOUS, ask, here))).toEqual(['contact']);
      await service.submit(ANONYMOUS, { ...ask, contact: ' someone@example.cn ' }, here);
      const key = repo.requests[0].requester.requesterKey;
      expect(key).toBe(`ip:${createHash('sha256').update(here.ip).digest('hex')}`);
      expect(key).not.toContain(here.ip);
      expect(repo.requests[0].requester).toMatchObject({ requesterContact: 'someone@example.cn', requesterUserId: null });
    });

    it('names every invalid field and files nothing', async () => {
      expect(await badFields(service.submit(citizen, { ...ask, organization: 'no-such' }, here))).toEqual(['organization']);
      expect(await badFields(service.submit(citizen, { ...ask, title: 'x', description: ' ', contact: 'call me', datasetId: 'abc' }, here))).toEqual([
        'title',
        'description',
        'contact',
        'datasetId',
      ]);
      await service.submit(citizen, { ...ask, contact: '+86 734 1234567' }, here);
      expect(repo.requests).toHaveLength(1);
    });

    it(`accepts ${DATA_REQUESTS_PER_DAY} requests a day from one requester`, async () => {
      for (let i = 0; i < DATA_REQUESTS_PER_DAY; i++) await service.submit(citizen, ask, here);
      expect(await codeOf(service.submit(citizen, ask, here))).toBe('RATE_LIMITED');
      await expect(service.submit(signedIn('neighbour'), ask, here)).resolves.toMatchObject({ status: 'pending' });
      expect(repo.requests).toHaveLength(DATA_REQUESTS_PER_DAY + 1);
    });
  });

  describe('respond', () => {
    let id: string;
    beforeEach(async () => {
      id = (await service.submit(citizen, { ...ask, contact: 'citizen@example.cn' }, here)).id;
    });

    it("is for the addressed organization's editors and admins", async () => {
      const accept = { action: 'accept' as const, link: 'https://data.example.cn/air' };
      expect(await codeOf(service.respond(ANONYMOUS, id, accept))).toBe('UNAUTHENTICATED');
      expect(await codeOf(service.respond(signedIn('m', { [ENV]: 'member' }), id, accept))).toBe('FORBIDDEN');
      expect(await codeOf(service.respond(signedIn('h', { [HOUSING]: 'editor' }), id, accept))).toBe('FORBIDDEN');
      expect(repo.requests[0].status).toBe('pending');
      await expect(service.respond(envEditor, id, accept)).resolves.toMatchObject({ status: 'accepted', responseLink: accept.link });
      expect(repo.actors.at(-1)).toBe(envEditor);
    });

    it('wants a link to accept, a reason to decline, and another organization to redirect', async () => {
      expect(await badFields(service.respond(envEditor, id, { action: 'accept' }))).toEqual(['link']);
      expect(await badFields(service.respond(envEditor, id, { action: 'accept', link: 'ftp://x' }))).toEqual(['link']);
      expect(await badFields(service.respond(envEditor, id, { action: 'decline', response: '  ' }))).toEqual(['response']);
      expect(await badFields(service.respond(envEditor, id, { action: 'redirect' }))).toEqual(['redirectTo']);
      expect(await badFields(service.respond(envEditor, id, { action: 'redirect', redirectTo: 'no-such' }))).toEqual(['redirectTo']);
      expect(await badFields(service.respond(envEditor, id, { action: 'redirect', redirectTo: 'env-bureau' }))).toEqual(['redirectTo']);
      expect(repo.requests[0].status).toBe('pending');
      await expect(service.respond(envEditor, id, { action: 'accept', link: '/datasets/air' })).resolves.toMatchObject({ status: 'accepted' });
    });

    it('files a redirected request afresh with the other organization, in the same transaction', async () => {
      const answered = await service.respond(envEditor, id, { action: 'redirect', redirectTo: 'housing-bureau', response: '由住建局负责' });
      expect(answered).toMatchObject({ status: 'redirected', redirectedTo: HOUSING, response: '由住建局负责' });
      expect(repo.copies).toEqual([{ id, organizationId: HOUSING, tx: FAKE_TX }]);
    });

    it('answers a request once', async () => {
      await service.respond(envEditor, id, { action: 'decline', response: '不属于本单位职责' });
      expect(await codeOf(service.respond(envEditor, id, { action: 'accept', link: '/x' }))).toBe('CONFLICT');
      expect(repo.copies).toEqual([]);
    });

    it('refuses an answer when someone else answered first, and files no copy', async () => {
      repo.answeredMeanwhile = true;
      expect(await codeOf(service.respond(envEditor, id, { action: 'redirect', redirectTo: 'housing-bureau' }))).toBe('CONFLICT');
      expect(repo.copies).toEqual([]);
    });
  });

  it("shows the requester's contact to the organization's writers only", async () => {
    const { id } = await service.submit(ANONYMOUS, { ...ask, requesterName: '李四', contact: 'li@example.cn' }, here);
    expect(await codeOf(service.contactOf(citizen, id))).toBe('FORBIDDEN');
    await expect(service.contactOf(envEditor, id)).resolves.toEqual({ name: '李四', contact: 'li@example.cn' });
  });

  it('finds requests by id and lists them by organization and state', async () => {
    const { id } = await service.submit(citizen, ask, here);
    await service.submit(citizen, { ...ask, organization: 'housing-bureau' }, here);
    await expect(service.get(id)).resolves.toMatchObject({ id });
    expect(await codeOf(service.get('not-a-uuid'))).toBe('NOT_FOUND');
    expect(await codeOf(service.get(id.replace(/1$/, '9')))).toBe('NOT_FOUND');
    expect((await service.list({ organization: 'housing-bureau' }, 10)).map((r) => r.organizationId)).toEqual([HOUSING]);
    expect(await service.list({ status: 'accepted' }, 10)).toEqual([]);
    expect(await badFields(service.list({ organization: 'no-such' }, 10))).toEqual(['organization']);
  });
});

