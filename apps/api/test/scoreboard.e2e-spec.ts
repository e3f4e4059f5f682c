import { DownloadCounterService } from '../../../apps/api/src/downloads/download-counter.service';
import { DataSource } from 'typeorm';
import { airQualityHourlyCsv } from '@opendata/demo';
import { TEST_ADMIN_TOKEN, TestApp, startTestApp, userWithRole } from '../../../test/support/test-app';

const datasetInput = (slug: string, extra: Record<string, unknown> = {}) => ({
  slug,
  title: `衡阳市空气质量 ${slug}`,
  description: '各站点逐小时空气质量（测试数据）。',
  organization: 'env-bureau',
  themes: ['GOV_ECOLOGY', 'ENVI'],
  status: 'PUBLISHED',
  issued: '2026-01-01',
  contactPoint: { name: '监测科', phone: '0734-8123456' },
  ...extra,
});

const SCORE_FIELDS = `organization { slug } planItems planItemsPublished ledPlanItems publishedPlanItems publishedDatasets onTimeRate
  validationPassRate uploads dataRequests answeredRequests medianResponseDays withdrawnDatasets`;

describe('catalogue totals, the openness plan and the scoreboard', () => {
  let t: TestApp;
  let editor: string;
  const ids: Record<string, string> = {};

  const admin = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(query, variables, TEST_ADMIN_TOKEN);
    expect(res.body.errors).toBeUndefined();
    return res.body.data as Record<string, any>;
  };
  const createDataset = async (input: Record<string, unknown>) =>
    (await admin(`mutation($input: CreateDatasetInput!) { createDataset(input: $input) { id planItem } }`, { input })).createDataset;
  const upload = (csv: string, dataset: string) =>
    t.http.post(`/api/v1/datasets/${dataset}/resources`).set('authorization', `Bearer ${TEST_ADMIN_TOKEN}`).field('schema', 'air-quality-hourly').attach('file', Buffer.from(csv), 'air.csv');
  const csvRows = (n: number) => airQualityHourlyCsv().split('\n').slice(0, n + 1).join('\n') + '\n';
  const scoreOf = async (slug: string) =>
    ((await t.gql(`{ scoreboard { ${SCORE_FIELDS} } }`)).body.data?.scoreboard as Array<{ organization: { slug: string } }>).find((s) => s.organization.slug === slug) as Record<string, any>;

  beforeAll(async () => {
    t = await startTestApp();
    await admin(`mutation {
      g: createOrganization(input: { slug: "hy-government", name: "衡阳市人民政府" }) { id }
      e: createOrganization(input: { slug: "env-bureau", name: "衡阳市环境保护局", parentSlug: "hy-government" }) { id }
      f: createOrganization(input: { slug: "finance-bureau", name: "衡阳市财政局", parentSlug: "hy-government" }) { id }
    }`);
    editor = await userWithRole(t.app, 'env-editor', { organizationSlug: 'env-bureau', role: 'editor' });
    await admin(`mutation { a: setPlanItemLeads(planItem: 9, organizations: ["env-bureau"]) { number } b: setPlanItemLeads(planItem: 10, organizations: ["env-bureau"]) { number }
      c: setPlanItemLeads(planItem: 26, organizations: ["finance-bureau"]) { number } }`);
    ids.hourly = (await createDataset(datasetInput('air-hourly', { planItem: 10 }))).id;
    ids.daily = (await createDataset(datasetInput('air-daily', { planItem: 10, updateFrequency: 'DAILY' }))).id;
    ids.withdrawn = (await createDataset(datasetInput('air-old', { planItem: 10 }))).id;
    ids.draft = (await createDataset(datasetInput('safety-draft', { planItem: 9, status: 'DRAFT' }))).id;
    ids.unplanned = (await createDataset(datasetInput('air-misc'))).id;
  });
  afterAll(() => t.close());

  describe('Dataset.planItem', () => {
    it('is part of the catalogue record: stored, read back, checked against the plan, cleared with null', async () => {
      const read = await t.gql(`{ dataset(slug: "air-hourly") { planItem } }`);
      expect(read.body.data?.dataset.planItem).toBe(10);
      const bad = await t.gql(`mutation($id: ID!) { updateDataset(id: $id, input: { planItem: 40 }) { planItem } }`, { id: ids.unplanned }, editor);
      expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.body.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ path: 'planItem' })]);
      const set = await t.gql(`mutation($id: ID!) { updateDataset(id: $id, input: { planItem: 26 }) { planItem } }`, { id: ids.draft }, editor);
      expect(set.body.data?.updateDataset.planItem).toBe(26);
      const cleared = await t.gql(`mutation($id: ID!) { updateDataset(id: $id, input: { planItem: null }) { planItem } }`, { id: ids.draft }, editor);
      expect(cleared.body.data?.updateDataset.planItem).toBeNull();
      await t.gql(`mutation($id: ID!) { updateDataset(id: $id, input: { planItem: 9 }) { planItem } }`, { id: ids.draft }, editor);
    });
  });

  describe('planItems', () => {
    it('lists the 39 items with the plan\'s lead units, this installation\'s leads and published datasets', async () => {
      const res = await t.gql(`{ planItems { number title leadUnits leads { slug } publishedDatasets } }`);
      const items = res.body.data?.planItems as Array<Record<string, any>>;
      expect(items.map((i) => i.number)).toEqual(Array.from({ length: 39 }, (_, i) => i + 1));
      expect(items[9]).toEqual({ number: 10, title: '环境保护监管信息公开', leadUnits: ['市环保局'], leads: [{ slug: 'env-bureau' }], publishedDatasets: 3 });
      expect(items[8]).toMatchObject({ leads: [{ slug: 'env-bureau' }], publishedDatasets: 0 });
      expect(items[1]).toMatchObject({ leadUnits: [], leads: [] });
    });

    it('has its leads assigned by system administrators only, and only to existing organizations', async () => {
      const denied = await t.gql(`mutation { setPlanItemLeads(planItem: 1, organizations: ["env-bureau"]) { number } }`, {}, editor);
      expect(denied.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const unknown = await t.gql(`mutation { setPlanItemLeads(planItem: 1, organizations: ["no-such-org"]) { number } }`, {}, TEST_ADMIN_TOKEN);
      expect(unknown.body.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ path: 'organizations' })]);
      const outOfPlan = await t.gql(`mutation { setPlanItemLeads(planItem: 40, organizations: []) { number } }`, {}, TEST_ADMIN_TOKEN);
      expect(outOfPlan.body.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ path: 'planItem' })]);
      const [{ n }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM audit_log WHERE table_name = 'plan_item_leads'`);
      expect(n).toBe(3);
    });
  });

  describe('figures', () => {
    let rows: number;

    beforeAll(async () => {
      const published = await upload(csvRows(24), 'air-hourly');
      expect(published.status).toBe(201);
      rows = published.body.report.rowCount;
      const bad = csvRows(3).replace(/\n([^,\n]+),/, '\n,');
      expect((await upload(bad, 'air-hourly')).status).toBe(422);
      expect((await upload(bad, 'air-daily')).status).toBe(422);
      const download = await t.http.get(`/api/v1/resources/${published.body.resource.id}/download`);
      expect(download.status).toBe(200);
      await t.app.get(DownloadCounterService).settled();
      await admin(`mutation($id: ID!) { withdrawDataset(id: $id, reason: "数据口径调整，暂停公开") { id } }`, { id: ids.withdrawn });
      // Three requests: two answered after 2 and 4 days, one pending.
      const ask = async () => (await admin(`mutation { requestData(input: { organization: "env-bureau", title: "噪声数据", description: "请公开功能区噪声监测数据" }) { id } }`)).requestData.id as string;
      const answered = [await ask(), await ask()];
      await ask();
      await admin(`mutation($id: ID!) { respondToDataRequest(id: $id, input: { action: ACCEPT, link: "/datasets/air-hourly" }) { id } }`, { id: answered[0] });
      await admin(`mutation($id: ID!) { respondToDataRequest(id: $id, input: { action: DECLINE, response: "不属于本机关职责" }) { id } }`, { id: answered[1] });
      const db = t.app.get(DataSource);
      await db.query(`UPDATE data_requests SET created_at = responded_at - interval '2 days' WHERE id = $1`, [answered[0]]);
      await db.query(`UPDATE data_requests SET created_at = responded_at - interval '4 days' WHERE id = $1`, [answered[1]]);
    });

    it('catalogStats counts what the public sees', async () => {
      const res = await t.gql(`{ catalogStats { datasets organizations resources rows downloads } }`);
      // air-hourly, air-daily, air-misc (air-old withdrawn, safety-draft a draft); one file with a released version.
      expect(res.body.data?.catalogStats).toEqual({ datasets: 3, organizations: 1, resources: 1, rows, downloads: 1 });
      expect(rows).toBe(24);
    });

    it('scores every organization from the platform\'s records', async () => {
      const env = await scoreOf('env-bureau');
      expect(env).toMatchObject({
        planItems: 2,
        planItemsPublished: 1,
        ledPlanItems: [9, 10],
        publishedPlanItems: [10],
        publishedDatasets: 3,
        uploads: 3,
        validationPassRate: 1 / 3,
        dataRequests: 3,
        answeredRequests: 2,
        medianResponseDays: 3,
        withdrawnDatasets: 1,
      });
      // The on-time rate is the timeliness service's (its unit test shows a rate passing through).
      const timeliness = await t.gql(`{ organizationTimeliness { organization { slug } onTimeRate } }`);
      expect(timeliness.body.errors).toBeUndefined();
      const envTimeliness = timeliness.body.data?.organizationTimeliness.find((r: { organization: { slug: string } }) => r.organization.slug === 'env-bureau');
      expect(env.onTimeRate).toBe(envTimeliness?.onTimeRate ?? null);
      expect(await scoreOf('finance-bureau')).toEqual({
        organization: { slug: 'finance-bureau' },
        planItems: 1,
        planItemsPublished: 0,
        ledPlanItems: [26],
        publishedPlanItems: [],
        publishedDatasets: 0,
        onTimeRate: null,
        validationPassRate: null,
        uploads: 0,
        dataRequests: 0,
        answeredRequests: 0,
        medianResponseDays: null,
        withdrawnDatasets: 0,
      });
      const board = await t.gql(`{ scoreboard { organization { slug } } }`);
      expect(board.body.data?.scoreboard.map((s: { organization: { slug: string } }) => s.organization.slug).sort()).toEqual(['env-bureau', 'finance-bureau', 'hy-government']);
    });

    it('keeps rejected uploads in the pass rate after their reports expire', async () => {
      await t.app.get(DataSource).query(`DELETE FROM upload_reports WHERE status = 'rejected'`);
      expect((await scoreOf('env-bureau')).validationPassRate).toBe(1 / 3);
    });

    it('gives Organization.score the figures of the scoreboard', async () => {
      const res = await t.gql(`{ organizations { slug score { ${SCORE_FIELDS} } } }`);
      const env = res.body.data?.organizations.find((o: { slug: string }) => o.slug === 'env-bureau');
      expect(env.score).toEqual(await scoreOf('env-bureau'));
      const one = await t.gql(`{ organization(slug: "finance-bureau") { score { planItems publishedDatasets } } }`);
      expect(one.body.data?.organization.score).toEqual({ planItems: 1, publishedDatasets: 0 });
    });

    it('serves the scoreboard as CSV with Chinese headers, one row per organization, BOM on request', async () => {
      const res = await t.http.get('/api/v1/scoreboard.csv');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment;/);
      const lines = res.text.trimEnd().split('\r\n');
      expect(res.text.charCodeAt(0)).not.toBe(0xfeff);
      expect(lines[0]).toBe('机构名称,机构标识,牵头计划事项数,已有数据发布的牵头事项数,牵头计划事项,已有数据发布的牵头事项,已发布数据集数,按时更新率,校验通过率,上传校验次数,依申请公开申请数,已答复申请数,答复用时中位数(天),撤回数据集数');
      expect(lines).toHaveLength(4);
      const env = lines.find((l) => l.startsWith('衡阳市环境保护局,'))!.split(',');
      const onTime = (await scoreOf('env-bureau')).onTimeRate as number | null;
      expect(env).toEqual(['衡阳市环境保护局', 'env-bureau', '2', '1', '9;10', '10', '3', onTime === null ? '' : String(Math.round(onTime * 10_000) / 10_000), '0.3333', '3', '3', '2', '3', '1']);
      expect(lines.find((l) => l.startsWith('衡阳市财政局,'))).toBe('衡阳市财政局,finance-bureau,1,0,26,,0,,,0,0,0,,0');
      const excel = await t.http.get('/api/v1/scoreboard.csv?bom=1');
      expect(excel.text.charCodeAt(0)).toBe(0xfeff);
    });
  });
});
