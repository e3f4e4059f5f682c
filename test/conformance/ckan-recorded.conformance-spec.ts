/**
 * Compares the CKAN-compatible API with real CKAN responses recorded from two CKAN 2.x sites
 * (../shared/data/ckan-recorded-responses, see its SOURCES.txt): every field the recorded package_search,
 * package_show and datastore_search answers carry must be in ours, with the same JSON type where both have a
 * value. The calls go through the `ckan` npm client (okfn ckan.js), as a CKAN tool would make them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { load } from 'js-yaml';
import { airQualityHourlyCsv } from '../../libs/catalog/src/demo/files/air-quality-hourly';
import { TEST_ADMIN_TOKEN, TestApp, startTestApp } from '../support/test-app';
import { sharedData } from './shared-data';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CKAN = require('ckan') as { Client: new (endpoint: string) => { action(name: string, data: object, cb: (err: unknown, body: any) => void): void } };

type Json = Record<string, any>;
interface Recorded {
  action: string;
  /** The query string the recorded client sent. */
  query: URLSearchParams;
  body: Json;
}

/**
 * Fields of one site's broken upload form (`file` holds a Python object's repr, `key` a file stem) that only a
 * few of its resources carry; they are not part of CKAN's resource schema.
 */
const NOT_CKAN_FIELDS = new Set(['resource.file', 'resource.key']);
/**
 * The only recorded resource with a size is one of those broken uploads, where it is text ("14486604"); CKAN's
 * resource schema makes size an integer, which is what ours is.
 */
const TYPE_EXCEPTIONS = new Set(['resource.size']);

function recordedResponses(): Recorded[] {
  const dir = sharedData('ckan-recorded-responses');
  const out: Recorded[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
    const cassette = load(readFileSync(join(dir, name), 'utf8')) as { interactions: Array<{ request: { uri: string }; response: { body: { string: string | Uint8Array } } }> };
    for (const { request, response } of cassette.interactions) {
      const raw = response.body.string;
      const bytes = typeof raw === 'string' ? Buffer.from(raw) : Buffer.from(raw);
      const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
      out.push({ action: /\/api\/3\/action\/([a-z_]+)/.exec(request.uri)![1], query: new URL(request.uri).searchParams, body: JSON.parse(text) });
    }
  }
  return out;
}

const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Field -> JSON types seen with a value, over every object of one kind. */
function shape(objects: Json[]): Map<string, Set<string>> {
  const fields = new Map<string, Set<string>>();
  for (const o of objects) {
    for (const [k, v] of Object.entries(o)) {
      const types = fields.get(k) ?? new Set<string>();
      if (v !== null) types.add(jsonType(v));
      fields.set(k, types);
    }
  }
  return fields;
}

/** What of the recorded shape ours lacks: missing fields, or a different JSON type where both have values. */
function differences(kind: string, recorded: Json[], ours: Json[]): string[] {
  const theirs = shape(recorded);
  const mine = shape(ours);
  const problems: string[] = [];
  for (const [field, types] of theirs) {
    if (NOT_CKAN_FIELDS.has(`${kind}.${field}`)) continue;
    const have = mine.get(field);
    if (!have) problems.push(`${kind}.${field} missing`);
    else if (!TYPE_EXCEPTIONS.has(`${kind}.${field}`) && types.size && have.size && ![...have].every((t) => types.has(t))) problems.push(`${kind}.${field}: ours ${[...have]} vs CKAN ${[...types]}`);
  }
  return problems;
}

