import { createHash } from 'node:crypto';
import request from 'supertest';
import { airQualityHourlyCsv } from '@opendata/demo';
import { DownloadCounterService } from '../src/downloads/download-counter.service';
import { TEST_ADMIN_TOKEN, TestApp, startTestApp, userWithRole } from '../../../test/support/test-app';

/** Collects the body as bytes whatever its type, so the file can be compared exactly. */
const bytes = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const csvOf = (lines: number) => Buffer.from(airQualityHourlyCsv().split('\n').slice(0, lines).join('\n') + '\n');

describe('original-file downloads (GET /api/v1/resources/:id/download)', () => {
  let t: TestApp;
  let editor: string;
  let outsider: string;
  let resourceId: string;
  let draftResourceId: string;
  const v1 = csvOf(21);
  const v2 = csvOf(31);
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  const upload = (dataset: string, file: Buffer, fileName: string, fields: Record<string, string> = {}) => {
    const req = t.http.post(`/api/v1/datasets/${dataset}/resources`).set('authorization', `Bearer ${TEST_ADMIN_TOKEN}`).field('schema', 'air-quality-hourly');
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    return req.attach('file', file, fileName);
  };
  const get = (path: string, headers: Record<string, string> = {}) => {
    const req = t.http.get(path).buffer(true).parse(bytes);
    for (const [k, v] of Object.entries(headers)) req.set(k, v);
    return req;
  };
  const counts = async () => {
    await t.app.get(DownloadCounterService).settled();
    const res = await t.gql(`query($id: ID!) { resource(id: $id) { downloadCount } dataset(slug: "air") { downloadCount } }`, { id: resourceId });
    expect(res.body.errors).toBeUndefined();
    return { resource: res.body.data?.resource.downloadCount, dataset: res.body.data?.dataset.downloadCount };
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.gql(`mutation { a: createOrganization(input: { slug: "env-bureau", name: "衡阳市环境保护局" }) { id } b: createOrganization(input: { slug: "other-bureau", name: "另一局" }) { id } }`, {}, TEST_ADMIN_TOKEN);
    editor = await userWithRole(t.app, 'editor', { organizationSlug: 'env-bureau', role: 'editor' });
    outsider = await userWithRole(t.app, 'outsider', { organizationSlug: 'other-bureau', role: 'editor' });
    const base = { description: '各站点逐小时空气质量（测试数据）。', organization: 'env-bureau', themes: ['GOV_ECOLOGY', 'ENVI'], issued: '2026-01-01', contactPoint: { name: '监测科', phone: '0734-8123456' } };
    for (const [slug, status] of [['air', 'PUBLISHED'], ['air-draft', 'DRAFT']]) {
      const created = await t.gql(`mutation($input: CreateDatasetInput!) { createDataset(input: $input) { id } }`, { input: { ...base, slug, title: `衡阳市空气质量 ${slug}`, status } }, TEST_ADMIN_TOKEN);
      expect(created.body.errors).toBeUndefined();
    }
    const first = await upload('air', v1, '衡阳市 空气质量(2026).csv', { name: '小时数据' });
    expect(first.status).toBe(201);
    resourceId = first.body.resource.id;
    expect((await upload('air', v2, 'v2.csv', { resource: resourceId })).body.resource.version).toBe(2);
    const draft = await upload('air-draft', v1, 'draft.csv', { name: '草稿' });
    expect(draft.status).toBe(201);
    draftResourceId = draft.body.resource.id;
  });
  afterAll(() => t.close());

  it('sends the latest version by default and older ones with ?version=N, byte for byte', async () => {
    const latest = await get(`/api/v1/resources/${resourceId}/download`);
    expect(latest.status).toBe(200);
    expect(latest.body).toEqual(v2);
    expect(latest.headers['content-length']).toBe(String(v2.length));
    expect(latest.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(latest.headers.etag).toBe(`"${sha(v2)}"`);
    expect(latest.headers['accept-ranges']).toBe('bytes');
    const old = await get(`/api/v1/resources/${resourceId}/download?version=1`);
    expect(old.status).toBe(200);
    expect(old.body).toEqual(v1);
    expect(old.headers.etag).toBe(`"${sha(v1)}"`);
  });

  it('names the file in UTF-8 (RFC 8187) with an ASCII fallback', async () => {
    const res = await get(`/api/v1/resources/${resourceId}/download?version=1`);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="___ ____(2026).csv"; filename*=UTF-8''${encodeURIComponent('衡阳市 空气质量').replace(/\(/g, '%28')}%282026%29.csv`,
    );
    const name = /filename\*=UTF-8''(.+)$/.exec(res.headers['content-disposition'])![1];
    expect(decodeURIComponent(name)).toBe('衡阳市 空气质量(2026).csv');
  });

  it('serves byte ranges (206) and refuses ranges beyond the end (416)', async () => {
    const head = await get(`/api/v1/resources/${resourceId}/download`, { range: 'bytes=0-99' });
    expect(head.status).toBe(206);
    expect(head.headers['content-range']).toBe(`bytes 0-99/${v2.length}`);
    expect(head.body).toEqual(v2.subarray(0, 100));
    const tail = await get(`/api/v1/resources/${resourceId}/download`, { range: 'bytes=-50' });
    expect(tail.status).toBe(206);
    expect(tail.body).toEqual(v2.subarray(v2.length - 50));
    const middle = await get(`/api/v1/resources/${resourceId}/download`, { range: `bytes=100-` });
    expect(middle.body).toEqual(v2.subarray(100));
    const beyond = await t.http.get(`/api/v1/resources/${resourceId}/download`).set('range', `bytes=${v2.length}-`);
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${v2.length}`);
    expect(beyond.body.code).toBe('RANGE_NOT_SATISFIABLE');
    // A range on a copy that has changed since (If-Range) gets the whole current file.
    const stale = await get(`/api/v1/resources/${resourceId}/download`, { range: 'bytes=0-9', 'if-range': `"${sha(v1)}"` });
    expect(stale.status).toBe(200);
    expect(stale.body).toEqual(v2);
  });

  it('answers 304 to If-None-Match with the current ETag, and the file to a stale one', async () => {
    const fresh = await t.http.get(`/api/v1/resources/${resourceId}/download`).set('if-none-match', `"${sha(v2)}"`);
    expect(fresh.status).toBe(304);
    expect(fresh.headers.etag).toBe(`"${sha(v2)}"`);
    const stale = await get(`/api/v1/resources/${resourceId}/download`, { 'if-none-match': `"${sha(v1)}"` });
    expect(stale.status).toBe(200);
    expect(stale.body).toEqual(v2);
  });

  it('answers 404 with a stable code for unknown resources and versions, 400 for a bad version', async () => {
    for (const path of [
      `/api/v1/resources/00000000-0000-4000-8000-000000000000/download`,
      `/api/v1/resources/not-a-uuid/download`,
      `/api/v1/resources/${resourceId}/download?version=3`,
    ]) {
      const res = await t.http.get(path);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
      expect(res.body.message).toMatch(/^找不到(资源|资源版本)“.+” \((Resource|Resource version) ".+" was not found\)$/);
    }
    const noRoute = await t.http.get('/api/v1/no-such-route');
    expect(noRoute.status).toBe(404);
    expect(noRoute.body).toEqual({ code: 'NOT_FOUND', messageKey: 'http.routeNotFound', message: '没有此路径：GET /api/v1/no-such-route (Cannot GET /api/v1/no-such-route)' });
    const bad = await t.http.get(`/api/v1/resources/${resourceId}/download?version=two`);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_USER_INPUT');
  });

  it('hides files of unpublished datasets from those who may not see them', async () => {
    expect((await t.http.get(`/api/v1/resources/${draftResourceId}/download`)).status).toBe(404);
    expect((await t.http.get(`/api/v1/resources/${draftResourceId}/download`).set('authorization', `Bearer ${outsider}`)).status).toBe(404);
    const own = await get(`/api/v1/resources/${draftResourceId}/download`, { authorization: `Bearer ${editor}` });
    expect(own.status).toBe(200);
    expect(own.body).toEqual(v1);
  });

  it('counts a download once per request that starts at byte 0, for the resource and its dataset', async () => {
    const before = await counts();
    await get(`/api/v1/resources/${resourceId}/download`); // counts
    await get(`/api/v1/resources/${resourceId}/download?version=1`); // counts (any version)
    await get(`/api/v1/resources/${resourceId}/download`, { range: 'bytes=0-9' }); // counts: starts at 0
    await get(`/api/v1/resources/${resourceId}/download`, { range: 'bytes=10-19' }); // a later part: no
    await t.http.get(`/api/v1/resources/${resourceId}/download`).set('if-none-match', `"${sha(v2)}"`); // 304: no
    await t.http.get(`/api/v1/resources/${resourceId}/download`).set('range', `bytes=${v2.length}-`); // 416: no
    await t.http.head(`/api/v1/resources/${resourceId}/download`); // HEAD: no
    expect(await counts()).toEqual({ resource: before.resource + 3, dataset: before.dataset + 3 });
  });
});
