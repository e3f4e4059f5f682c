import { TEST_ADMIN_TOKEN, TestApp, startTestApp } from '../../../test/support/test-app';

const SEARCH = `query($q: String!) { datasets(search: $q) { totalCount edges { node { slug title } } facets { tags { key count } } } }`;
const CREATE_ORG = `mutation { createOrganization(input: { slug: "water-bureau", name: "衡阳市水利局" }) { id } }`;
const CREATE = `mutation($input: CreateDatasetInput!) { createDataset(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateDatasetInput!) { updateDataset(id: $id, input: $input) { id } }`;

const published = (slug: string, title: string) => ({
  slug,
  title,
  description: '衡阳市主要河流断面水位与流量的逐日监测记录（测试数据）。',
  organization: 'water-bureau',
  themes: ['GOV_ECOLOGY', 'ENVI'],
  tags: ['水文'],
  status: 'PUBLISHED',
  issued: '2026-01-01',
  contactPoint: { name: '水文科', phone: '0734-8123456' },
});

describe('search cache', () => {
  let a: TestApp;
  let b: TestApp;
  const search = async (app: TestApp, q: string) => (await app.gql(SEARCH, { q })).body.data!.datasets;

  beforeAll(async () => {
    a = await startTestApp({ searchCacheSeconds: 300 });
    b = await startTestApp({ searchCacheSeconds: 300 }, a);
    await a.gql(CREATE_ORG, {}, TEST_ADMIN_TOKEN);
    await a.gql(CREATE, { input: published('river-levels', '衡阳市河道水位日报') }, TEST_ADMIN_TOKEN);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('never serves a result older than a write of the same process', async () => {
    expect((await search(a, '水位')).totalCount).toBe(1);
    await a.gql(CREATE, { input: published('river-flow', '衡阳市河道流量与水位') }, TEST_ADMIN_TOKEN);
    expect((await search(a, '水位')).totalCount).toBe(2);
  });

  it('drops cached results when another process writes', async () => {
    const before = await search(b, '水位');
    const id = (await a.gql(`{ dataset(slug: "river-flow") { id } }`)).body.data!.dataset.id;
    await a.gql(UPDATE, { id, input: { tags: ['水文', '流量'] } }, TEST_ADMIN_TOKEN);
    let after = before;
    for (let i = 0; i < 50 && JSON.stringify(after) === JSON.stringify(before); i++) {
      await new Promise((r) => setTimeout(r, 20));
      after = await search(b, '水位');
    }
    expect(after.facets.tags).toContainEqual({ key: '流量', count: 1 });
  });

  it('answers from another process exactly after a write, without waiting for the change feed', async () => {
    // b's index is in memory: the write through a must be visible to b's very next search.
    for (let i = 0; i < 5; i++) {
      await a.gql(CREATE, { input: published(`gauge-${i}`, `衡阳市雨量站${i}号观测`) }, TEST_ADMIN_TOKEN);
      expect((await search(b, '雨量站')).totalCount).toBe(i + 1);
    }
  });

  it('serves members fresh results, including drafts, and the public the cached view', async () => {
    await search(b, '日报');
    await a.gql(CREATE, { input: { ...published('river-draft', '衡阳市河道水位日报（草稿）'), status: 'DRAFT' } }, TEST_ADMIN_TOKEN);
    const admin = await b.gql(SEARCH, { q: '日报' }, TEST_ADMIN_TOKEN);
    expect(admin.body.data!.datasets.edges.map((e: { node: { slug: string } }) => e.node.slug)).toContain('river-draft');
    expect((await search(b, '日报')).edges.map((e: { node: { slug: string } }) => e.node.slug)).not.toContain('river-draft');
  });
});
