import { OBJECT_STORE, ObjectStore } from '@opendata/storage';
import { DataSource } from 'typeorm';
import { airQualityHourlyCsv } from '../../../libs/catalog/src/demo/files/air-quality-hourly';
import { TEST_ADMIN_TOKEN, TestApp, startTestApp } from '../../../test/support/test-app';

const LINES = airQualityHourlyCsv().split('\n').filter((line) => line !== '');
const HEADER = LINES[0].split(',');
const record = (line: string) => Object.fromEntries(HEADER.map((name, i) => [name, line.split(',')[i]]));
/** 100,000 brackets deep: what overflowed the stack (JSON.parse is iterative, JSON.stringify is not). */
const DEEP = '['.repeat(100_000) + ']'.repeat(100_000);

/**
 * What an attacker sent before the platform faced the public, each answered with a 4xx (or a report) naming
 * what is wrong and leaving nothing behind; the route sweep (route-sweep.e2e-spec.ts) covers the NUL byte in
 * every parameter of every route, this file the payloads with more to them.
 */
describe.each([false, true])('bad input, validation threads: %s', (validationThreads) => {
  let t: TestApp;
  let db: DataSource;
  let store: ObjectStore;
  let resourceId: string;

  const upload = (body: Buffer | string, fileName: string) =>
    t.http.post('/api/v1/datasets/air/resources').set('authorization', `Bearer ${TEST_ADMIN_TOKEN}`).field('schema', 'air-quality-hourly').attach('file', Buffer.from(body), fileName);
  const validate = (body: Buffer | string, fileName: string, schema?: string) =>
    t.http.post(`/api/v1/validate${schema ? `?schema=${schema}` : ''}`).attach('file', Buffer.from(body), fileName);
  const leftovers = async () => {
    let objects = 0;
    for await (const _ of store.list('uploads/')) objects++;
    const [{ n: tables }] = await db.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'datastore'`);
    const [{ n: staging }] = await db.query(`SELECT count(*)::int AS n FROM staging_uploads`);
    return { objects, tables, staging };
  };

  beforeAll(async () => {
    t = await startTestApp({ validationThreads });
    db = t.app.get(DataSource);
    store = t.app.get(OBJECT_STORE);
    await t.gql(`mutation { createOrganization(input: { slug: "env", name: "环保局", reviewRequired: false }) { id } }`, {}, TEST_ADMIN_TOKEN);
    await t.gql(
      `mutation { createDataset(input: { slug: "air", title: "空气质量小时数据", description: "逐小时空气质量（测试数据）。", organization: "env", themes: ["GOV_ECOLOGY", "ENVI"], status: PUBLISHED, issued: "2026-01-01", contactPoint: { name: "监测科", phone: "0734-8123456" } }) { id } }`,
      {},
      TEST_ADMIN_TOKEN,
    );
    const published = await upload(LINES.slice(0, 21).join('\n') + '\n', 'air.csv');
    expect(published.status).toBe(201);
    resourceId = published.body.resource.id;
  });
  afterAll(() => t.close());

  it('refuses JSON nested 100,000 deep as a format error: upload 422 {report}, validate 200 {report} with valid false', async () => {
    const before = await leftovers();
    const cases = [
      DEEP,
      JSON.stringify([record(LINES[1])]).replace(/"aqi":"\d+"/, `"aqi":${DEEP}`), // an object nested inside a row
      `${JSON.stringify(record(LINES[1]))}\n{"station_code":${DEEP}}\n`, // NDJSON
    ];
    for (const body of cases) {
      const rejected = await upload(body, 'deep.json');
      expect(rejected.status).toBe(422);
      expect(rejected.body.report).toMatchObject({ valid: false, stats: { 'format-error': 1 } });
      expect(rejected.body.report.errors[0].message).toMatch(/record \d is nested more than 64 levels deep/);
      // POST /api/v1/validate keeps its contract (DESIGN.md): 200 and the report, which says the file is invalid.
      for (const schema of [undefined, 'air-quality-hourly']) {
        const checked = await validate(body, 'deep.json', schema);
        expect(checked.status).toBe(200);
        expect(checked.body.report).toMatchObject({ valid: false, errors: [{ type: 'format-error' }] });
      }
    }
    expect(await leftovers()).toEqual(before);
  });

  it('refuses a NUL character in a file (raw, or written as a JSON escape) and unpaired surrogates, naming where', async () => {
    const before = await leftovers();
    const csv = [LINES[0], LINES[1].replace(/^([^,]*,[^,]*,)/, `$1原${'\u0000'}`), LINES[2]].join('\n') + '\n';
    const raw = await upload(csv, 'nul.csv');
    expect(raw.status).toBe(422);
    expect(raw.body.report.errors[0]).toMatchObject({ type: 'format-error', message: expect.stringContaining(`byte 0x00 (NUL) in position ${Buffer.byteLength(LINES[0]) + 1 + Buffer.byteLength(LINES[1].replace(/^([^,]*,[^,]*,).*/, '$1原'))}`) });
    expect((await validate(csv, 'nul.csv')).body.report.valid).toBe(false);
    const escaped = await upload(JSON.stringify([record(LINES[1]), { ...record(LINES[2]), station_name: 'a\u0000b' }]), 'nul.json');
    expect(escaped.status).toBe(422);
    expect(escaped.body.report.errors[0].message).toMatch(/record 2, field "station_name": .*U\+0000/);
    const surrogate = await upload(JSON.stringify([record(LINES[1])]).replace(/"station_name":"[^"]*"/, '"station_name":"\\ud800"'), 'surrogate.json');
    expect(surrogate.status).toBe(422);
    expect(surrogate.body.report.errors[0].message).toMatch(/record 1, field "station_name": .*surrogate/);
    expect(await leftovers()).toEqual(before);
  });

  it('refuses overlong form fields and file names instead of cutting them, naming them', async () => {
    const longField = await t.http
      .post('/api/v1/datasets/air/resources')
      .set('authorization', `Bearer ${TEST_ADMIN_TOKEN}`)
      .field('schema', 'air-quality-hourly')
      .field('name', '名'.repeat(30_000))
      .attach('file', Buffer.from(LINES.slice(0, 3).join('\n')), 'a.csv');
    expect(longField.status).toBe(400);
    expect(longField.body.details.fields).toEqual([{ path: 'name', message: expect.stringContaining('64 KiB') }]);
    const longName = await upload(LINES.slice(0, 3).join('\n'), `${'站'.repeat(256)}.csv`);
    expect(longName.status).toBe(400);
    expect(longName.body.details.fields[0]).toMatchObject({ path: 'file', message: expect.stringContaining('255') });
  });

  it('checks JSON carried inside text parameters and cursors once decoded', async () => {
    const where = await t.http.get(`/api/v1/resources/${resourceId}/data.csv`).query({ where: '{"station_code":{"eq":"\\u0000"}}' });
    expect(where.status).toBe(400);
    expect(where.body.details.fields[0].path).toBe('where.station_code.eq');
    const filters = await t.http.get('/api/3/action/datastore_search').query({ resource_id: resourceId, filters: '{"station_code":"\\u0000"}' });
    expect(filters.status).toBe(409);
    expect(filters.body.error['filters.station_code']).toEqual([expect.stringContaining('U+0000')]);
    const ckan = await t.http.get('/api/3/action/package_search').query({ fq: `organization:${'\u0000'}` });
    expect(ckan.status).toBe(409);
    expect(ckan.body).toMatchObject({ success: false, error: { __type: 'Validation Error', fq: [expect.stringContaining('U+0000')] } });
    // Cursors are base64 of JSON: a crafted one holding a NUL is not a cursor this API made.
    const rowCursor = Buffer.from(JSON.stringify(['\u0000', 2])).toString('base64url');
    const rows = await t.gql(`query($id: ID!, $after: String) { resource(id: $id) { rows(orderBy: [{ field: "station_code" }], after: $after) { totalCount } } }`, { id: resourceId, after: rowCursor });
    expect(rows.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'after' }] });
    const datasetCursor = Buffer.from(JSON.stringify(['TITLE', '\u0000', '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    const datasets = await t.gql(`query($after: String) { datasets(orderBy: { field: TITLE }, after: $after) { totalCount } }`, { after: datasetCursor });
    expect(datasets.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'after' }] });
  });

  it('answers BAD_USER_INPUT, not 500, to a value PostgreSQL cannot take that no check caught first', async () => {
    // Year 0 passes a YYYY-MM-DD pattern, but PostgreSQL has no year 0 (a data exception, SQLSTATE 22008).
    const res = await t.gql(`mutation { setCalendarDay(input: { day: "0000-01-01", working: false, name: "x" }) { day } }`, {}, TEST_ADMIN_TOKEN);
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('out of range') });
  });

  it('refuses request bodies nested past 64 levels, in GraphQL variables and CKAN bodies, naming where', async () => {
    // 30,000 deep: within the 100 kB a JSON body may have.
    const deep = '['.repeat(30_000) + ']'.repeat(30_000);
    const variables = await t.http
      .post('/graphql')
      .set('authorization', `Bearer ${TEST_ADMIN_TOKEN}`)
      .set('content-type', 'application/json')
      .send(`{"query":"mutation($d: JSONObject!) { registerSchema(organization: \\"env\\", document: $d) { id } }","variables":{"d":{"a":${deep}}}}`);
    expect(variables.status).toBe(400);
    expect(variables.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: `$d.a${'.0'.repeat(62)}`, message: expect.stringContaining('64') }] });
    const ckan = await t.http.post('/api/3/action/datastore_search').set('content-type', 'application/json').send(`{"resource_id":"${resourceId}","filters":{"a":${deep}}}`);
    expect(ckan.status).toBe(409);
    expect(Object.keys(ckan.body.error).find((k) => k.startsWith('filters.a'))).toBeDefined();
  });
});
