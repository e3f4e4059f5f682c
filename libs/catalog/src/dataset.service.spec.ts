import { ANONYMOUS } from '@opendata/auth';
import { DatasetService } from './dataset.service';
import { OrganizationEntity } from './entities';
import { WorkflowSteps, recordSha256 } from './review/publication';
import {
  FakeCatalog,
  STORED_DESCRIPTION,
  fakeDatasetRepository,
  fakeDeadlineRepository,
  fakeNegativeList,
  fakeOrganizationRepository,
  fakeReviewRepository,
  fakeThemeRepository,
} from '../../../test/support/catalog-fakes';
import { badFields, codeOf, rejection, signedIn, sysadmin } from '../../../test/support/unit-fakes';

// Records, permissions and the workflow's decisions on fake repositories; the statements themselves run on
// PostgreSQL in the catalogue and review e2e specs.

const ENV = { id: 'org-env', slug: 'env-bureau', reviewRequired: true } as OrganizationEntity;
const OPEN = { id: 'org-open', slug: 'open-bureau', reviewRequired: false } as OrganizationEntity;
const DRAFT = '0b6c9a52-1f0e-4c1e-9d6a-3f2b8e7c5a11';
const PUBLISHED = '7d3e1f20-5a4b-4c8d-8e9f-0a1b2c3d4e5f';
const RECORD = {
  slug: 'air-quality',
  title: ' 衡阳市空气质量小时数据 ',
  description: '各站点逐小时空气质量。',
  organization: ENV.slug,
  themes: ['GOV_ECOLOGY', 'ENVI'],
  tags: [' 空气质量 ', 'AQI', 'AQI', ''],
  issued: '2018-01-01',
  contactPoint: { name: '衡阳市环境保护局', email: 'open-data@env.example.org' },
};
/** What a published record needs besides the rest: an issue date and a contact point. */
const PUBLISHABLE = { issued: '2018-01-01', contactName: '衡阳市环境保护局', contactPhone: '0734-8888888' };
const editor = signedIn('ed', { [ENV.id]: 'editor' });
const member = signedIn('m', { [ENV.id]: 'member' });
const publisher = signedIn('boss', { [OPEN.id]: 'admin' });

