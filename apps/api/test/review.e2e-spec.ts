import { metadataSha256, metadataForHash, DatasetService } from '@opendata/catalog';
import { SYSTEM } from '@opendata/auth';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { airQualityHourlyCsv } from '@opendata/demo';
import { TEST_ADMIN_TOKEN, TestApp, startTestApp, userWithRole } from '../../../test/support/test-app';

const csvOf = (lines: number) => Buffer.from(airQualityHourlyCsv().split('\n').slice(0, lines).join('\n') + '\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** Collects a response body as bytes, whatever its content type. */
const bytes = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const CREATE = `mutation($input: CreateDatasetInput!) { createDataset(input: $input) { id status } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateDatasetInput!) { updateDataset(id: $id, input: $input) { id status title } }`;
const SUBMIT = `mutation($id: ID!) { submitDataset(id: $id, comment: "请审查") { status } }`;
const APPROVE = `mutation($id: ID!, $checked: [String!]) { approveDataset(id: $id, comment: "同意发布", checkedSha256: $checked) { status } }`;
const PENDING = `query($id: ID!) { dataset(id: $id) { review { state pendingVersions { sha256 underReview } } } }`;
const RETURN = `mutation($id: ID!, $c: String!) { returnDataset(id: $id, comment: $c) { status } }`;
const WITHDRAW = `mutation($id: ID!, $r: String!) { withdrawDataset(id: $id, reason: $r) { status } }`;
const PUBLIC_VIEW = `query($slug: String!) { dataset(slug: $slug) { title status signOff { approvedBy sha256 reviewed files { version sha256 } }
  resources { id version sha256 versions { version sha256 signOff { approvedBy sha256 reviewed } } } } }`;

describe('review before publication (保密审查)', () => {
  let t: TestApp;
  let db: DataSource;
  let editor: string;
  let reviewer: string;
  let member: string;
  let otherReviewer: string;
  let openEditor: string;

  const record = (slug: string, organization = 'env-bureau') => ({
    slug, title: `衡阳市空气质量 ${slug}`, description: '各站点逐小时空气质量（测试数据）。', organization,
    themes: ['GOV_ECOLOGY', 'ENVI'], issued: '2026-01-01', contactPoint: { name: '监测科', phone: '0734-8123456' },
  });
  const create = async (slug: string, token = editor, organization?: string) => {
    const res = await t.gql(CREATE, { input: record(slug, organization) }, token);
    expect(res.body.errors).toBeUndefined();
    return res.body.data?.createDataset.id as string;
  };
  const upload = (dataset: string, file: Buffer, token = editor, fields: Record<string, string> = {}) => {
    const req = t.http.post(`/api/v1/datasets/${dataset}/resources`).set('authorization', `Bearer ${token}`).field('schema', 'air-quality-hourly');
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    return req.attach('file', file, 'air.csv');
  };
  const code = (res: { body: { errors?: Array<{ extensions?: { code?: string } }> } }) => res.body.errors?.[0]?.extensions?.code;
  /** The SHA-256 of every file the reviewer sees awaiting review. */
  const pendingSha = async (id: string, token = reviewer): Promise<string[]> =>
    (await t.gql(PENDING, { id }, token)).body.data?.dataset.review.pendingVersions.map((p: { sha256: string }) => p.sha256);
  /** The reviewer approves what they examined. */
  const approve = async (id: string, token = reviewer) => t.gql(APPROVE, { id, checked: await pendingSha(id, token) }, token);
  /** Publishes a dataset the proper way: editor submits, reviewer approves. */
  const publish = async (id: string) => {
    expect(code(await t.gql(SUBMIT, { id }, editor))).toBeUndefined();
    expect(code(await approve(id))).toBeUndefined();
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    const orgs = await t.gql(
      `mutation { a: createOrganization(input: { slug: "env-bureau", name: "衡阳市环境保护局" }) { reviewRequired }
                  b: createOrganization(input: { slug: "other-bureau", name: "另一局" }) { id }
                  c: createOrganization(input: { slug: "open-bureau", name: "免审局", reviewRequired: false }) { reviewRequired } }`,
      {},
      TEST_ADMIN_TOKEN,
    );
    expect(orgs.body.data).toMatchObject({ a: { reviewRequired: true }, c: { reviewRequired: false } });
    editor = await userWithRole(t.app, 'editor', { organizationSlug: 'env-bureau', role: 'editor' });
    reviewer = await userWithRole(t.app, 'reviewer', { organizationSlug: 'env-bureau', role: 'reviewer' });
    member = await userWithRole(t.app, 'member', { organizationSlug: 'env-bureau', role: 'member' });
    otherReviewer = await userWithRole(t.app, 'other-reviewer', { organizationSlug: 'other-bureau', role: 'reviewer' });
    openEditor = await userWithRole(t.app, 'open-editor', { organizationSlug: 'open-bureau', role: 'editor' });
  });
  afterAll(() => t.close());

  it('refuses direct publication by editors through createDataset and updateDataset', async () => {
    const created = await t.gql(CREATE, { input: { ...record('direct'), status: 'PUBLISHED' } }, editor);
    expect(code(created)).toBe('FORBIDDEN');
    const id = await create('direct');
    expect(code(await t.gql(UPDATE, { id, input: { status: 'PUBLISHED' } }, editor))).toBe('FORBIDDEN');
    // Other status changes go through the workflow mutations for everyone.
    expect(code(await t.gql(UPDATE, { id, input: { status: 'WITHDRAWN' } }, TEST_ADMIN_TOKEN))).toBe('BAD_USER_INPUT');
    expect((await t.gql(PUBLIC_VIEW, { slug: 'direct' })).body.data?.dataset ?? null).toBeNull();
  });

  it('goes draft -> submitted -> returned with comments -> submitted -> published, with a public sign-off', async () => {
    const id = await create('air');
    const file = csvOf(21);
    const uploaded = await upload('air', file);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.resource.pendingReview).toBe(true);

    expect((await t.gql(SUBMIT, { id }, editor)).body.data?.submitDataset.status).toBe('SUBMITTED');
    expect((await t.gql(PUBLIC_VIEW, { slug: 'air' })).body.data?.dataset ?? null).toBeNull();
    // Editing while under review is refused; the reviewer sees the record, the pending file and its report.
    expect(code(await t.gql(UPDATE, { id, input: { title: '衡阳市空气质量（修改）' } }, editor))).toBe('CONFLICT');
    const queue = await t.gql(`{ reviewQueue { slug review { pendingVersions { version sha256 report { valid rowCount } } } } }`, {}, reviewer);
    expect(queue.body.data?.reviewQueue).toEqual([
      { slug: 'air', review: { pendingVersions: [{ version: 1, sha256: sha(file), report: { valid: true, rowCount: 20 } }] } },
    ]);
    expect((await t.gql(`{ reviewQueue { slug } }`, {}, otherReviewer)).body.data?.reviewQueue).toEqual([]);

    expect(code(await t.gql(APPROVE, { id, checked: [sha(file)] }, editor))).toBe('FORBIDDEN');
    expect(code(await t.gql(APPROVE, { id, checked: [sha(file)] }, member))).toBe('FORBIDDEN');
    expect(code(await t.gql(APPROVE, { id, checked: [sha(file)] }, otherReviewer))).toBe('NOT_FOUND');
    expect(code(await t.gql(RETURN, { id, c: '  ' }, reviewer))).toBe('BAD_USER_INPUT');
    expect((await t.gql(RETURN, { id, c: '请补充数据来源说明' }, reviewer)).body.data?.returnDataset.status).toBe('DRAFT');

    // A corrected file replaces the returned one (a new version of the same resource), which is never published.
    const corrected = csvOf(31);
    const second = await upload('air', corrected, editor, { resource: uploaded.body.resource.id });
    expect(second.body.resource).toMatchObject({ version: 2, pendingReview: true });
    await publish(id);

    const view = (await t.gql(PUBLIC_VIEW, { slug: 'air' })).body.data?.dataset;
    const stored = await t.app.get(DatasetService).get(SYSTEM, { id });
    const expectedHash = metadataSha256(metadataForHash(await t.app.get(DatasetService).recordOf(stored)));
    expect(view).toMatchObject({
      status: 'PUBLISHED',
      signOff: { approvedBy: 'reviewer', sha256: expectedHash, reviewed: true, files: [{ version: 2, sha256: sha(corrected) }] },
      resources: [{ version: 2, sha256: sha(corrected), versions: [{ version: 2, sha256: sha(corrected), signOff: { approvedBy: 'reviewer', sha256: sha(corrected), reviewed: true } }] }],
    });
    const history = await t.gql(`query($id: ID!) { dataset(id: $id) { review { history { action actor comment version } } } }`, { id }, member);
    expect(history.body.data?.dataset.review.history.map((e: { action: string; actor: string; version: number | null }) => `${e.action}:${e.actor}:${e.version ?? '-'}`)).toEqual([
      'SUBMIT:editor:-', 'SUBMIT:editor:1', 'RETURN:reviewer:-', 'RETURN:reviewer:1', 'SUBMIT:editor:-', 'SUBMIT:editor:2', 'APPROVE:reviewer:-', 'APPROVE:reviewer:2',
    ]);
    expect((await t.gql(`{ dataset(slug: "air") { review { history { action } } } }`)).body.data?.dataset.review).toBeNull();
  });

  it('publishes the files the reviewer checked when a returned dataset is resubmitted without a new upload', async () => {
    const id = await create('returned-air');
    const file = csvOf(16);
    const uploaded = await upload('returned-air', file);
    expect(uploaded.status).toBe(201);
    expect(code(await t.gql(SUBMIT, { id }, editor))).toBeUndefined();
    expect((await t.gql(PENDING, { id }, reviewer)).body.data?.dataset.review).toEqual({ state: 'SUBMITTED', pendingVersions: [{ sha256: sha(file), underReview: true }] });
    expect((await t.gql(RETURN, { id, c: '请补充数据来源说明' }, reviewer)).body.data?.returnDataset.status).toBe('DRAFT');

    // The returned file stays with the draft, and goes back to review with the resubmission.
    expect((await t.gql(PENDING, { id }, editor)).body.data?.dataset.review).toEqual({ state: 'DRAFT', pendingVersions: [{ sha256: sha(file), underReview: false }] });
    expect(code(await t.gql(UPDATE, { id, input: { description: '各站点逐小时空气质量（测试数据），来源：市环境监测站。' } }, editor))).toBeUndefined();
    expect(code(await t.gql(SUBMIT, { id }, editor))).toBeUndefined();
    expect(await pendingSha(id)).toEqual([sha(file)]);
    const approved = await t.gql(APPROVE, { id, checked: [sha(file)] }, reviewer);
    expect(approved.body.data?.approveDataset.status).toBe('PUBLISHED');

    const view = (await t.gql(PUBLIC_VIEW, { slug: 'returned-air' })).body.data?.dataset;
    expect(view).toMatchObject({ status: 'PUBLISHED', signOff: { approvedBy: 'reviewer', reviewed: true, files: [{ version: 1, sha256: sha(file) }] } });
    expect(view.resources).toEqual([expect.objectContaining({ id: uploaded.body.resource.id, version: 1, sha256: sha(file) })]);
    const download = await t.http.get(`/api/v1/resources/${uploaded.body.resource.id}/download`).buffer(true).parse(bytes);
    expect(download.status).toBe(200);
    expect(sha(download.body as Buffer)).toBe(sha(file));
    const rows = await t.http.get(`/api/v1/resources/${uploaded.body.resource.id}/data.json`);
    expect(rows.status).toBe(200);
    expect(JSON.parse(rows.text)).toHaveLength(15);
    expect((await t.gql(PENDING, { id }, reviewer)).body.data?.dataset.review).toEqual({ state: 'PUBLISHED', pendingVersions: [] });
  });

  it('refuses to return or approve a draft that was never submitted, and keeps it out of the queue', async () => {
    const id = await create('never-submitted');
    const file = csvOf(6);
    expect((await upload('never-submitted', file)).status).toBe(201);
    const returned = await t.gql(RETURN, { id, c: '请修改' }, reviewer);
    expect(code(returned)).toBe('CONFLICT');
    expect(returned.body.errors?.[0].message).toBe('该数据集未提交审查，没有可退回的内容 (the dataset was never submitted for review: there is nothing to return)');
    expect(code(await t.gql(APPROVE, { id, checked: [sha(file)] }, reviewer))).toBe('CONFLICT');
    expect((await t.gql(`{ reviewQueue { slug } }`, {}, reviewer)).body.data?.reviewQueue.map((d: { slug: string }) => d.slug)).not.toContain('never-submitted');
    const history = await t.gql(`query($id: ID!) { dataset(id: $id) { status review { history { action } } } }`, { id }, editor);
    expect(history.body.data?.dataset).toEqual({ status: 'DRAFT', review: { history: [] } });
  });

  it('lets the editors resubmit a returned update of a published dataset as it was', async () => {
    const id = await create('update-returned');
    const v1 = csvOf(9);
    const first = await upload('update-returned', v1);
    await publish(id);
    const v2 = csvOf(12);
    expect((await upload('update-returned', v2, editor, { resource: first.body.resource.id })).body.resource).toMatchObject({ version: 2, pendingReview: true });
    expect((await t.gql(PENDING, { id }, reviewer)).body.data?.dataset.review.state).toBe('UPDATE_PENDING');
    expect((await t.gql(RETURN, { id, c: '数据时段有误' }, reviewer)).body.data?.returnDataset.status).toBe('PUBLISHED');
    expect((await t.gql(PENDING, { id }, editor)).body.data?.dataset.review).toEqual({ state: 'UPDATE_RETURNED', pendingVersions: [{ sha256: sha(v2), underReview: false }] });
    expect((await t.gql(`{ reviewQueue { slug } }`, {}, reviewer)).body.data?.reviewQueue.map((d: { slug: string }) => d.slug)).not.toContain('update-returned');
    expect(code(await t.gql(APPROVE, { id, checked: [sha(v2)] }, reviewer))).toBe('CONFLICT');
    expect((await t.gql(PUBLIC_VIEW, { slug: 'update-returned' })).body.data?.dataset.resources[0].sha256).toBe(sha(v1));

    expect((await t.gql(SUBMIT, { id }, editor)).body.data?.submitDataset.status).toBe('PUBLISHED');
    expect((await t.gql(PENDING, { id }, reviewer)).body.data?.dataset.review.state).toBe('UPDATE_PENDING');
    expect(code(await t.gql(APPROVE, { id, checked: [sha(v2)] }, reviewer))).toBeUndefined();
    const view = (await t.gql(PUBLIC_VIEW, { slug: 'update-returned' })).body.data?.dataset;
    expect(view.resources[0]).toMatchObject({ version: 2, sha256: sha(v2) });
    expect(view.signOff.files).toEqual([{ version: 2, sha256: sha(v2) }]);
  });

  it('keeps a re-upload to a published dataset out of every public reader until approved', async () => {
    const id = await create('water');
    const v1 = csvOf(11);
    const first = await upload('water', v1);
    await publish(id);
    const resourceId = first.body.resource.id as string;
    const v2 = csvOf(41);
    const second = await upload('water', v2, editor, { resource: resourceId });
    expect(second.body.resource).toMatchObject({ version: 2, pendingReview: true });

    const view = (await t.gql(PUBLIC_VIEW, { slug: 'water' })).body.data?.dataset;
    expect(view.resources).toEqual([expect.objectContaining({ version: 1, sha256: sha(v1), versions: [expect.objectContaining({ version: 1 })] })]);
    expect((await t.gql(`query($id: ID!) { resource(id: $id) { version rowCount } }`, { id: resourceId })).body.data?.resource).toEqual({ version: 1, rowCount: 10 });
    // Downloads, rows, CKAN and DCAT read versions through the same released-version rule.
    const download = await t.http.get(`/api/v1/resources/${resourceId}/download`).buffer(true).parse(bytes);
    expect(download.status).toBe(200);
    expect(sha(download.body as Buffer)).toBe(sha(v1));
    expect((await t.http.get(`/api/v1/resources/${resourceId}/download?version=2`)).status).toBe(404);
    const rows = await t.http.get(`/api/v1/resources/${resourceId}/data.json`);
    expect(rows.status).toBe(200);
    expect(JSON.parse(rows.text)).toHaveLength(10);
    expect((await t.http.get(`/api/v1/resources/${resourceId}/data.json?version=2`)).status).toBe(404);
    const ckan = await t.http.get(`/api/3/action/resource_show?id=${resourceId}`);
    expect(ckan.body.result.hash).toBe(sha(v1));
    // A new resource whose only version awaits review is not listed at all.
    const extra = await upload('water', csvOf(8), editor, { name: '新增资源' });
    expect(extra.body.resource).toMatchObject({ version: 1, pendingReview: true });
    expect((await t.gql(PUBLIC_VIEW, { slug: 'water' })).body.data?.dataset.resources).toHaveLength(1);
    expect((await t.gql(`query($id: ID!) { resource(id: $id) { id } }`, { id: extra.body.resource.id })).body.data?.resource ?? null).toBeNull();
    const show = await t.http.get('/api/3/action/package_show?id=water');
    expect(show.body.success).toBe(true);
    expect(show.body.result.resources.map((r: { id: string }) => r.id)).toEqual([resourceId]);
    const dcat = await t.http.get('/catalog.jsonld');
    expect(dcat.text).not.toContain(sha(v2));
    expect(dcat.text).toContain(sha(v1));

    // The reviewer pins what they examined: a list that misses a pending file is refused.
    const pinned = `mutation($id: ID!, $checked: [String!]) { approveDataset(id: $id, checkedSha256: $checked) { status } }`;
    expect(code(await t.gql(pinned, { id, checked: [sha(v2)] }, reviewer))).toBe('CONFLICT');
    expect(code(await t.gql(pinned, { id }, reviewer))).toBe('BAD_USER_INPUT');
    const pendingNow = (await t.gql(`query($id: ID!) { dataset(id: $id) { review { pendingVersions { sha256 } } } }`, { id }, reviewer)).body.data?.dataset.review.pendingVersions;
    expect(code(await t.gql(pinned, { id, checked: pendingNow.map((p: { sha256: string }) => p.sha256) }, reviewer))).toBeUndefined();
    const after = (await t.gql(PUBLIC_VIEW, { slug: 'water' })).body.data?.dataset;
    expect(after.resources[0]).toMatchObject({ version: 2, sha256: sha(v2) });
    expect(after.resources).toHaveLength(2);
    expect((await t.http.get(`/api/v1/resources/${resourceId}/download?version=2`)).status).toBe(200);
    expect((await t.http.get('/catalog.jsonld')).text).toContain(sha(v2));
  });

  it('sends an edit of a published dataset back to review instead of publishing it', async () => {
    const id = await create('noise');
    await publish(id);
    const edited = await t.gql(UPDATE, { id, input: { title: '衡阳市噪声（修改）' } }, editor);
    expect(edited.body.data?.updateDataset).toMatchObject({ status: 'SUBMITTED', title: '衡阳市噪声（修改）' });
    expect((await t.gql(PUBLIC_VIEW, { slug: 'noise' })).body.data?.dataset ?? null).toBeNull();
    const search = await t.gql(`{ datasets(search: "噪声") { totalCount } }`);
    expect(search.body.data?.datasets.totalCount).toBe(0);
    expect(code(await approve(id))).toBeUndefined();
    expect((await t.gql(PUBLIC_VIEW, { slug: 'noise' })).body.data?.dataset.title).toBe('衡阳市噪声（修改）');
  });

  it('withdraws only with a reason, keeps the history, and refuses deleting published data', async () => {
    const id = await create('soil');
    await publish(id);
    expect(code(await t.gql(`mutation($id: ID!) { deleteDataset(id: $id) { id } }`, { id }, editor))).toBe('CONFLICT');
    expect(code(await t.gql(WITHDRAW, { id, r: '' }, reviewer))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(WITHDRAW, { id, r: '含有不宜公开内容' }, member))).toBe('FORBIDDEN');
    expect((await t.gql(WITHDRAW, { id, r: '含有不宜公开内容' }, reviewer)).body.data?.withdrawDataset.status).toBe('WITHDRAWN');
    expect((await t.gql(PUBLIC_VIEW, { slug: 'soil' })).body.data?.dataset ?? null).toBeNull();
    const history = await t.gql(`query($id: ID!) { dataset(id: $id) { review { history { action comment } } } }`, { id }, editor);
    expect(history.body.data?.dataset.review.history.at(-1)).toEqual({ action: 'WITHDRAW', comment: '含有不宜公开内容' });
    expect(code(await t.gql(WITHDRAW, { id, r: '再次' }, reviewer))).toBe('CONFLICT');
    // Withdrawn data can come back only through review again.
    await publish(id);
    expect((await t.gql(PUBLIC_VIEW, { slug: 'soil' })).body.data?.dataset.status).toBe('PUBLISHED');
  });

  it('lets no one approve what they submitted themselves', async () => {
    const id = await create('self', TEST_ADMIN_TOKEN);
    expect(code(await t.gql(SUBMIT, { id }, TEST_ADMIN_TOKEN))).toBeUndefined();
    expect(code(await approve(id, TEST_ADMIN_TOKEN))).toBe('FORBIDDEN');
    expect(code(await approve(id))).toBeUndefined();
  });

  it('publishes directly where review is not required, and records that no reviewer signed', async () => {
    const id = await create('open-data', openEditor, 'open-bureau');
    expect((await t.gql(UPDATE, { id, input: { status: 'PUBLISHED' } }, openEditor)).body.data?.updateDataset.status).toBe('PUBLISHED');
    const file = csvOf(6);
    expect((await upload('open-data', file, openEditor)).body.resource.pendingReview).toBe(false);
    const view = (await t.gql(PUBLIC_VIEW, { slug: 'open-data' })).body.data?.dataset;
    expect(view).toMatchObject({ signOff: { approvedBy: 'open-editor', reviewed: false }, resources: [{ sha256: sha(file) }] });
    // Only system administrators change the setting.
    const toggle = `mutation { setOrganizationReviewRequired(slug: "open-bureau", required: true) { reviewRequired } }`;
    expect(code(await t.gql(toggle, {}, openEditor))).toBe('FORBIDDEN');
    expect((await t.gql(toggle, {}, TEST_ADMIN_TOKEN)).body.data?.setOrganizationReviewRequired.reviewRequired).toBe(true);
    expect(code(await t.gql(UPDATE, { id, input: { title: '免审局数据（改）' } }, openEditor))).toBeUndefined();
    expect((await t.gql(PUBLIC_VIEW, { slug: 'open-data' })).body.data?.dataset ?? null).toBeNull();
  });

  it("puts a draft's files in the search facets as soon as a publisher publishes it", async () => {
    // Files uploaded while the organization still required review wait in the draft, unreleased.
    const created = await t.gql(`mutation { createOrganization(input: { slug: "files-bureau", name: "文件局" }) { id } }`, {}, TEST_ADMIN_TOKEN);
    expect(created.body.errors).toBeUndefined();
    const publisher = await userWithRole(t.app, 'files-editor', { organizationSlug: 'files-bureau', role: 'editor' });
    const id = await create('files-draft', publisher, 'files-bureau');
    const uploaded = await upload(id, csvOf(6), publisher);
    expect(uploaded.body.resource.pendingReview).toBe(true);
    const toggle = `mutation { setOrganizationReviewRequired(slug: "files-bureau", required: false) { reviewRequired } }`;
    expect((await t.gql(toggle, {}, TEST_ADMIN_TOKEN)).body.data?.setOrganizationReviewRequired.reviewRequired).toBe(false);

    expect((await t.gql(UPDATE, { id, input: { status: 'PUBLISHED' } }, publisher)).body.data?.updateDataset.status).toBe('PUBLISHED');
    const SEARCH = `query($filter: DatasetFilter) { datasets(filter: $filter, first: 10) { totalCount facets { formats { key count } } } }`;
    const ofBureau = await t.gql(SEARCH, { filter: { organization: ['files-bureau'] } });
    expect(ofBureau.body.data?.datasets).toEqual({ totalCount: 1, facets: { formats: [{ key: 'CSV', count: 1 }] } });
    const csv = await t.gql(SEARCH, { filter: { organization: ['files-bureau'], format: ['CSV'] } });
    expect(csv.body.data?.datasets.totalCount).toBe(1);
  });

  it('records a system administrator\'s direct publication as their approval', async () => {
    const res = await t.gql(CREATE, { input: { ...record('by-admin'), status: 'PUBLISHED' } }, TEST_ADMIN_TOKEN);
    expect(res.body.data?.createDataset.status).toBe('PUBLISHED');
    const view = (await t.gql(PUBLIC_VIEW, { slug: 'by-admin' })).body.data?.dataset;
    expect(view.signOff).toMatchObject({ approvedBy: 'sysadmin', reviewed: true });
  });

  it('keeps the review history append-only in the database', async () => {
    await expect(db.query(`UPDATE review_events SET comment = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM review_events`)).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE review_events CASCADE`)).rejects.toThrow(/append-only/);
  });
});
