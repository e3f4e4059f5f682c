import { AddressInfo } from 'node:net';
import { airQualityHourlyCsv } from '@opendata/demo';
import { TEST_ADMIN_TOKEN, TestApp, startTestApp, userWithRole } from '../../../test/support/test-app';
import { CkanActionsService } from '../src/ckan/ckan-actions.service';
// The CKAN JavaScript client (okfn/ckan.js), as third-party tools use it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CKAN = require('ckan') as { Client: new (endpoint: string, apiKey?: string) => CkanClient };

interface CkanClient {
  action(name: string, data: Record<string, unknown>, cb: (err: unknown, body: any) => void): void;
  datastoreQuery(query: Record<string, unknown>, cb: (err: unknown, out: any) => void): void;
}

const csvOf = (lines: number) => Buffer.from(airQualityHourlyCsv().split('\n').slice(0, lines).join('\n') + '\n');

describe('CKAN-compatible action API (/api/3/action/{action})', () => {
  let t: TestApp;
  let member: string;
  let resourceId: string;
  let datasetId: string;
  let endpoint: string;

  const action = (name: string, query: Record<string, string | number> = {}, token?: string) => {
    const req = t.http.get(`/api/3/action/${name}`).query(query);
    if (token) req.set('authorization', `Bearer ${token}`);
    return req;
  };
  const client = () => new CKAN.Client(endpoint);
  const call = (name: string, data: Record<string, unknown>) =>
    new Promise<any>((resolve, reject) => client().action(name, data, (err, body) => (err ? reject(new Error(String(err))) : resolve(body))));

  beforeAll(async () => {
    t = await startTestApp();
    await t.gql(
      `mutation { a: createOrganization(input: { slug: "env-bureau", name: "衡阳市环境保护局", description: "环境质量监测" }) { id }
                  b: createOrganization(input: { slug: "hr-bureau", name: "衡阳市人力资源和社会保障局" }) { id } }`,
      {},
      TEST_ADMIN_TOKEN,
    );
    member = await userWithRole(t.app, 'member', { organizationSlug: 'env-bureau', role: 'member' });
    const base = { themes: ['GOV_ECOLOGY', 'ENVI'], issued: '2026-01-01', contactPoint: { name: '监测科', email: 'jck@example.gov.cn' } };
    const datasets = [
      { slug: 'air-hourly', title: '衡阳市空气质量小时数据', description: '各监测站点逐小时空气质量指数，含六项污染物浓度。', organization: 'env-bureau', tags: ['空气质量', 'AQI'], status: 'PUBLISHED', openAttribute: 'UNCONDITIONAL' },
      { slug: 'water-weekly', title: '衡阳市地表水水质周报', description: '主要河流断面每周水质类别与主要指标。', organization: 'env-bureau', tags: ['水质'], status: 'PUBLISHED' },
      { slug: 'pension', title: '养老保险参保人数', description: '按区县统计的城乡居民养老保险参保人数。', organization: 'hr-bureau', tags: ['社会保障'], status: 'PUBLISHED', themes: ['GOV_SOCIAL_SECURITY', 'SOCI'] },
      { slug: 'air-draft', title: '空气质量草稿', description: '尚未发布的空气质量数据草稿，仅供内部核对。', organization: 'env-bureau', tags: ['空气质量'], status: 'DRAFT' },
    ];
    for (const d of datasets) {
      const res = await t.gql(`mutation($input: CreateDatasetInput!) { createDataset(input: $input) { id } }`, { input: { ...base, ...d } }, TEST_ADMIN_TOKEN);
      expect(res.body.errors).toBeUndefined();
      if (d.slug === 'air-hourly') datasetId = res.body.data?.createDataset.id;
    }
    const uploaded = await t.http
      .post('/api/v1/datasets/air-hourly/resources')
      .set('authorization', `Bearer ${TEST_ADMIN_TOKEN}`)
      .field('schema', 'air-quality-hourly')
      .field('name', '小时数据')
      .attach('file', csvOf(41), '衡阳空气质量.csv');
    expect(uploaded.status).toBe(201);
    resourceId = uploaded.body.resource.id;
    await t.app.listen(0, '127.0.0.1');
    endpoint = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  it('wraps results in CKAN\'s envelope (status_show)', async () => {
    const res = await action('status_show');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      help: 'http://opendata.test/api/3/action/help_show?name=status_show',
      success: true,
      result: expect.objectContaining({ ckan_version: expect.stringMatching(/^2\./), site_url: 'http://opendata.test', extensions: ['datastore'] }),
    });
  });

  it('shows a package by name or id, Chinese text in title and notes, our fields as extras', async () => {
    const byName = await action('package_show', { id: 'air-hourly' });
    expect(byName.status).toBe(200);
    const pkg = byName.body.result;
    expect(pkg).toMatchObject({
      id: datasetId,
      name: 'air-hourly',
      title: '衡阳市空气质量小时数据',
      notes: '各监测站点逐小时空气质量指数，含六项污染物浓度。',
      type: 'dataset',
      state: 'active',
      private: false,
      license_id: 'CC-BY-4.0',
      isopen: true,
      num_tags: 2,
      num_resources: 1,
      organization: { name: 'env-bureau', title: '衡阳市环境保护局', is_organization: true, type: 'organization' },
      maintainer: '监测科',
      maintainer_email: 'jck@example.gov.cn',
    });
    expect(pkg.tags.map((tag: { name: string }) => tag.name)).toEqual(['空气质量', 'AQI']);
    expect(pkg.groups.map((g: { id: string }) => g.id).sort()).toEqual(['ENVI', 'GOV_ECOLOGY']);
    expect(pkg.extras).toEqual(expect.arrayContaining([{ key: 'open_attribute', value: '无条件开放' }, { key: 'issued', value: '2026-01-01' }]));
    expect(pkg.metadata_modified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    expect(pkg.resources[0]).toMatchObject({
      id: resourceId,
      package_id: datasetId,
      name: '小时数据',
      format: 'CSV',
      url: `http://opendata.test/api/v1/resources/${resourceId}/download`,
      datastore_active: true,
      position: 0,
    });
    expect((await action('package_show', { id: datasetId })).body.result.name).toBe('air-hourly');
  });

  it('answers CKAN\'s Not Found and Validation errors, and hides drafts from anonymous callers', async () => {
    for (const id of ['no-such-dataset', 'air-draft']) {
      const res = await action('package_show', { id });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ help: expect.any(String), success: false, error: { __type: 'Not Found Error', message: '未找到 (Not found)' } });
    }
    expect((await action('package_show', { id: 'air-draft' }, member)).body.result.state).toBe('draft');
    const missing = await action('package_show');
    expect(missing.status).toBe(409);
    expect(missing.body.error).toMatchObject({ __type: 'Validation Error', id: ['缺少值 (Missing value)'] });
    const rows = await action('package_search', { rows: 'many' });
    expect(rows.status).toBe(409);
    expect(rows.body.error).toMatchObject({ __type: 'Validation Error', rows: ['不是有效的整数 (Invalid integer)'] });
    const unknown = await action('package_create');
    expect(unknown.status).toBe(400);
    expect(unknown.body.success).toBe(false);
  });

  it('searches with q, fq (organization:, tags:, res_format:), rows, start, sort and facets', async () => {
    const all = await action('package_search', { rows: 10 });
    expect(all.body.result.count).toBe(3);
    expect(Object.keys(all.body.result).sort()).toEqual(['count', 'facets', 'results', 'search_facets', 'sort']);
    expect(all.body.result.results.map((p: { name: string }) => p.name)).not.toContain('air-draft');

    const text = await action('package_search', { q: '空气质量' });
    expect(text.body.result.results.map((p: { name: string }) => p.name)).toEqual(['air-hourly']);

    const byOrg = await action('package_search', { fq: 'organization:env-bureau', sort: 'title_string asc' });
    expect(byOrg.body.result.count).toBe(2);
    expect(byOrg.body.result.results.map((p: { name: string }) => p.name)).toEqual(['water-weekly', 'air-hourly']); // 地 sorts before 空
    expect((await action('package_search', { fq: 'tags:"社会保障"' })).body.result.results.map((p: { name: string }) => p.name)).toEqual(['pension']);
    expect((await action('package_search', { fq: '+res_format:CSV' })).body.result.results.map((p: { name: string }) => p.name)).toEqual(['air-hourly']);
    expect((await action('package_search', { q: 'organization:hr-bureau' })).body.result.count).toBe(1);

    const pages = [];
    for (let start = 0; start < 3; start++) pages.push((await action('package_search', { rows: 1, start, sort: 'title_string asc' })).body.result.results[0].name);
    expect(new Set(pages).size).toBe(3);
    expect((await action('package_search', { rows: 2, start: 2, sort: 'title_string asc' })).body.result.results.map((p: { name: string }) => p.name)).toEqual([pages[2]]);

    const faceted = await action('package_search', { 'facet.field': '["organization","tags","res_format"]', rows: 0 });
    const facets = faceted.body.result.search_facets;
    expect(facets.organization.items).toEqual(expect.arrayContaining([{ name: 'env-bureau', display_name: '衡阳市环境保护局', count: 2 }]));
    expect(facets.tags.items).toEqual(expect.arrayContaining([{ name: '空气质量', display_name: '空气质量', count: 1 }]));
    expect(faceted.body.result.facets.res_format).toEqual({ CSV: 1 });
    expect(faceted.body.result.results).toEqual([]);

    const unsupported = await action('package_search', { fq: 'license_id:cc-by' });
    expect(unsupported.status).toBe(409);
  });

  it('lists packages and organizations, shows organizations and resources', async () => {
    expect((await action('package_list')).body.result).toEqual(['air-hourly', 'pension', 'water-weekly']);
    expect((await action('organization_list')).body.result).toEqual(['env-bureau', 'hr-bureau']);
    const full = await action('organization_list', { all_fields: 'true', sort: 'package_count desc' });
    expect(full.body.result.map((o: { name: string; package_count: number }) => [o.name, o.package_count])).toEqual([['env-bureau', 2], ['hr-bureau', 1]]);
    const org = await action('organization_show', { id: 'env-bureau', include_datasets: 'true' });
    expect(org.body.result).toMatchObject({ name: 'env-bureau', title: '衡阳市环境保护局', description: '环境质量监测', package_count: 2 });
    expect(org.body.result.packages).toHaveLength(2);
    expect((await action('organization_show', { id: 'nobody' })).status).toBe(404);
    const resource = await action('resource_show', { id: resourceId });
    expect(resource.body.result).toMatchObject({ id: resourceId, package_id: datasetId, format: 'CSV', datastore_active: true });
  });

  it('searches rows (datastore_search): filters, q, limit, offset, sort, fields, total', async () => {
    const first = await action('datastore_search', { resource_id: resourceId, limit: 5 });
    expect(first.status).toBe(200);
    const result = first.body.result;
    expect(result).toMatchObject({ resource_id: resourceId, records_format: 'objects', total: 40, limit: 5, offset: 0, include_total: true });
    expect(result.fields.slice(0, 5)).toEqual([
      { id: '_id', type: 'int' },
      { id: 'station_code', type: 'text' },
      { id: 'area', type: 'text' },
      { id: 'station_name', type: 'text' },
      { id: 'time', type: 'timestamp' },
    ]);
    expect(result.records[0]).toMatchObject({ _id: 1, station_code: '2456A', area: '衡阳市', station_name: '原169医院', time: '2026-09-01T00:00:00', aqi: 69 });
    expect(result._links.next).toBe(`/api/3/action/datastore_search?resource_id=${resourceId}&offset=5&limit=5`);

    const filtered = await action('datastore_search', { resource_id: resourceId, filters: JSON.stringify({ station_code: '2457A' }), fields: 'station_code,aqi', sort: 'aqi desc' });
    const rows = filtered.body.result.records as Array<{ station_code: string; aqi: number }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.station_code === '2457A' && Object.keys(r).length === 2)).toBe(true);
    expect(rows.map((r) => r.aqi)).toEqual([...rows.map((r) => r.aqi)].sort((a, b) => b - a));
    expect(filtered.body.result.total).toBe(rows.length);

    const q = await action('datastore_search', { resource_id: resourceId, q: '珠晖区' });
    expect(q.body.result.total).toBeGreaterThan(0);
    expect(q.body.result.records.every((r: { station_name: string }) => r.station_name.includes('珠晖区'))).toBe(true);
    const paged = await action('datastore_search', { resource_id: resourceId, limit: 2, offset: 38 });
    expect(paged.body.result.records.map((r: { _id: number }) => r._id)).toEqual([39, 40]);

    const badField = await action('datastore_search', { resource_id: resourceId, filters: '{"nope":1}' });
    expect(badField.status).toBe(409);
    expect(badField.body.error).toMatchObject({ __type: 'Validation Error', filters: ['表中没有字段“nope” (field "nope" not in table)'] });
    const badValue = await action('datastore_search', { resource_id: resourceId, filters: '{"aqi":"high"}' });
    expect(badValue.status).toBe(409);
    expect((await action('datastore_search', { resource_id: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
  });

  it('accepts POST with a JSON body, as CKAN does', async () => {
    const res = await t.http.post('/api/3/action/datastore_search').send({ resource_id: resourceId, filters: { station_code: ['2456A', '2458A'] }, limit: 3 });
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(res.body.result.records.every((r: { station_code: string }) => ['2456A', '2458A'].includes(r.station_code))).toBe(true);
  });

  it('works with the ckan npm client (okfn ckan.js): package_search, package_show, datastore_search', async () => {
    const search = await call('package_search', { q: '空气质量', rows: 5 });
    expect(search.success).toBe(true);
    expect(search.result.results[0].name).toBe('air-hourly');
    const shown = await call('package_show', { id: 'air-hourly' });
    expect(shown.result.resources[0].id).toBe(resourceId);
    const rows = await new Promise<any>((resolve, reject) =>
      client().datastoreQuery({ resource_id: resourceId, size: 3, from: 1, filters: [{ type: 'term', field: 'station_code', term: '2456A' }], sort: [{ field: 'aqi', order: 'desc' }] }, (err, out) =>
        err ? reject(new Error(String(err))) : resolve(out),
      ),
    );
    expect(rows.hits).toHaveLength(3);
    expect(rows.hits.every((r: { station_code: string }) => r.station_code === '2456A')).toBe(true);
    expect(rows.fields.find((f: { id: string }) => f.id === 'station_code').type).toBe('string');
    await expect(call('package_show', { id: 'air-draft' })).rejects.toThrow(/HTTP code 404/);
  });

  it('takes an API token as X-CKAN-API-KEY (as ckan.js sends it): members then see their drafts when they ask', async () => {
    const withKey = (data: Record<string, unknown>) =>
      new Promise<any>((resolve, reject) => new CKAN.Client(endpoint, member).action('package_search', data, (err, body) => (err ? reject(new Error(String(err))) : resolve(body))));
    expect((await withKey({ q: '空气质量' })).result.count).toBe(1);
    // As in CKAN: a draft (state "draft", private) needs include_drafts and include_private.
    expect((await withKey({ q: '空气质量', include_private: true })).result.results.map((p: { name: string }) => p.name)).toEqual(['air-hourly']);
    expect((await withKey({ q: '空气质量', include_drafts: true })).result.results.map((p: { name: string }) => p.name)).toEqual(['air-hourly']);
    const drafts = await withKey({ q: '空气质量', include_private: true, include_drafts: true });
    expect(drafts.result.results.map((p: { name: string }) => p.name).sort()).toEqual(['air-draft', 'air-hourly']);
    expect((await call('package_search', { q: '空气质量', include_private: true, include_drafts: true })).result.count).toBe(1);
    const wrong = await t.http.get('/api/3/action/package_search').set('x-ckan-api-key', 'not-a-token');
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.__type).toBe('Authorization Error');
  });

  it('answers every error of its routes in CKAN\'s envelope, whatever raised it', async () => {
    const envelope = (name: string, error: Record<string, unknown>) => ({ help: `http://opendata.test/api/3/action/help_show?name=${name}`, success: false, error });
    // A bad token, refused by the authentication middleware before any CKAN code runs: 403, as CKAN refuses.
    const badBearer = await action('package_search', { q: '空气质量' }, 'not-a-token');
    expect(badBearer.status).toBe(403);
    expect(badBearer.body).toEqual(envelope('package_search', { __type: 'Authorization Error', message: expect.stringMatching(/^拒绝访问：.* \(Access denied: .*\)$/) }));
    const badBare = await t.http.get('/api/3/action/package_show?id=air-hourly').set('authorization', 'not-a-token');
    expect(badBare.body).toEqual(envelope('package_show', { __type: 'Authorization Error', message: expect.stringMatching(/^拒绝访问：.* \(Access denied: .*\)$/) }));
    // Other routes keep the platform's shape.
    expect((await t.http.get('/api/v1/schemas').set('authorization', 'Bearer not-a-token')).body).toEqual({ code: 'UNAUTHENTICATED', messageKey: 'auth.tokenInvalid', message: expect.any(String) });
    // The router: no such route under the action API.
    const noRoute = await t.http.get('/api/3/action/package_show/extra');
    expect(noRoute.status).toBe(404);
    expect(noRoute.body).toEqual(envelope('package_show', { __type: 'Not Found Error', message: '未找到 (Not found)' }));
    // The body parser.
    const badJson = await t.http.post('/api/3/action/package_search').set('content-type', 'application/json').send('{"q": ');
    expect(badJson.status).toBe(400);
    expect(badJson.body).toEqual(envelope('package_search', { __type: 'Bad Request', message: expect.stringMatching(/^请求无效：(?!请求无效).* \(Bad request - (?!bad request).*\)$/) }));
    // An unexpected failure: 500 without details.
    const spy = jest.spyOn(t.app.get(CkanActionsService), 'run').mockRejectedValueOnce(new Error('connection to 10.0.0.7 lost'));
    const failed = await action('status_show');
    spy.mockRestore();
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual(envelope('status_show', { __type: 'Internal Server Error', message: '服务器内部错误 (Internal Server Error)' }));
  });

  it('reads the bare token of CKAN\'s Authorization header, as ckanapi sends it', async () => {
    const res = await t.http.get('/api/3/action/package_search').query({ q: '空气质量', include_private: true, include_drafts: true }).set('authorization', member);
    expect(res.status).toBe(200);
    expect(res.body.result.results.map((p: { name: string }) => p.name).sort()).toEqual(['air-draft', 'air-hourly']);
  });

  it('refuses parameters it does not know or cannot honour, on every action', async () => {
    const junk = await action('package_show', { id: 'air-hourly', include_extras: 'true' });
    expect(junk.status).toBe(409);
    expect(junk.body.error).toEqual({ __type: 'Validation Error', __junk: [expect.stringContaining('include_extras')] });
    expect((await action('package_show', { id: 'air-hourly', include_tracking: 'true' })).body.error).toMatchObject({ include_tracking: [expect.any(String)] });
    expect((await action('organization_show', { id: 'env-bureau', include_users: 'true' })).body.error).toMatchObject({ include_users: [expect.any(String)] });
    expect((await action('resource_show', { id: resourceId, include_tracking: 'true' })).status).toBe(409);
    expect((await action('package_list', { limit: 1, ofset: 1 })).body.error).toMatchObject({ __junk: [expect.stringContaining('ofset')] });
    expect((await action('status_show', { x: 1 })).status).toBe(409);
    expect((await action('organization_list', { q: '人力' })).body.result).toEqual(['hr-bureau']);
    expect((await action('organization_list', { q: 'ENV' })).body.result).toEqual(['env-bureau']);
  });

  it('counts an organization\'s datasets as its search does, for each caller', async () => {
    const shown = async (token?: string) => (await action('organization_show', { id: 'env-bureau', include_datasets: 'true' }, token)).body.result;
    expect((await shown()).package_count).toBe(2);
    expect((await shown()).users).toBeUndefined();
    const search = await action('package_search', { fq: 'organization:env-bureau', include_private: 'true' }, member);
    expect((await shown(member)).package_count).toBe(search.body.result.count);
  });

  it('breaks sort ties with the next key, then keeps pages apart', async () => {
    for (const slug of ['same-title-a', 'same-title-b', 'same-title-c']) {
      const input = { slug, title: '同名数据集', description: '排序测试用的数据集。', organization: 'hr-bureau', themes: ['GOV_SOCIAL_SECURITY', 'SOCI'], issued: '2026-01-01', status: 'PUBLISHED', contactPoint: { name: '测试', email: 't@example.gov.cn' } };
      expect((await t.gql(`mutation($input: CreateDatasetInput!) { createDataset(input: $input) { id } }`, { input }, TEST_ADMIN_TOKEN)).body.errors).toBeUndefined();
    }
    const order = async (sort: string) => (await action('package_search', { q: 'title:同名数据集', sort })).body.result.results.map((p: { name: string }) => p.name);
    expect(await order('title_string asc, name desc')).toEqual(['same-title-c', 'same-title-b', 'same-title-a']);
    expect(await order('title_string asc, name asc')).toEqual(['same-title-a', 'same-title-b', 'same-title-c']);
    const pages = [];
    for (let start = 0; start < 3; start++) pages.push(...(await action('package_search', { q: 'title:同名数据集', sort: 'title_string asc, name desc', rows: 1, start })).body.result.results);
    expect(pages.map((p: { name: string }) => p.name)).toEqual(['same-title-c', 'same-title-b', 'same-title-a']);
  });

  describe('with request quotas', () => {
    let limited: TestApp;
    beforeAll(async () => {
      limited = await startTestApp({ rateLimit: { windowSeconds: 60, perIp: 1, perToken: 1 } });
    });
    afterAll(() => limited.close());

    it('answers a request over the quota with 429 in CKAN\'s envelope, and Retry-After', async () => {
      expect((await limited.http.get('/api/3/action/status_show')).status).toBe(200);
      const over = await limited.http.get('/api/3/action/status_show');
      expect(over.status).toBe(429);
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
      expect(over.body).toEqual({ help: 'http://opendata.test/api/3/action/help_show?name=status_show', success: false, error: { __type: 'Rate Limit Error', message: expect.any(String) } });
    });
  });
});
