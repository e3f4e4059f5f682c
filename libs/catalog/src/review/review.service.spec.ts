import { ANONYMOUS } from '@opendata/auth';
import { DatasetService } from '../dataset.service';
import { DatasetEntity, OrganizationEntity } from '../entities';
import { CatalogueChanges } from '../search/catalogue-changes';
import { ReviewEvent } from './review-events';
import { ReviewRepository } from './review.repository';
import { ReviewService } from './review.service';
import { codeOf, fakeOrganizations, signedIn, sysadmin } from '../../../../test/support/unit-fakes';

// The workflow steps themselves run under a row lock in PostgreSQL (review e2e specs); these are the rules
// ReviewService applies around them.

const ORG = { id: 'org-env', slug: 'env-bureau', reviewRequired: true } as OrganizationEntity;
const EVENT = { id: '1', datasetId: 'ds-air', action: 'submit' } as ReviewEvent;

class FakeReviews {
  readonly queues: Array<{ everywhere: boolean; organizationIds: readonly string[] }> = [];
  readonly settings: Array<[string, boolean]> = [];

  async queue(everywhere: boolean, organizationIds: readonly string[]): Promise<DatasetEntity[]> {
    this.queues.push({ everywhere, organizationIds });
    return [];
  }

  async history(ids: readonly string[]): Promise<Map<string, ReviewEvent[]>> {
    return new Map(ids.filter((id) => id === EVENT.datasetId).map((id) => [id, [EVENT]]));
  }

  async setReviewRequired(organizationId: string, required: boolean): Promise<void> {
    this.settings.push([organizationId, required]);
  }
}

describe('ReviewService', () => {
  let reviews: FakeReviews;
  let service: ReviewService;

  beforeEach(() => {
    reviews = new FakeReviews();
    service = new ReviewService(reviews as unknown as ReviewRepository, {} as DatasetService, fakeOrganizations(ORG), {} as CatalogueChanges);
  });

  it('queues for reviewers what awaits them in their organizations, and everything for system administrators', async () => {
    expect(await codeOf(service.queue(ANONYMOUS))).toBe('UNAUTHENTICATED');
    await expect(service.queue(signedIn('ed', { [ORG.id]: 'editor', 'org-b': 'admin' }))).resolves.toEqual([]);
    expect(reviews.queues).toEqual([]);
    await service.queue(signedIn('rev', { [ORG.id]: 'reviewer', 'org-b': 'editor', 'org-c': 'reviewer' }));
    await service.queue(sysadmin());
    expect(reviews.queues).toEqual([
      { everywhere: false, organizationIds: [ORG.id, 'org-c'] },
      { everywhere: true, organizationIds: [] },
    ]);
  });

  it("shows a dataset's review history to its organization's members only", async () => {
    const dataset = { id: 'ds-air', organizationId: ORG.id };
    await expect(service.history(ANONYMOUS, dataset)).resolves.toBeNull();
    await expect(service.history(signedIn('x', { 'org-b': 'admin' }), dataset)).resolves.toBeNull();
    await expect(service.history(signedIn('m', { [ORG.id]: 'member' }), dataset)).resolves.toEqual([EVENT]);
    await expect(service.history(sysadmin(), { id: 'ds-new', organizationId: ORG.id })).resolves.toEqual([]);
  });

  it('lets system administrators only turn review on or off', async () => {
    expect(await codeOf(service.setReviewRequired(signedIn('boss', { [ORG.id]: 'admin' }), ORG.slug, false))).toBe('FORBIDDEN');
    expect(await codeOf(service.setReviewRequired(sysadmin(), 'no-such', false))).toBe('NOT_FOUND');
    expect(reviews.settings).toEqual([]);
    await expect(service.setReviewRequired(sysadmin(), ORG.slug, false)).resolves.toMatchObject({ id: ORG.id, reviewRequired: false });
    expect(reviews.settings).toEqual([[ORG.id, false]]);
  });

  it('refuses workflow steps from anonymous callers and on ids that cannot exist, before touching the database', async () => {
    expect(await codeOf(service.submit(ANONYMOUS, '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b'))).toBe('UNAUTHENTICATED');
    expect(await codeOf(service.approve(sysadmin(), 'air'))).toBe('NOT_FOUND');
  });
});
