import { OBJECT_STORE, ObjectStore } from '@opendata/storage';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { airQualityHourlyCsv } from '../../../libs/catalog/src/demo/files/air-quality-hourly';
import { TEST_ADMIN_TOKEN, TestApp, startTestApp, userWithRole } from '../../../test/support/test-app';

const FIXTURES = join(__dirname, '../../../schemas/fixtures');
const fixture = (path: string) => readFileSync(join(FIXTURES, path));

// Every case runs with validation in the request's thread (the default) and on a validation thread.
describe.each([false, true])('uploads (POST /api/v1/datasets/:dataset/resources), validation threads: %s', (validationThreads) => {
  let t: TestApp;
  let editor: string;
  let outsider: string;
  let db: DataSource;
  let store: ObjectStore;

  const upload = (file: Buffer, fileName: string, fields: Record<string, string> = { schema: 'air-quality-hourly' }, token = editor, dataset = 'air') => {
    const req = t.http.post(`/api/v1/datasets/${dataset}/resources`);
    if (token) req.set('authorization', `Bearer ${token}`);
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    return req.attach('file', file, fileName);
  };
  const stagingObjects = async () => {
    const keys: string[] = [];
    for await (const o of store.list('uploads/')) keys.push(o.key);
    return keys;
  };
  const rowTables = async () => (await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'datastore'`)).map((r: { tablename: string }) => r.tablename);

  beforeAll(async () => {
    t = await startTestApp({ validationThreads });
    db = t.app.get(DataSource);
    store = t.app.get(OBJECT_STORE);
    await t.gql(`mutation { a: createOrganization(input: { slug: "env-bureau", name: "衡阳市环境保护局", reviewRequired: false }) { id } b: createOrganization(input: { slug: "other-bureau", name: "另一局" }) { id } }`, {}, TEST_ADMIN_TOKEN);
    editor = await userWithRole(t.app, 'editor', { organizationSlug: 'env-bureau', role: 'editor' });
    outsider = await userWithRole(t.app, 'outsider', { organizationSlug: 'other-bureau', role: 'editor' });
    const created = await t.gql(
      `mutation($input: CreateDatasetInput!) { createDataset(input: $input) { id } }`,
      {
        input: {
          slug: 'air', title: '衡阳市空气质量小时数据', description: '各站点逐小时空气质量（测试数据）。', organization: 'env-bureau',
          themes: ['GOV_ECOLOGY', 'ENVI'], status: 'PUBLISHED', issued: '2026-01-01', contactPoint: { name: '监测科', phone: '0734-8123456' },
        },
      },
      editor,
    );
    expect(created.body.errors).toBeUndefined();
  });
  afterAll(() => t.close());

  it('publishes a valid file: a version, its rows in a typed table, the original object, a report', async () => {
    const csv = Buffer.from(airQualityHourlyCsv().split('\n').slice(0, 501).join('\n') + '\n');
    const res = await upload(csv, '衡阳空气质量.csv', { schema: 'air-quality-hourly', name: '小时数据' });
    expect(res.status).toBe(201);
    expect(res.body.report).toMatchObject({ valid: true, rowCount: 500, errorCount: 0, encoding: 'utf-8', format: 'csv', schemaId: 'air-quality-hourly' });
    const version = (await db.query(`SELECT * FROM resource_versions WHERE resource_id = $1`, [res.body.resource.id]))[0];
    expect(version).toMatchObject({ version: 1, row_count: '500', format: 'CSV', schema_id: 'air-quality-hourly', file_name: '衡阳空气质量.csv' });
    const rows = await db.query(`SELECT count(*)::int AS n, max(aqi) AS max_aqi, min(time) AS first FROM datastore."${version.datastore_table}"`);
    expect(rows[0].n).toBe(500);
    expect(typeof rows[0].max_aqi).toBe('string'); // bigint column
    const stored = await store.stat(version.object_key);
    expect(stored?.size).toBe(csv.length);
    expect(version.sha256).toBe(createHash('sha256').update(csv).digest('hex'));
    const report = await t.gql(`query($id: ID!) { resource(id: $id) { version rowCount schemaId report { valid rowCount encoding } } }`, { id: res.body.resource.id });
    expect(report.body.data?.resource).toEqual({ version: 1, rowCount: 500, schemaId: 'air-quality-hourly', report: { valid: true, rowCount: 500, encoding: 'utf-8' } });
  });

  it('rejects an invalid file with 422 and leaves nothing behind: no version, no table, no object', async () => {
    const before = { objects: await stagingObjects(), tables: await rowTables(), versions: (await db.query(`SELECT count(*)::int AS n FROM resource_versions`))[0].n };
    const res = await upload(fixture('air-quality-hourly/invalid/aqi-rule-mismatch.csv'), 'bad.csv');
    expect(res.status).toBe(422);
    expect(res.body.report.valid).toBe(false);
    expect(res.body.report.errors.map((e: { type: string }) => e.type)).toContain('row-constraint');
    expect(await stagingObjects()).toEqual(before.objects);
    expect(await rowTables()).toEqual(before.tables);
    expect((await db.query(`SELECT count(*)::int AS n FROM resource_versions`))[0].n).toBe(before.versions);
    const kept = await t.gql(`query($id: ID!) { uploadReport(id: $id) { status report { valid errorCount } } }`, { id: res.body.reportId }, editor);
    expect(kept.body.data?.uploadReport).toMatchObject({ status: 'REJECTED', report: { valid: false } });
  });

  it('finds duplicate primary keys in the database, beyond what memory holds', async () => {
    const res = await upload(fixture('air-quality-hourly/invalid/duplicate-primary-key.csv'), 'dup.csv');
    expect(res.status).toBe(422);
    const expected = JSON.parse(fixture('air-quality-hourly/invalid/duplicate-primary-key.expected.json').toString()).errors;
    expect(res.body.report.errors.map((e: { type: string; rowNumber: number }) => [e.type, e.rowNumber])).toEqual(
      expected.map((e: { type: string; rowNumber: number }) => [e.type, e.rowNumber]),
    );
  });

  it('refuses personal data', async () => {
    const res = await upload(fixture('housing-allocation/invalid/unmasked-resident-id.csv'), 'h.csv', { schema: 'housing-allocation' });
    expect(res.status).toBe(422);
    expect(res.body.report.stats['personal-data']).toBeGreaterThan(0);
    expect(JSON.stringify(res.body.report)).not.toMatch(/\d{17}[\dX]/); // the report does not repeat the ID
  });

  it('reads a GBK file and stores its rows as text', async () => {
    const utf8 = airQualityHourlyCsv().split('\n').slice(0, 11).join('\n') + '\n';
    const encoded = encodeGb18030(utf8);
    const res = await upload(encoded, 'gbk.csv');
    expect(res.status).toBe(201);
    expect(res.body.report.encoding).toBe('gb18030');
    const version = (await db.query(`SELECT datastore_table FROM resource_versions WHERE resource_id = $1`, [res.body.resource.id]))[0];
    const names = await db.query(`SELECT DISTINCT station_name FROM datastore."${version.datastore_table}"`);
    expect(names.length).toBeGreaterThan(0);
    for (const { station_name } of names) expect(utf8).toContain(station_name);
  });

  it('adds a version to an existing resource, inheriting its schema', async () => {
    const first = await upload(Buffer.from(airQualityHourlyCsv().split('\n').slice(0, 3).join('\n') + '\n'), 'v1.csv');
    const second = await upload(Buffer.from(airQualityHourlyCsv().split('\n').slice(0, 5).join('\n') + '\n'), 'v2.csv', { resource: first.body.resource.id });
    expect(second.status).toBe(201);
    expect(second.body.resource).toEqual({ id: first.body.resource.id, version: 2, pendingReview: false });
    expect(second.body.report.rowCount).toBe(4);
    // Each version keeps its own report, readable beside the latest one.
    const res = await t.gql(`query($id: ID!) { resource(id: $id) { report { rowCount } versions { version report { valid rowCount } } } }`, { id: first.body.resource.id }, TEST_ADMIN_TOKEN);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.resource.report.rowCount).toBe(4);
    expect(res.body.data?.resource.versions).toEqual([
      { version: 2, report: { valid: true, rowCount: 4 } },
      { version: 1, report: { valid: true, rowCount: 2 } },
    ]);
  });

  it('requires a token, write rights on the dataset, a schema and a file', async () => {
    const csv = Buffer.from(airQualityHourlyCsv().split('\n').slice(0, 3).join('\n'));
    expect((await upload(csv, 'a.csv', undefined, '')).status).toBe(401);
    const forbidden = await upload(csv, 'a.csv', { schema: 'air-quality-hourly' }, outsider);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    const noSchema = await upload(csv, 'a.csv', {});
    expect(noSchema.status).toBe(400);
    expect(noSchema.body.details.fields[0].path).toBe('schema');
    expect((await upload(csv, 'a.csv', { schema: 'no-such-schema' })).status).toBe(404);
    expect((await upload(csv, 'a.csv', undefined, editor, 'no-such-dataset')).status).toBe(404);
    const noFile = await t.http.post('/api/v1/datasets/air/resources').set('authorization', `Bearer ${editor}`).field('schema', 'air-quality-hourly');
    expect(noFile.status).toBe(400);
  });

  it('validates without storing (POST /api/v1/validate), with and without a schema', async () => {
    const objects = await stagingObjects();
    const withSchema = await t.http.post('/api/v1/validate?schema=air-quality-hourly').attach('file', fixture('air-quality-hourly/invalid/type-error.csv'), 'x.csv');
    expect(withSchema.status).toBe(200);
    expect(withSchema.body.report.stats['type-error']).toBeGreaterThan(0);
    const structureOnly = await t.http.post('/api/v1/validate').attach('file', fixture('air-quality-hourly/invalid/type-error.csv'), 'x.csv');
    expect(structureOnly.body.report).toMatchObject({ valid: true, schemaId: null });
    expect(await stagingObjects()).toEqual(objects);
  });
});

/** GB18030 bytes of a text (Node has no GB18030 encoder; the test builds them from the decoder's table). */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const code = table.get(ch);
      if (!code) throw new Error(`no two-byte GB18030 code for ${ch}`);
      bytes.push(...code);
    }
  }
  return Buffer.from(bytes);
}