describe('DatasetService', () => {
  let c: FakeCatalog;
  let service: DatasetService;

  beforeEach(() => {
    c = new FakeCatalog([ENV, OPEN]);
    const steps = new WorkflowSteps(fakeReviewRepository(c), fakeDeadlineRepository(c));
    service = new DatasetService(fakeDatasetRepository(c), fakeOrganizationRepository(c), fakeThemeRepository(['GOV_ECOLOGY', 'ENVI']), steps, fakeNegativeList(c));
  });

  it("refuses callers who may not write the organization's datasets, before any transaction", async () => {
    expect(await codeOf(service.create(ANONYMOUS, RECORD))).toBe('UNAUTHENTICATED');
    expect(await codeOf(service.create(member, RECORD))).toBe('FORBIDDEN');
    expect(await codeOf(service.create(editor, { ...RECORD, organization: OPEN.slug }))).toBe('FORBIDDEN');
    expect(await badFields(service.create(editor, { ...RECORD, organization: 'no-such-bureau' }))).toEqual(['organization']);
    expect(c.transactions).toEqual([]);
  });

  it('lists every problem of a record at once: the schema, the negative list, a slug in use', async () => {
    c.seed({ id: DRAFT, slug: 'air-quality', organizationId: ENV.id, status: 'draft' });
    c.negativeListProblems = [{ path: 'title', message: '含有不予公开的内容 (matches the negative list)' }];
    expect((await badFields(service.create(editor, { ...RECORD, themes: ['ENVI'] }))).sort()).toEqual(['slug', 'themes', 'title']);
    expect(c.transactions).toEqual([]);
    // A deleted dataset's slug is free again.
    c.negativeListProblems = [];
    c.seed({ id: DRAFT, slug: 'air-quality', organizationId: ENV.id, status: 'draft', deletedAt: new Date() });
    await expect(service.create(editor, RECORD)).resolves.toMatchObject({ slug: 'air-quality' });
  });

  it("creates an editor's dataset as a draft, in one transaction in the editor's name announced when it commits", async () => {
    const created = await service.create(editor, RECORD);
    expect(created).toMatchObject({ status: 'draft', title: '衡阳市空气质量小时数据', organizationId: ENV.id, createdBy: 'ed' });
    expect(c.state.tags.get(created.id)).toEqual(['空气质量', 'AQI']);
    const [tx] = c.transactions;
    expect(c.transactions).toHaveLength(1);
    expect(tx).toMatchObject({ actor: editor, outcome: 'committed', changedCatalog: true });
    expect(c.writes.every((w) => w.tx === tx)).toBe(true);
    const id = created.id;
    // The search document is rewritten last, from the record and the files as the step left them.
    expect(c.committedWrites()).toEqual([`insert ${id}`, `relations ${id}`, `lock ${id}`, `deadlines ${id}`, `reindex ${id}`]);
    // A draft's record is signed off when it is published, not before.
    expect(c.eventsOf(id)).toEqual([]);
  });

  it('publishes at once only where the caller may publish without review; a refused publication leaves nothing', async () => {
    const refused = await rejection(service.create(editor, { ...RECORD, status: 'published' }));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'REVIEW_REQUIRED' } });
    expect(c.transactions[0]).toMatchObject({ outcome: 'rolled back', changedCatalog: false });
    expect(c.state.datasets.size).toBe(0);
    expect(c.committedWrites()).toEqual([]);

    const created = await service.create(publisher, { ...RECORD, organization: OPEN.slug, status: 'published' });
    expect(created.status).toBe('published');
    expect(c.eventsOf(created.id)).toEqual(['publish']);
    const stored = await service.recordOf(created);
    expect(c.state.events[0]).toMatchObject({ actorId: 'boss', sha256: recordSha256(stored) });
  });

  it('turns a concurrent write of the same slug into a field error, rolling the transaction back', async () => {
    c.slugRace = true;
    expect(await badFields(service.create(editor, RECORD))).toEqual(['slug']);
    expect(c.transactions.map((t) => t.outcome)).toEqual(['rolled back']);
  });

  it('merges an update into the stored record and validates the whole record again', async () => {
    c.seed({ id: DRAFT, slug: 'draft', organizationId: ENV.id, status: 'draft', title: '旧标题', spatial: '珠晖区' }, ['GOV_ECOLOGY', 'ENVI'], ['水质']);
    const updated = await service.update(editor, DRAFT, { title: '新标题', spatial: null, tags: ['水质', '河流'] });
    expect(updated).toMatchObject({ title: '新标题', spatial: null, description: STORED_DESCRIPTION, status: 'draft' });
    expect(c.state.tags.get(DRAFT)).toEqual(['水质', '河流']);

    expect(await badFields(service.update(editor, DRAFT, { themes: ['ENVI'] }))).toEqual(['themes']);
    expect(c.transactions.at(-1)?.outcome).toBe('rolled back');
    expect(c.state.themes.get(DRAFT)).toEqual(['GOV_ECOLOGY', 'ENVI']);
    expect(await badFields(service.update(editor, DRAFT, { status: 'withdrawn' }))).toEqual(['status']);
    expect(c.transactions).toHaveLength(2);
  });

  it("sends an editor's edit of a published dataset back to review; a publisher's edit stays public, signed off", async () => {
    c.seed({ id: PUBLISHED, slug: 'published', organizationId: ENV.id, status: 'published', ...PUBLISHABLE }, ['GOV_ECOLOGY', 'ENVI']);
    const edited = await service.update(editor, PUBLISHED, { title: '修订' });
    expect(edited.status).toBe('submitted');
    expect(c.eventsOf(PUBLISHED)).toEqual(['submit']);
    expect(c.state.events[0].comment).toContain('edit of a published dataset');

    const OPEN_PUBLISHED = '3c2b1a09-8f7e-4d6c-9b5a-4e3f2a1b0c9d';
    c.seed({ id: OPEN_PUBLISHED, slug: 'open-published', organizationId: OPEN.id, status: 'published', ...PUBLISHABLE }, ['GOV_ECOLOGY', 'ENVI']);
    const kept = await service.update(publisher, OPEN_PUBLISHED, { title: '修订' });
    expect(kept.status).toBe('published');
    expect(c.eventsOf(OPEN_PUBLISHED)).toEqual(['publish']);
    expect(c.state.events.at(-1)?.sha256).toBe(recordSha256(await service.recordOf(kept)));
  });

  it("releases a draft's waiting files when a publisher publishes it, before its search document is rewritten", async () => {
    c.seed({ id: DRAFT, slug: 'draft', organizationId: OPEN.id, status: 'draft', ...PUBLISHABLE }, ['GOV_ECOLOGY', 'ENVI']);
    c.versions.push({ id: 'v1', datasetId: DRAFT, resourceId: 'r1', resourceName: '小时数据', sha256: 'a'.repeat(64), createdBy: 'ed' });
    const published = await service.update(publisher, DRAFT, { status: 'published' });
    expect(published.status).toBe('published');
    expect(c.isReleased('v1')).toBe(true);
    // The search document lists the formats of released files: it is rewritten once they are.
    const writes = c.committedWrites();
    expect(writes.filter((w) => w === `event publish ${DRAFT}`)).toHaveLength(2);
    expect(writes.at(-1)).toBe(`reindex ${DRAFT}`);
    expect(writes.filter((w) => w.startsWith('reindex'))).toHaveLength(1);
  });

  it('shows drafts to their organization only, and deletes only what the workflow allows', async () => {
    c.seed({ id: DRAFT, slug: 'draft', organizationId: ENV.id, status: 'draft' });
    c.seed({ id: PUBLISHED, slug: 'published', organizationId: ENV.id, status: 'published' });
    expect(await codeOf(service.get(signedIn('x', { [OPEN.id]: 'admin' }), { id: DRAFT }))).toBe('NOT_FOUND');
    await expect(service.get(member, { slug: 'draft' })).resolves.toMatchObject({ id: DRAFT });
    await expect(service.get(ANONYMOUS, { slug: 'published' })).resolves.toMatchObject({ id: PUBLISHED });
    expect(await badFields(service.get(member, { id: DRAFT, slug: 'draft' }))).toEqual(['id']);
    expect(await codeOf(service.get(sysadmin(), { id: 'draft' }))).toBe('NOT_FOUND');

    expect(await codeOf(service.delete(editor, PUBLISHED))).toBe('CONFLICT');
    expect(c.committedWrites()).toEqual([]);
    const deleted = await service.delete(editor, DRAFT);
    expect(deleted.deletedAt).toBeInstanceOf(Date);
    expect(c.committedWrites()).toEqual([`lock ${DRAFT}`, `delete ${DRAFT}`, `deadlines ${DRAFT}`]);
    expect(c.transactions.at(-1)).toMatchObject({ actor: editor, changedCatalog: true });
    expect(await codeOf(service.get(member, { id: DRAFT }))).toBe('NOT_FOUND');
  });
});