describe('CKAN API conformance with recorded CKAN responses', () => {
  const recorded = recordedResponses();
  const of = (action: string) => recorded.filter((r) => r.action === action && r.body.success).map((r) => r.body);
  let t: TestApp;
  let endpoint: string;
  let resourceId: string;
  const call = (name: string, data: object) =>
    new Promise<Json>((resolve, reject) => new CKAN.Client(endpoint).action(name, data, (err, body) => (err ? reject(new Error(String(err))) : resolve(body))));

  beforeAll(async () => {
    t = await startTestApp();
    await t.gql(`mutation { createOrganization(input: { slug: "env-bureau", name: "衡阳市环境保护局", description: "环境质量监测" }) { id } }`, {}, TEST_ADMIN_TOKEN);
    const input = {
      slug: 'air-hourly', title: '衡阳市空气质量小时数据', description: '各监测站点逐小时空气质量指数，含六项污染物浓度。', organization: 'env-bureau',
      themes: ['GOV_ECOLOGY', 'ENVI'], tags: ['空气质量'], status: 'PUBLISHED', issued: '2026-01-01', contactPoint: { name: '监测科', email: 'jck@example.gov.cn' },
    };
    expect((await t.gql(`mutation($input: CreateDatasetInput!) { createDataset(input: $input) { id } }`, { input }, TEST_ADMIN_TOKEN)).body.errors).toBeUndefined();
    const csv = Buffer.from(airQualityHourlyCsv().split('\n').slice(0, 11).join('\n') + '\n');
    const uploaded = await t.http.post('/api/v1/datasets/air-hourly/resources').set('authorization', `Bearer ${TEST_ADMIN_TOKEN}`).field('schema', 'air-quality-hourly').attach('file', csv, '空气.csv');
    expect(uploaded.status).toBe(201);
    resourceId = uploaded.body.resource.id;
    await t.app.listen(0, '127.0.0.1');
    endpoint = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t?.close());

  it('has recorded package_search, package_show and datastore_search answers to compare with', () => {
    expect(of('package_search').length).toBeGreaterThanOrEqual(3);
    expect(of('package_show').length).toBeGreaterThanOrEqual(2);
    expect(of('datastore_search').length).toBeGreaterThanOrEqual(2);
  });

  it('package_search and package_show carry every field of CKAN packages, resources, organizations and tags', async () => {
    const search = await call('package_search', { q: '空气质量', rows: 10 });
    const show = await call('package_show', { id: 'air-hourly' });
    const recordedPackages = [...of('package_search').flatMap((b) => b.result.results), ...of('package_show').map((b) => b.result)];
    const ourPackages = [...search.result.results, show.result];
    expect(ourPackages.length).toBe(2);
    const problems = [
      ...differences('envelope', [...of('package_search'), ...of('package_show')], [search, show]),
      ...differences('package_search', of('package_search').map((b) => b.result), [search.result]),
      ...differences('package', recordedPackages, ourPackages),
      ...differences('resource', recordedPackages.flatMap((p) => p.resources), ourPackages.flatMap((p) => p.resources)),
      ...differences('organization', recordedPackages.map((p) => p.organization).filter(Boolean), ourPackages.map((p) => p.organization)),
      ...differences('tag', recordedPackages.flatMap((p) => p.tags), ourPackages.flatMap((p) => p.tags)),
      ...differences('extra', recordedPackages.flatMap((p) => p.extras), ourPackages.flatMap((p) => p.extras)),
    ];
    expect(problems).toEqual([]);
  });

  it('understands the package_search queries the recorded clients sent (fielded terms, OR, prefixes)', async () => {
    const queries = recorded.filter((r) => r.action === 'package_search').map((r) => Object.fromEntries(r.query));
    expect(queries.map((q) => q.q)).toEqual(expect.arrayContaining(['name:bolsa*', 'title:Contratos || title:Federal']));
    for (const query of queries) {
      const answer = await call('package_search', query);
      expect({ query, success: answer.success }).toEqual({ query, success: true });
    }
  });

  it('datastore_search carries every field of CKAN\'s answer, its fields and its records', async () => {
    const rows = await call('datastore_search', { resource_id: resourceId, limit: 5, offset: 0 });
    expect(rows.success).toBe(true);
    expect(rows.result.records).toHaveLength(5);
    const recorded = of('datastore_search');
    const problems = [
      ...differences('envelope', recorded, [rows]),
      ...differences('datastore_search', recorded.map((b) => b.result), [rows.result]),
      ...differences('field', recorded.flatMap((b) => b.result.fields), rows.result.fields),
      ...differences('_links', recorded.map((b) => b.result._links), [rows.result._links]),
    ];
    expect(problems).toEqual([]);
    // CKAN numbers rows from 1 in _id, which every record carries.
    expect(rows.result.records.map((r: Json) => r._id)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.result.fields[0]).toEqual(recorded[0].result.fields[0]);
  });
});
