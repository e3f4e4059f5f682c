import { Clock, DEADLINE_RULES_VERSION, DeadlineRepository } from '@opendata/catalog';
import { PeriodicJobs } from '@opendata/jobs';
import { DataSource } from 'typeorm';
import { airQualityHourlyCsv } from '../../../libs/catalog/src/demo/files/air-quality-hourly';
import { TEST_ADMIN_TOKEN, TestApp, startTestApp, userWithRole } from '../../../test/support/test-app';

const DAY_MS = 86_400_000;

const datasetInput = (slug: string, extra: Record<string, unknown> = {}) => ({
  slug,
  title: '衡阳市空气质量小时数据',
  description: '各站点逐小时空气质量（测试数据）。',
  organization: 'env-bureau',
  themes: ['GOV_ECOLOGY', 'ENVI'],
  status: 'PUBLISHED',
  issued: '2026-01-01',
  contactPoint: { name: '监测科', phone: '0734-8123456' },
  ...extra,
});

describe('supervision: negative list, deadlines, data requests, upload limits', () => {
  let t: TestApp;
  let orgAdmin: string;
  let editor: string;
  let outsider: string;

  const createDataset = (input: Record<string, unknown>, token = TEST_ADMIN_TOKEN) =>
    t.gql(`mutation($input: CreateDatasetInput!) { createDataset(input: $input) { id slug } }`, { input }, token);
  const upload = (csv: string, dataset = 'air', token = editor) =>
    t.http.post(`/api/v1/datasets/${dataset}/resources`).set('authorization', `Bearer ${token}`).field('schema', 'air-quality-hourly').attach('file', Buffer.from(csv), 'air.csv');
  const addRule = (input: Record<string, unknown>, token = TEST_ADMIN_TOKEN) =>
    t.gql(`mutation($input: NegativeRuleInput!) { addNegativeRule(input: $input) { id kind value reason organization { slug } } }`, { input }, token);
  const csvRows = (n: number) => airQualityHourlyCsv().split('\n').slice(0, n + 1).join('\n') + '\n';

  beforeAll(async () => {
    t = await startTestApp();
    const orgs = await t.gql(
      `mutation { a: createOrganization(input: { slug: "env-bureau", name: "衡阳市环境保护局", reviewRequired: false }) { id } b: createOrganization(input: { slug: "finance-bureau", name: "衡阳市财政局", reviewRequired: false }) { id } }`,
      {},
      TEST_ADMIN_TOKEN,
    );
    expect(orgs.body.errors).toBeUndefined();
    orgAdmin = await userWithRole(t.app, 'env-admin', { organizationSlug: 'env-bureau', role: 'admin' });
    editor = await userWithRole(t.app, 'env-editor', { organizationSlug: 'env-bureau', role: 'editor' });
    outsider = await userWithRole(t.app, 'finance-editor', { organizationSlug: 'finance-bureau', role: 'editor' });
    const created = await createDataset(datasetInput('air'));
    expect(created.body.errors).toBeUndefined();
  });
  afterAll(() => t.close());

  describe('negative list (负面清单)', () => {
    it('publishes a clean file while the lists are empty', async () => {
      const res = await upload(csvRows(20));
      expect(res.status).toBe(201);
    });

    it('is managed by system administrators (city-wide) and organization admins (their own list) only', async () => {
      expect((await addRule({ kind: 'TERM', value: '绝密', reason: '国家秘密' }, orgAdmin)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await addRule({ organization: 'env-bureau', kind: 'TERM', value: '内部', reason: '内部事项' }, editor)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const city = await addRule({ kind: 'COLUMN', value: '内部编号', reason: '内部管理信息' });
      expect(city.body.data?.addNegativeRule).toMatchObject({ kind: 'COLUMN', value: '内部编号', organization: null });
      const own = await addRule({ organization: 'env-bureau', kind: 'TERM', value: '化工总厂', reason: '涉及安全生产的企业名称' }, orgAdmin);
      expect(own.body.data?.addNegativeRule).toMatchObject({ kind: 'TERM', organization: { slug: 'env-bureau' } });
      const bad = await addRule({ kind: 'PATTERN', value: '(a)\\1', reason: 'x' });
      expect(bad.body.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ path: 'value' })]);
      const list = await t.gql(`{ city: negativeList { value } env: negativeList(organization: "env-bureau") { value } }`);
      expect(list.body.data?.city.map((r: { value: string }) => r.value)).toEqual(['内部编号']);
      expect(list.body.data?.env.map((r: { value: string }) => r.value).sort()).toEqual(['内部编号', '化工总厂'].sort());
      const audited = await t.app.get(DataSource).query(`SELECT actor_name, operation FROM audit_log WHERE table_name = 'negative_list_rules' ORDER BY id`);
      expect(audited).toEqual([{ actor_name: 'sysadmin', operation: 'INSERT' }, { actor_name: 'env-admin', operation: 'INSERT' }]);
    });

    it('rejects an upload with a listed column, naming the rule and the column', async () => {
      const lines = csvRows(5).trimEnd().split('\n');
      const csv = lines.map((line, i) => `${line},${i === 0 ? '内部 编号' : `N${i}`}`).join('\n') + '\n';
      const res = await upload(csv);
      expect(res.status).toBe(422);
      // (rows naming the listed plant are hits of the term rule; the header hit comes first)
      const hits = res.body.report.errors.filter((e: { type: string; rowNumber?: number }) => e.type === 'negative-list' && e.rowNumber === undefined);
      expect(hits).toEqual([expect.objectContaining({ fieldNumber: 22, fieldName: '内部 编号' })]);
      expect(hits[0].message).toContain('内部编号');
      expect(hits[0].message).toContain('内部管理信息');
    });

    it('rejects an upload with a listed term in a cell, naming the rule, the row and the field', async () => {
      const res = await upload(csvRows(30));
      expect(res.status).toBe(422);
      const hits = res.body.report.errors.filter((e: { type: string }) => e.type === 'negative-list');
      expect(hits.length).toBeGreaterThan(0);
      expect(res.body.report.stats['negative-list']).toBe(hits.length);
      expect(hits[0]).toMatchObject({ fieldName: 'station_name', fieldNumber: 3, cell: '化工总厂' });
      expect(hits[0].rowNumber).toBeGreaterThan(1);
      expect(hits[0].message).toContain('涉及安全生产的企业名称');
    });

    it('does not apply one organization\'s list to another', async () => {
      const other = await createDataset(datasetInput('finance-air', { organization: 'finance-bureau' }));
      expect(other.body.errors).toBeUndefined();
      expect((await upload(csvRows(30), 'finance-air', outsider)).status).toBe(201);
    });

    it('rejects metadata that names a listed term or a forbidden category, naming the rule and the field', async () => {
      await addRule({ kind: 'THEME', value: 'GOV_ECOLOGY', reason: '测试用禁止类别' });
      const themed = await createDataset(datasetInput('themed'));
      expect(themed.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(themed.body.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ path: 'themes.0', message: expect.stringContaining('测试用禁止类别') })]);
      const rules = await t.gql(`{ negativeList { id value } }`);
      const theme = rules.body.data?.negativeList.find((r: { value: string }) => r.value === 'GOV_ECOLOGY');
      expect((await t.gql(`mutation($id: ID!) { removeNegativeRule(id: $id) { id } }`, { id: theme.id }, TEST_ADMIN_TOKEN)).body.errors).toBeUndefined();

      const titled = await createDataset(datasetInput('titled', { title: '衡阳化工总厂排放数据', themes: ['GOV_ECOLOGY', 'ENVI'] }));
      expect(titled.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(titled.body.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ path: 'title', message: expect.stringContaining('化工总厂') })]);
      const air = await t.gql(`{ dataset(slug: "air") { id } }`);
      const updated = await t.gql(
        `mutation($id: ID!, $input: UpdateDatasetInput!) { updateDataset(id: $id, input: $input) { id } }`,
        { id: air.body.data?.dataset.id, input: { tags: ['空气', '化工总厂'] } },
        editor,
      );
      expect(updated.body.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ path: 'tags.1' })]);
    });
  });

  describe('deadlines (时限)', () => {
    let monthlyId: string;

    beforeAll(async () => {
      const monthly = await createDataset(datasetInput('budget', { organization: 'finance-bureau', updateFrequency: 'MONTHLY', title: '部门预算', description: '本局部门预算与决算的公开文件。' }));
      expect(monthly.body.errors).toBeUndefined();
      monthlyId = monthly.body.data?.createDataset.id;
    });

    const slugsOf = (res: { body: { data?: Record<string, any> | null } }) =>
      (res.body.data?.overdueDatasets as Array<{ dataset: { slug: string } }>).map((o) => o.dataset.slug);
    /** Sets the platform's clock (what deadlines are compared with); nothing else moves. */
    const clockAt = (when: Date) => jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(when);
    afterEach(() => jest.restoreAllMocks());

    it('runs no job: deadlines are compared with the clock when read', () => {
      expect(t.app.get(PeriodicJobs).registered().map((j) => j.name)).not.toContain('timeliness');
    });

    it('lists a dataset as overdue once its period has passed, and not before', async () => {
      clockAt(new Date(Date.now() + 2 * DAY_MS));
      expect(slugsOf(await t.gql(`{ overdueDatasets { dataset { slug } dueAt } }`))).not.toContain('budget');
      clockAt(new Date(Date.now() + 40 * DAY_MS));
      expect(slugsOf(await t.gql(`{ overdueDatasets(organization: "finance-bureau") { dataset { slug } dueAt } }`))).toContain('budget');
      const rates = await t.gql(`{ organizationTimeliness { organization { slug } datasets overdue periods onTime onTimeRate } }`);
      const finance = rates.body.data?.organizationTimeliness.find((r: { organization: { slug: string } }) => r.organization.slug === 'finance-bureau');
      expect(finance).toMatchObject({ overdue: 1, onTime: 0, onTimeRate: 0 });
    });

    it('lists an hourly dataset as overdue as soon as its hour has passed, counted in hours', async () => {
      const hourly = await createDataset(datasetInput('hourly-air', { updateFrequency: 'HOURLY', organization: 'finance-bureau' }));
      expect(hourly.body.errors).toBeUndefined();
      const id = hourly.body.data?.createDataset.id as string;
      expect((await upload(csvRows(5), 'hourly-air', outsider)).status).toBe(201);
      const released = await t.gql(`{ dataset(slug: "hourly-air") { resources { versions { signOff { approvedAt } } } } }`);
      const releasedAt = new Date(released.body.data?.dataset.resources[0].versions[0].signOff.approvedAt);
      const record = async () => (await t.gql(`query($id: ID!) { datasetTimeliness(datasetId: $id) { nextDueAt overdue } }`, { id })).body.data?.datasetTimeliness;
      const dueAt = new Date((await record()).nextDueAt);
      expect(dueAt.getTime() - releasedAt.getTime()).toBe(3_600_000);

      clockAt(new Date(dueAt.getTime() - 1000));
      expect(slugsOf(await t.gql(`{ overdueDatasets(organization: "finance-bureau") { dataset { slug } dueAt } }`))).not.toContain('hourly-air');
      expect((await record()).overdue).toBe(false);

      clockAt(new Date(dueAt.getTime() + 1));
      const overdue = await t.gql(`{ overdueDatasets(organization: "finance-bureau") { dataset { slug } dueAt } }`);
      expect(overdue.body.data?.overdueDatasets).toContainEqual({ dataset: { slug: 'hourly-air' }, dueAt: dueAt.toISOString() });
      expect((await record()).overdue).toBe(true);
      const rates = await t.gql(`{ organizationTimeliness { organization { slug } overdue } }`);
      expect(rates.body.data?.organizationTimeliness).toContainEqual({ organization: { slug: 'finance-bureau' }, overdue: 1 });

      // A new publication closes the period at once: no job has to notice it.
      expect((await upload(csvRows(6), 'hourly-air', outsider)).status).toBe(201);
      expect(slugsOf(await t.gql(`{ overdueDatasets(organization: "finance-bureau") { dataset { slug } dueAt } }`))).not.toContain('hourly-air');
    });

    it('rebuilds the stored deadlines once after the arithmetic changed, and only then', async () => {
      const db = t.app.get(DataSource);
      const deadlines = t.app.get(DeadlineRepository);
      const stored = () => db.query(`SELECT dataset_id, rule_key, due_at, closed_periods, closed_on_time FROM dataset_deadlines ORDER BY 1, 2`);
      const before = await stored();
      expect(before.length).toBeGreaterThan(0);
      expect(await deadlines.ensureRulesVersion(db, DEADLINE_RULES_VERSION)).toBe(false);
      // As after an upgrade: the table emptied, an older version recorded.
      await db.query(`DELETE FROM dataset_deadlines`);
      await db.query(`UPDATE deadline_rules_version SET version = version - 1`);
      expect(await deadlines.ensureRulesVersion(db, DEADLINE_RULES_VERSION)).toBe(true);
      expect(await stored()).toEqual(before);
      expect(await deadlines.ensureRulesVersion(db, DEADLINE_RULES_VERSION)).toBe(false);
    });

    it('counts statutory deadlines in working days, skipping listed holidays', async () => {
      const set = await t.gql(`mutation { setCalendarDay(input: { day: "2026-10-06", working: false, name: "测试假日" }) { day working } }`, {}, TEST_ADMIN_TOKEN);
      expect(set.body.data?.setCalendarDay).toEqual({ day: '2026-10-06', working: false });
      const denied = await t.gql(`mutation { setCalendarDay(input: { day: "2026-10-09", working: false, name: "x" }) { day } }`, {}, editor);
      expect(denied.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const added = await t.gql(
        `mutation($input: ObligationInput!) { addObligation(input: $input) { id kind days eventOn } }`,
        { input: { datasetId: monthlyId, kind: 'WITHIN_WORKING_DAYS', days: 3, eventOn: '2026-10-02', label: '政策解读' } },
        outsider,
      );
      expect(added.body.data?.addObligation).toMatchObject({ kind: 'WITHIN_WORKING_DAYS', days: 3, eventOn: '2026-10-02' });
      const record = await t.gql(`query($id: ID!) { datasetTimeliness(datasetId: $id) { overdue periods { rule dueAt onTime } } }`, { id: monthlyId });
      // 2 October 2026 is a Friday; with the 6th a listed holiday the three working days are the 5th, 7th and 8th.
      const period = record.body.data?.datasetTimeliness.periods.find((p: { rule: string }) => p.rule === '政策解读');
      expect(period).toEqual({ rule: '政策解读', dueAt: '2026-10-08T15:59:59.999Z', onTime: false });
      // The lists read the same due time, moved by the calendar as soon as it changes.
      clockAt(new Date('2026-11-01T00:00:00+08:00'));
      const listed = async () =>
        (await t.gql(`{ overdueDatasets(organization: "finance-bureau") { dataset { slug } dueAt } }`)).body.data?.overdueDatasets.find(
          (o: { dataset: { slug: string } }) => o.dataset.slug === 'budget',
        );
      expect(await listed()).toEqual({ dataset: { slug: 'budget' }, dueAt: '2026-10-08T15:59:59.999Z' });
      expect((await t.gql(`mutation { removeCalendarDay(day: "2026-10-06") { day } }`, {}, TEST_ADMIN_TOKEN)).body.errors).toBeUndefined();
      expect(await listed()).toEqual({ dataset: { slug: 'budget' }, dueAt: '2026-10-07T15:59:59.999Z' });
    });
  });

  describe('data requests (依申请公开)', () => {
    it('lets anyone ask, with a contact when anonymous, and keeps the contact private', async () => {
      const noContact = await t.gql(`mutation { requestData(input: { organization: "env-bureau", title: "水质月报", description: "请公开湘江各断面水质月报" }) { id } }`);
      expect(noContact.body.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ path: 'contact' })]);
      const filed = await t.gql(
        `mutation { requestData(input: { organization: "env-bureau", title: "水质月报", description: "请公开湘江各断面水质月报", requesterName: "张三", contact: "someone@example.org" }) { id status responseDays } }`,
      );
      expect(filed.body.data?.requestData).toMatchObject({ status: 'PENDING', responseDays: null });
      const id = filed.body.data?.requestData.id;
      const contactAnon = await t.gql(`query($id: ID!) { dataRequestContact(id: $id) { contact } }`, { id });
      expect(contactAnon.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const contact = await t.gql(`query($id: ID!) { dataRequestContact(id: $id) { name contact } }`, { id }, editor);
      expect(contact.body.data?.dataRequestContact).toEqual({ name: '张三', contact: 'someone@example.org' });
      expect(JSON.stringify((await t.gql(`{ dataRequests { id title description response } }`)).body)).not.toContain('someone@example.org');
    });

    it('is answered by the organization: decline needs a reason, accept a link, redirect a target; answers are public', async () => {
      const ask = async () => (await t.gql(`mutation { requestData(input: { organization: "env-bureau", title: "噪声数据", description: "请公开功能区噪声监测数据" }) { id } }`, {}, outsider)).body.data?.requestData.id;
      const respond = (id: string, input: Record<string, unknown>, token = editor) =>
        t.gql(`mutation($id: ID!, $input: DataRequestResponseInput!) { respondToDataRequest(id: $id, input: $input) { status response responseLink responseDays redirectedTo { slug } } }`, { id, input }, token);
      const first = await ask();
      expect((await respond(first, { action: 'DECLINE' })).body.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ path: 'response' })]);
      expect((await respond(first, { action: 'DECLINE', response: '不属于本机关' }, outsider)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const declined = await respond(first, { action: 'DECLINE', response: '涉及国家秘密，不予公开' });
      expect(declined.body.data?.respondToDataRequest).toMatchObject({ status: 'DECLINED', response: '涉及国家秘密，不予公开' });
      expect(declined.body.data?.respondToDataRequest.responseDays).toBeGreaterThanOrEqual(0);
      expect((await respond(first, { action: 'ACCEPT', link: '/datasets/air' })).body.errors?.[0].extensions?.code).toBe('CONFLICT');

      const second = await ask();
      expect((await respond(second, { action: 'ACCEPT' })).body.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ path: 'link' })]);
      expect((await respond(second, { action: 'ACCEPT', link: '/datasets/air' })).body.data?.respondToDataRequest).toMatchObject({ status: 'ACCEPTED', responseLink: '/datasets/air' });

      const third = await ask();
      const redirected = await respond(third, { action: 'REDIRECT', redirectTo: 'finance-bureau', response: '请向财政局申请' });
      expect(redirected.body.data?.respondToDataRequest).toMatchObject({ status: 'REDIRECTED', redirectedTo: { slug: 'finance-bureau' } });
      const atFinance = await t.gql(`{ dataRequests(organization: "finance-bureau", status: PENDING) { title organization { slug } } }`);
      expect(atFinance.body.data?.dataRequests).toEqual([{ title: '噪声数据', organization: { slug: 'finance-bureau' } }]);
    });

    it('limits how many requests one requester may file a day', async () => {
      const outcomes: Array<string | undefined> = [];
      for (let i = 0; i < 12; i++) {
        const res = await t.gql(`mutation { requestData(input: { organization: "finance-bureau", title: "请求${i}", description: "测试请求" }) { id } }`, {}, orgAdmin);
        outcomes.push(res.body.errors?.[0].extensions?.code ?? 'ok');
      }
      expect(outcomes.slice(0, 10)).toEqual(Array(10).fill('ok'));
      expect(outcomes.slice(10)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    });
  });

  describe('upload size limit per organization', () => {
    it('applies an organization\'s own limit, set by a system administrator', async () => {
      const denied = await t.gql(`mutation { setUploadLimit(organization: "env-bureau", maxBytes: 2048) { maxBytes } }`, {}, orgAdmin);
      expect(denied.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const set = await t.gql(`mutation { setUploadLimit(organization: "finance-bureau", maxBytes: 2048) { maxBytes effectiveMaxBytes } }`, {}, TEST_ADMIN_TOKEN);
      expect(set.body.data?.setUploadLimit).toEqual({ maxBytes: 2048, effectiveMaxBytes: 2048 });
      const big = await upload(csvRows(100), 'finance-air', outsider);
      expect(big.status).toBe(413);
      expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
      const cleared = await t.gql(`mutation { setUploadLimit(organization: "finance-bureau", maxBytes: null) { maxBytes effectiveMaxBytes } }`, {}, TEST_ADMIN_TOKEN);
      expect(cleared.body.data?.setUploadLimit).toEqual({ maxBytes: null, effectiveMaxBytes: t.config.uploadMaxBytes });
      expect((await upload(csvRows(100), 'finance-air', outsider)).status).toBe(201);
    });
  });
});
