import { ANONYMOUS } from '@opendata/auth';
import { DatasetService } from '../dataset.service';
import { DatasetEntity, OrganizationEntity } from '../entities';
import { WorkflowSteps, recordSha256 } from './publication';
import { ReviewEvent } from './review-events';
import { ReviewRepository } from './review.repository';
import { ReviewService } from './review.service';
import {
  FakeCatalog,
  fakeDatasetRepository,
  fakeDeadlineRepository,
  fakeNegativeList,
  fakeOrganizationRepository,
  fakeReviewRepository,
  fakeThemeRepository,
} from '../../../../test/support/catalog-fakes';
import { badFields, codeOf, fakeOrganizations, rejection, signedIn, sysadmin } from '../../../../test/support/unit-fakes';

// The workflow's statements run under a row lock in PostgreSQL (review e2e specs); these are the rules
// ReviewService applies around them, with the workflow table deciding on fake repositories.

const ORG = { id: 'org-env', slug: 'env-bureau', reviewRequired: true } as OrganizationEntity;
const EVENT = { id: '1', datasetId: 'ds-air', action: 'submit' } as ReviewEvent;
const DRAFT = '0b6c9a52-1f0e-4c1e-9d6a-3f2b8e7c5a11';
const SHA = 'a'.repeat(64);
const PUBLISHABLE = { issued: '2018-01-01', contactName: '衡阳市环境保护局', contactPhone: '0734-8888888' };
const editor = signedIn('ed', { [ORG.id]: 'editor' });
const reviewer = signedIn('rev', { [ORG.id]: 'reviewer' });

