import { ANONYMOUS } from '@opendata/auth';
import { OrganizationEntity } from '../entities';
import { UploadLimitRepository } from './upload-limit.repository';
import { UploadLimitService } from './upload-limit.service';
import { FAKE_TX, FakeTransactions, badFields, codeOf, fakeOrganizations, signedIn, sysadmin } from '../../../../test/support/unit-fakes';

const DATASET_ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const ORG = { id: 'org-env', slug: 'env-bureau' } as OrganizationEntity;

/** Limits in memory by organization id, with a dataset `air` (that id) of the one organization. */
class FakeLimits extends FakeTransactions {
  readonly limits = new Map<string, number | null>([[ORG.id, null]]);
  readonly lookups: unknown[] = [];
  readonly writes: unknown[] = [];

  async limitOfDataset(dataset: { id: string } | { slug: string }): Promise<number | null> {
    this.lookups.push(dataset);
    const known = 'id' in dataset ? dataset.id === DATASET_ID : dataset.slug === 'air';
    return known ? (this.limits.get(ORG.id) ?? null) : null;
  }

  async limitOf(organizationId: string): Promise<number | null> {
    return this.limits.get(organizationId) ?? null;
  }

  async setLimit(organizationId: string, maxBytes: number | null, tx?: unknown): Promise<void> {
    this.writes.push(tx);
    this.limits.set(organizationId, maxBytes);
  }
}

describe('UploadLimitService', () => {
  let repo: FakeLimits;
  let service: UploadLimitService;

  beforeEach(() => {
    repo = new FakeLimits();
    service = new UploadLimitService(repo as unknown as UploadLimitRepository, fakeOrganizations(ORG));
  });

  it('lets system administrators only set a limit, in a transaction naming them', async () => {
    expect(await codeOf(service.set(ANONYMOUS, ORG.slug, 1 << 20))).toBe('UNAUTHENTICATED');
    expect(await codeOf(service.set(signedIn('boss', { [ORG.id]: 'admin' }), ORG.slug, 1 << 20))).toBe('FORBIDDEN');
    expect(repo.limits.get(ORG.id)).toBeNull();
    const admin = sysadmin();
    await expect(service.set(admin, ORG.slug, 1 << 20)).resolves.toEqual({ organization: ORG, maxBytes: 1 << 20 });
    expect(repo.actors).toEqual([admin]);
    expect(repo.writes).toEqual([FAKE_TX]);
    await expect(service.get(ORG.slug)).resolves.toEqual({ organization: ORG, maxBytes: 1 << 20 });
  });

  it('takes whole numbers of bytes from 1024, or null to clear the limit', async () => {
    for (const bad of [1023, 0, -5, 2048.5, Number.MAX_SAFE_INTEGER + 1]) {
      expect(await badFields(service.set(sysadmin(), ORG.slug, bad))).toEqual(['maxBytes']);
    }
    expect(repo.writes).toEqual([]);
    await service.set(sysadmin(), ORG.slug, 1024);
    await service.set(sysadmin(), ORG.slug, null);
    expect(repo.limits.get(ORG.id)).toBeNull();
    expect(await codeOf(service.set(sysadmin(), 'no-such', 4096))).toBe('NOT_FOUND');
  });

  it("finds a dataset's limit by its id or its slug", async () => {
    repo.limits.set(ORG.id, 5000);
    await expect(service.limitForDataset(DATASET_ID)).resolves.toBe(5000);
    await expect(service.limitForDataset('air')).resolves.toBe(5000);
    await expect(service.limitForDataset('unknown')).resolves.toBeNull();
    expect(repo.lookups).toEqual([{ id: DATASET_ID }, { slug: 'air' }, { slug: 'unknown' }]);
  });
});
