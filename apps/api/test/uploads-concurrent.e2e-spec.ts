import { airQualityHourlyCsv } from '../../../libs/catalog/src/demo/files/air-quality-hourly';
import { TEST_ADMIN_TOKEN, TestApp, startTestApp } from '../../../test/support/test-app';

describe('concurrent uploads to one dataset', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.gql(`mutation { createOrganization(input: { slug: "env-bureau", name: "衡阳市环境保护局" }) { id } }`, {}, TEST_ADMIN_TOKEN);
    const created = await t.gql(
      `mutation($input: CreateDatasetInput!) { createDataset(input: $input) { id } }`,
      { input: { slug: 'air', title: '衡阳市空气质量数据', description: '各站点逐小时空气质量（测试数据）。', organization: 'env-bureau', themes: ['GOV_ECOLOGY', 'ENVI'], issued: '2026-01-01', contactPoint: { name: '监测科', phone: '0734-8123456' }, status: 'PUBLISHED' } },
      TEST_ADMIN_TOKEN,
    );
    expect(created.body.errors).toBeUndefined();
  });
  afterAll(() => t.close());

  it('publishes each of them, as separate resources, without a deadlock', async () => {
    const csv = Buffer.from(airQualityHourlyCsv().split('\n').slice(0, 1501).join('\n') + '\n');
    const upload = (name: string) =>
      t.http.post('/api/v1/datasets/air/resources').set('authorization', `Bearer ${TEST_ADMIN_TOKEN}`).field('schema', 'air-quality-hourly').field('name', name).attach('file', csv, `${name}.csv`);
    const results = await Promise.all(['一', '二', '三'].map((n) => upload(`站点数据${n}`)));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    const res = await t.gql(`{ dataset(slug: "air") { resources { name rowCount } } }`);
    expect(res.body.data?.dataset.resources.map((r: { name: string }) => r.name).sort()).toEqual(['站点数据一', '站点数据三', '站点数据二'].sort());
  });
});