describe('ReviewService', () => {
  let c: FakeCatalog;
  let queues: Array<{ everywhere: boolean; organizationIds: readonly string[] }>;
  let settings: Array<[string, boolean]>;
  let service: ReviewService;

  beforeEach(() => {
    c = new FakeCatalog([ORG]);
    queues = [];
    settings = [];
    const reviews = {
      ...fakeReviewRepository(c),
      queue: async (everywhere: boolean, organizationIds: readonly string[]): Promise<DatasetEntity[]> => {
        queues.push({ everywhere, organizationIds });
        return [];
      },
      history: async (ids: readonly string[]) => new Map(ids.filter((id) => id === EVENT.datasetId).map((id) => [id, [EVENT]])),
      setReviewRequired: async (organizationId: string, required: boolean) => {
        settings.push([organizationId, required]);
      },
    } as unknown as ReviewRepository;
    const steps = new WorkflowSteps(reviews, fakeDeadlineRepository(c));
    const records = fakeDatasetRepository(c);
    const datasets = new DatasetService(records, fakeOrganizationRepository(c), fakeThemeRepository(['GOV_ECOLOGY', 'ENVI']), steps, fakeNegativeList(c));
    service = new ReviewService(reviews, datasets, records, fakeOrganizations(ORG), steps);
  });

  /** A draft with one file uploaded by the editor, not yet submitted. */
  function draftWithFile(fields: Partial<DatasetEntity> = PUBLISHABLE): void {
    c.seed({ id: DRAFT, slug: 'air', organizationId: ORG.id, status: 'draft', ...fields }, ['GOV_ECOLOGY', 'ENVI'], ['空气']);
    c.versions.push({ id: 'v1', datasetId: DRAFT, resourceId: 'r1', resourceName: '小时数据', sha256: SHA, createdBy: 'ed' });
  }

  it('queues for reviewers what awaits them in their organizations, and everything for system administrators', async () => {
    expect(await codeOf(service.queue(ANONYMOUS))).toBe('UNAUTHENTICATED');
    await expect(service.queue(signedIn('ed', { [ORG.id]: 'editor', 'org-b': 'admin' }))).resolves.toEqual([]);
    expect(queues).toEqual([]);
    await service.queue(signedIn('rev', { [ORG.id]: 'reviewer', 'org-b': 'editor', 'org-c': 'reviewer' }));
    await service.queue(sysadmin());
    expect(queues).toEqual([
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
    expect(settings).toEqual([]);
    await expect(service.setReviewRequired(sysadmin(), ORG.slug, false)).resolves.toMatchObject({ id: ORG.id, reviewRequired: false });
    expect(settings).toEqual([[ORG.id, false]]);
  });

  it('refuses workflow steps from anonymous callers and on ids that cannot exist, before touching the database', async () => {
    expect(await codeOf(service.submit(ANONYMOUS, '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b'))).toBe('UNAUTHENTICATED');
    expect(await codeOf(service.approve(sysadmin(), 'air'))).toBe('NOT_FOUND');
    expect(c.transactions).toEqual([]);
  });

  it("submits a draft with its files in one transaction in the submitter's name, the record's hash with it", async () => {
    draftWithFile();
    const submitted = await service.submit(editor, DRAFT, '  请审查  ');
    expect(submitted.status).toBe('submitted');
    expect(c.eventsOf(DRAFT)).toEqual(['submit', 'submit v1']);
    const [record] = c.state.events;
    expect(record).toMatchObject({ actorId: 'ed', comment: '请审查', sha256: recordSha256(await serviceRecord()) });
    const [tx] = c.transactions;
    expect(tx).toMatchObject({ actor: editor, outcome: 'committed', changedCatalog: true });
    expect(c.committedWrites()).toEqual([`lock ${DRAFT}`, `status submitted ${DRAFT}`, `event submit ${DRAFT}`, `event submit ${DRAFT}`, `deadlines ${DRAFT}`, `reindex ${DRAFT}`]);
    expect(c.writes.every((w) => w.tx === tx)).toBe(true);
  });

  it('refuses to submit a record not complete enough to publish, and leaves it as it was', async () => {
    draftWithFile({});
    expect((await badFields(service.submit(editor, DRAFT))).sort()).toEqual(['contactPoint', 'issued']);
    expect(c.transactions[0]).toMatchObject({ outcome: 'rolled back', changedCatalog: false });
    expect(c.state.datasets.get(DRAFT)?.status).toBe('draft');
    expect(c.eventsOf(DRAFT)).toEqual([]);
  });

  it('approves only with four eyes, and exactly the files the reviewer names', async () => {
    draftWithFile();
    const root = sysadmin('root');
    await service.submit(root, DRAFT);
    expect(await codeOf(service.approve(editor, DRAFT, null, [SHA]))).toBe('FORBIDDEN');
    expect((await rejection(service.approve(root, DRAFT, null, [SHA]))).message).toContain('you cannot approve what you submitted yourself');
    expect(await badFields(service.approve(reviewer, DRAFT))).toEqual(['checkedSha256']);
    expect(await rejection(service.approve(reviewer, DRAFT, null, ['b'.repeat(64)]))).toMatchObject({ code: 'CONFLICT', details: { pending: [SHA] } });
    expect(c.transactions.slice(1).map((t) => t.outcome)).toEqual(['rolled back', 'rolled back', 'rolled back', 'rolled back']);
    expect(c.state.datasets.get(DRAFT)?.status).toBe('submitted');

    const approved = await service.approve(reviewer, DRAFT, '同意发布', [` ${SHA.toUpperCase()} `]);
    expect(approved.status).toBe('published');
    expect(c.eventsOf(DRAFT)).toEqual(['submit', 'submit v1', 'approve', 'approve v1']);
    expect(c.isReleased('v1')).toBe(true);
    expect(c.transactions.at(-1)).toMatchObject({ actor: reviewer, outcome: 'committed', changedCatalog: true });
  });

  it('returns to the editors and withdraws only with a reason', async () => {
    draftWithFile();
    await service.submit(editor, DRAFT);
    expect(await badFields(service.return(reviewer, DRAFT, '   '))).toEqual(['comment']);
    const returned = await service.return(reviewer, DRAFT, '缺少监测点位说明');
    expect(returned.status).toBe('draft');
    expect(c.eventsOf(DRAFT).slice(2)).toEqual(['return', 'return v1']);

    await service.submit(editor, DRAFT);
    await service.approve(reviewer, DRAFT, null, [SHA]);
    expect(await badFields(service.withdraw(editor, DRAFT, ''))).toEqual(['reason']);
    const withdrawn = await service.withdraw(reviewer, DRAFT, '数据有误，待更正');
    expect(withdrawn.status).toBe('withdrawn');
    expect(c.state.events.at(-1)).toMatchObject({ action: 'withdraw', comment: '数据有误，待更正', actorId: 'rev' });
  });

  async function serviceRecord() {
    const dataset = c.state.datasets.get(DRAFT) as DatasetEntity;
    return {
      slug: dataset.slug,
      title: dataset.title,
      description: dataset.description,
      organization: ORG.slug,
      themes: ['GOV_ECOLOGY', 'ENVI'],
      tags: ['空气'],
      license: dataset.license,
      openAttribute: dataset.openAttribute,
      shareAttribute: dataset.shareAttribute,
      updateFrequency: dataset.updateFrequency,
      issued: dataset.issued,
      contactPoint: { name: '衡阳市环境保护局', phone: '0734-8888888' },
      status: dataset.status,
    };
  }
});
