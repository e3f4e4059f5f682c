import { SYSTEM } from '@opendata/auth';
import { DCAT_PAGE_SIZE, DatasetService, OrganizationService } from '@opendata/catalog';
import { Parser, Store } from 'n3';
import { TestApp, startTestApp, userWithRole } from '../../../test/support/test-app';

const DCAT_DATASET = 'http://www.w3.org/ns/dcat#Dataset';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const BASE = 'http://opendata.test';

const record = (slug: string, status: 'published' | 'draft') => ({
  slug,
  title: `衡阳市空气质量数据 ${slug}`,
  description: '衡阳市各监测站点的空气质量数据（测试数据）。',
  organization: 'env-bureau',
  themes: ['GOV_ECOLOGY', 'ENVI'],
  tags: ['空气质量'],
  updateFrequency: '每日' as const,
  issued: '2018-01-01',
  contactPoint: { name: '环境监测科', email: 'monitoring@env.example.org' },
  status,
});

describe('DCAT-AP and schema.org routes', () => {
  let t: TestApp;
  let editor: string;
  /** More than one page, so the stream crosses page boundaries. */
  const publishedCount = DCAT_PAGE_SIZE + 3;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(OrganizationService).create(SYSTEM, { slug: 'hy-government', name: '衡阳市人民政府', nameEn: "Hengyang Municipal People's Government" });
    await t.app.get(OrganizationService).create(SYSTEM, { slug: 'env-bureau', name: '衡阳市环境保护局', parentSlug: 'hy-government' });
    const datasets = t.app.get(DatasetService);
    for (let i = 0; i < publishedCount; i++) await datasets.create(SYSTEM, record(`air-${String(i).padStart(3, '0')}`, 'published'));
    await datasets.create(SYSTEM, record('air-draft', 'draft'));
    editor = await userWithRole(t.app, 'env-editor', { organizationSlug: 'env-bureau', role: 'editor' });
  }, 120_000);

  afterAll(() => t.close());

  const datasetsIn = (store: Store) => store.getSubjects(RDF_TYPE, DCAT_DATASET, null).map((s) => s.value);

  it('streams the whole catalogue as Turtle: every published dataset once, no drafts', async () => {
    const res = await t.http.get('/catalog.ttl');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/turtle; charset=utf-8');
    const store = new Store(new Parser().parse(res.text));
    const datasets = datasetsIn(store);
    expect(datasets).toHaveLength(publishedCount);
    expect(new Set(datasets).size).toBe(publishedCount);
    expect(datasets).not.toContain(`${BASE}/datasets/air-draft`);
    expect(store.getObjects(`${BASE}/catalog`, 'http://www.w3.org/ns/dcat#dataset', null)).toHaveLength(publishedCount);
    expect(store.getObjects(`${BASE}/catalog`, 'http://purl.org/dc/terms/publisher', null).map((o) => o.value)).toEqual([`${BASE}/organizations/hy-government`]);
  });

  it('serves the same catalogue as JSON-LD with an embedded context', async () => {
    const res = await t.http.get('/catalog.jsonld');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const doc = JSON.parse(res.text);
    expect(typeof doc['@context']).toBe('object');
    const ids = doc['@graph'].filter((n: { '@type'?: string[] }) => n['@type']?.includes('dcat:Dataset')).map((n: { '@id': string }) => n['@id']);
    expect(ids).toHaveLength(publishedCount);
    expect(ids).not.toContain(`${BASE}/datasets/air-draft`);
  });

  it('serves one dataset as JSON-LD and Turtle', async () => {
    const json = await t.http.get('/datasets/air-001.jsonld');
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const node = JSON.parse(json.text)['@graph'].find((n: { '@id': string }) => n['@id'] === `${BASE}/datasets/air-001`);
    expect(node['dct:accrualPeriodicity']).toEqual([{ '@id': 'http://publications.europa.eu/resource/authority/frequency/DAILY' }]);
    const ttl = await t.http.get('/datasets/air-001.ttl');
    expect(ttl.status).toBe(200);
    expect(ttl.headers['content-type']).toBe('text/turtle; charset=utf-8');
    expect(datasetsIn(new Store(new Parser().parse(ttl.text)))).toEqual([`${BASE}/datasets/air-001`]);
  });

  it('serves a schema.org Dataset for search engines', async () => {
    const res = await t.http.get('/datasets/air-002.schema.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(res.body).toMatchObject({ '@context': 'https://schema.org/', '@type': 'Dataset', name: '衡阳市空气质量数据 air-002' });
    expect(res.body.includedInDataCatalog.name).toBe('衡阳市人民政府数据开放目录');
  });

  it('answers an unknown slug with a JSON 404 in every format', async () => {
    for (const path of ['/datasets/no-such-dataset.jsonld', '/datasets/no-such-dataset.ttl', '/datasets/no-such-dataset.schema.json']) {
      const res = await t.http.get(path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.code).toBe('NOT_FOUND');
    }
  });

  it('hides drafts from anonymous callers and shows them to their editors', async () => {
    for (const path of ['/datasets/air-draft.jsonld', '/datasets/air-draft.ttl', '/datasets/air-draft.schema.json']) {
      expect((await t.http.get(path)).status).toBe(404);
      expect((await t.http.get(path).set('authorization', `Bearer ${editor}`)).status).toBe(200);
    }
    const catalog = await t.http.get('/catalog.ttl').set('authorization', `Bearer ${editor}`);
    expect(catalog.text).not.toContain('air-draft');
  });
});
