import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { airQualityHourlyCsv } from '../../../libs/catalog/src/demo/files/air-quality-hourly';
import { TEST_ADMIN_TOKEN, TestApp, startTestApp, userWithRole } from '../../../test/support/test-app';

/**
 * Every permission rule, as a table: each role against every GraphQL mutation, every REST write and every
 * non-public read. The mutations are read from the served schema, so a new mutation without a row here fails
 * the suite. Allowed attempts must succeed outright (which also proves the fixtures right); refused attempts
 * must fail with UNAUTHENTICATED (anonymous) or FORBIDDEN/NOT_FOUND (signed in) and change nothing.
 */

const ROLES = ['anonymous', 'member', 'editor', 'reviewer', 'orgAdmin', 'sysadmin'] as const;
type Role = (typeof ROLES)[number];
const ALL: Role[] = [...ROLES];
const SIGNED_IN: Role[] = ['member', 'editor', 'reviewer', 'orgAdmin', 'sysadmin'];
const WRITERS: Role[] = ['editor', 'orgAdmin', 'sysadmin'];
const REVIEWERS: Role[] = ['reviewer', 'sysadmin'];
const SYSADMIN: Role[] = ['sysadmin'];

const ORG = 'env-bureau';

interface Outcome {
  ok: boolean;
  code: string | null;
}

interface Row {
  allowed: Role[];
  attempt: (token: string | undefined, role: Role) => Promise<Outcome>;
}

describe('permissions: every role against every write and non-public read', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string | undefined>;
  let serial = 0;
  let schemaDocument: Record<string, unknown>;
  let contactRequest: Promise<string> | undefined;
  const csv = Buffer.from(airQualityHourlyCsv().split('\n').slice(0, 6).join('\n') + '\n');

  const gql = async (query: string, variables: Record<string, unknown>, token: string | undefined, field: string): Promise<Outcome> => {
    const res = await t.gql(query, variables, token);
    const error = res.body.errors?.[0];
    if (error) return { ok: false, code: error.extensions?.code ?? `HTTP_${res.status}` };
    return { ok: res.body.data?.[field] !== null && res.body.data?.[field] !== undefined, code: null };
  };
  const rest = (status: number): Outcome => ({
    ok: status >= 200 && status < 300,
    code: status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : `HTTP_${status}`,
  });
  const admin = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(query, variables, TEST_ADMIN_TOKEN);
    expect(res.body.errors).toBeUndefined();
    return res.body.data as Record<string, any>;
  };
  const slug = (prefix: string) => `${prefix}-${++serial}`;
  const record = (s: string) => ({
    slug: s, title: `衡阳市空气质量 ${s}`, description: '各站点逐小时空气质量（测试数据）。', organization: ORG,
    themes: ['GOV_ECOLOGY', 'ENVI'], issued: '2026-01-01', contactPoint: { name: '监测科', phone: '0734-8123456' },
  });
  const CREATE = `mutation($input: CreateDatasetInput!) { createDataset(input: $input) { id } }`;
  const draft = async () => (await admin(CREATE, { input: record(slug('draft')) })).createDataset.id as string;
  const published = async () => (await admin(CREATE, { input: { ...record(slug('pub')), status: 'PUBLISHED' } })).createDataset.id as string;
  const submitted = async () => {
    const id = await draft();
    const res = await t.gql(`mutation($id: ID!) { submitDataset(id: $id) { id } }`, { id }, tokens.editor);
    expect(res.body.errors).toBeUndefined();
    return id;
  };
  const upload = (dataset: string, token: string | undefined) => {
    const req = t.http.post(`/api/v1/datasets/${dataset}/resources`).field('schema', 'air-quality-hourly');
    if (token) req.set('authorization', `Bearer ${token}`);
    return req.attach('file', csv, 'air.csv');
  };
  const dataRequest = async () =>
    (await admin(`mutation($input: DataRequestInput!) { requestData(input: $input) { id } }`, {
      input: { organization: ORG, title: '请公开监测站点坐标', description: '希望公开各监测站点的经纬度。' },
    })).requestData.id as string;
  const negativeRule = async () =>
    (await admin(`mutation($input: NegativeRuleInput!) { addNegativeRule(input: $input) { id } }`, {
      input: { organization: ORG, kind: 'TERM', value: `内部资料${++serial}`, reason: '内部资料' },
    })).addNegativeRule.id as string;
  const obligation = async () => {
    const datasetId = await published();
    return (await admin(`mutation($input: ObligationInput!) { addObligation(input: $input) { id } }`, {
      input: { datasetId, kind: 'WITHIN_DAYS', days: 20, eventOn: '2026-01-01', label: '年度报告' },
    })).addObligation.id as string;
  };
  const day = () => `2030-${String(1 + (++serial % 12)).padStart(2, '0')}-${String(1 + (serial % 28)).padStart(2, '0')}`;

  /** GraphQL mutations: one row per mutation of the schema. */
  const MUTATIONS: Record<string, Row> = {
    createDataset: {
      allowed: WRITERS,
      attempt: (token) => gql(CREATE, { input: record(slug('new')) }, token, 'createDataset'),
    },
    updateDataset: {
      allowed: WRITERS,
      attempt: async (token) =>
        gql(`mutation($id: ID!) { updateDataset(id: $id, input: { title: "衡阳市空气质量（改）" }) { id } }`, { id: await draft() }, token, 'updateDataset'),
    },
    deleteDataset: {
      allowed: WRITERS,
      attempt: async (token) => gql(`mutation($id: ID!) { deleteDataset(id: $id) { id } }`, { id: await draft() }, token, 'deleteDataset'),
    },
    createOrganization: {
      allowed: SYSADMIN,
      attempt: (token) => gql(`mutation($s: String!) { createOrganization(input: { slug: $s, name: "新单位" }) { id } }`, { s: slug('org') }, token, 'createOrganization'),
    },
    setOrganizationReviewRequired: {
      allowed: SYSADMIN,
      attempt: (token) => gql(`mutation { setOrganizationReviewRequired(slug: "${ORG}", required: true) { id } }`, {}, token, 'setOrganizationReviewRequired'),
    },
    registerSchema: {
      allowed: WRITERS,
      attempt: (token) =>
        gql(
          `mutation($doc: JSONObject!) { registerSchema(organization: "${ORG}", document: $doc) { id } }`,
          { doc: { ...schemaDocument, 'x-id': slug('schema') } },
          token,
          'registerSchema',
        ),
    },
    submitDataset: {
      allowed: WRITERS,
      attempt: async (token) => gql(`mutation($id: ID!) { submitDataset(id: $id) { id } }`, { id: await draft() }, token, 'submitDataset'),
    },
    approveDataset: {
      allowed: REVIEWERS,
      attempt: async (token) => gql(`mutation($id: ID!) { approveDataset(id: $id) { id } }`, { id: await submitted() }, token, 'approveDataset'),
    },
    returnDataset: {
      allowed: REVIEWERS,
      attempt: async (token) =>
        gql(`mutation($id: ID!) { returnDataset(id: $id, comment: "请补充说明") { id } }`, { id: await submitted() }, token, 'returnDataset'),
    },
    withdrawDataset: {
      allowed: [...WRITERS, 'reviewer'],
      attempt: async (token) =>
        gql(`mutation($id: ID!) { withdrawDataset(id: $id, reason: "数据有误") { id } }`, { id: await published() }, token, 'withdrawDataset'),
    },
    requestData: {
      allowed: ALL,
      attempt: (token) =>
        gql(
          `mutation($input: DataRequestInput!) { requestData(input: $input) { id } }`,
          { input: { organization: ORG, title: '请公开噪声监测数据', description: '希望按月公开噪声监测结果。', contact: 'someone@example.org' } },
          token,
          'requestData',
        ),
    },
    respondToDataRequest: {
      allowed: WRITERS,
      attempt: async (token) =>
        gql(
          `mutation($id: ID!) { respondToDataRequest(id: $id, input: { action: DECLINE, response: "涉及国家秘密，不予公开" }) { id } }`,
          { id: await dataRequest() },
          token,
          'respondToDataRequest',
        ),
    },
    addNegativeRule: {
      allowed: ['orgAdmin', 'sysadmin'],
      attempt: (token) =>
        gql(
          `mutation($input: NegativeRuleInput!) { addNegativeRule(input: $input) { id } }`,
          { input: { organization: ORG, kind: 'TERM', value: `机密文件${++serial}`, reason: '涉密' } },
          token,
          'addNegativeRule',
        ),
    },
    removeNegativeRule: {
      allowed: ['orgAdmin', 'sysadmin'],
      attempt: async (token) => gql(`mutation($id: ID!) { removeNegativeRule(id: $id) { id } }`, { id: await negativeRule() }, token, 'removeNegativeRule'),
    },
    addObligation: {
      allowed: WRITERS,
      attempt: async (token) =>
        gql(
          `mutation($input: ObligationInput!) { addObligation(input: $input) { id } }`,
          { input: { datasetId: await published(), kind: 'WITHIN_DAYS', days: 20, eventOn: '2026-01-01', label: '年度报告' } },
          token,
          'addObligation',
        ),
    },
    removeObligation: {
      allowed: WRITERS,
      attempt: async (token) => gql(`mutation($id: ID!) { removeObligation(id: $id) { id } }`, { id: await obligation() }, token, 'removeObligation'),
    },
    setCalendarDay: {
      allowed: SYSADMIN,
      attempt: (token) => gql(`mutation($d: String!) { setCalendarDay(input: { day: $d, working: false, name: "测试假日" }) { day } }`, { d: day() }, token, 'setCalendarDay'),
    },
    removeCalendarDay: {
      allowed: SYSADMIN,
      attempt: async (token) => {
        const d = day();
        await admin(`mutation($d: String!) { setCalendarDay(input: { day: $d, working: false, name: "测试假日" }) { day } }`, { d });
        return gql(`mutation($d: String!) { removeCalendarDay(day: $d) { day } }`, { d }, token, 'removeCalendarDay');
      },
    },
    setUploadLimit: {
      allowed: SYSADMIN,
      attempt: (token) => gql(`mutation { setUploadLimit(organization: "${ORG}", maxBytes: 104857600) { __typename } }`, {}, token, 'setUploadLimit'),
    },
    setPlanItemLeads: {
      allowed: SYSADMIN,
      attempt: (token) => gql(`mutation { setPlanItemLeads(planItem: 10, organizations: ["${ORG}"]) { number } }`, {}, token, 'setPlanItemLeads'),
    },
  };

  /** REST writes. The CKAN-compatible API is read-only: its write actions are refused to everyone. */
  const REST_WRITES: Record<string, Row> = {
    'POST /api/v1/datasets/{id}/resources': {
      allowed: WRITERS,
      attempt: async (token) => rest((await upload(await draft(), token)).status),
    },
    'POST /api/v1/validate (stores nothing)': {
      allowed: ALL,
      attempt: async (token) => {
        const req = t.http.post('/api/v1/validate?schema=air-quality-hourly');
        if (token) req.set('authorization', `Bearer ${token}`);
        return rest((await req.attach('file', csv, 'air.csv')).status);
      },
    },
    'POST /api/v1/schemas/infer (stores nothing)': {
      allowed: ALL,
      attempt: async (token) => {
        const req = t.http.post('/api/v1/schemas/infer');
        if (token) req.set('authorization', `Bearer ${token}`);
        return rest((await req.attach('file', csv, 'air.csv')).status);
      },
    },
    ...Object.fromEntries(
      ['package_create', 'package_update', 'package_patch', 'package_delete', 'resource_create', 'resource_update', 'organization_create', 'member_create', 'dataset_purge'].map(
        (action): [string, Row] => [
          `POST /api/3/action/${action}`,
          {
            allowed: [],
            attempt: async (token) => {
              const id = await draft();
              const req = t.http.post(`/api/3/action/${action}`).set('content-type', 'application/json');
              if (token) req.set('authorization', `Bearer ${token}`);
              const res = await req.send({ id, name: slug('ckan'), owner_org: ORG, state: 'active', private: false, title: 'CKAN 写入' });
              // Whatever the answer, the draft must still be a draft, and the action must not report success.
              const still = await admin(`query($id: ID!) { dataset(id: $id) { status } }`, { id });
              expect(still.dataset.status).toBe('DRAFT');
              return { ok: res.body?.success === true, code: res.status === 401 ? 'UNAUTHENTICATED' : res.status === 403 ? 'FORBIDDEN' : 'NOT_FOUND' };
            },
          },
        ],
      ),
    ),
  };

  /** Reads that are not public. */
  const PRIVATE_READS: Record<string, Row> = {
    'dataset (a draft)': {
      allowed: SIGNED_IN,
      attempt: async (token) => gql(`query($id: ID!) { dataset(id: $id) { id } }`, { id: await draft() }, token, 'dataset'),
    },
    'dataset (submitted, awaiting review)': {
      allowed: SIGNED_IN,
      attempt: async (token) => gql(`query($id: ID!) { dataset(id: $id) { id } }`, { id: await submitted() }, token, 'dataset'),
    },
    'Dataset.review (review history and pending files)': {
      allowed: SIGNED_IN,
      attempt: async (token) => {
        const res = await t.gql(`query($id: ID!) { dataset(id: $id) { review { history { action } } } }`, { id: await published() }, token);
        expect(res.body.errors).toBeUndefined();
        const review = res.body.data?.dataset.review;
        return { ok: review !== null, code: token ? 'FORBIDDEN' : 'UNAUTHENTICATED' };
      },
    },
    'reviewQueue (content)': {
      allowed: REVIEWERS,
      attempt: async (token) => {
        const id = await submitted();
        const res = await t.gql(`{ reviewQueue { id } }`, {}, token);
        const error = res.body.errors?.[0];
        if (error) return { ok: false, code: error.extensions?.code ?? null };
        const ids = (res.body.data?.reviewQueue ?? []).map((d: { id: string }) => d.id);
        return { ok: ids.includes(id), code: 'FORBIDDEN' };
      },
    },
    'resource (of a draft)': {
      allowed: SIGNED_IN,
      attempt: async (token) => {
        const id = await draft();
        const uploaded = await upload(id, TEST_ADMIN_TOKEN);
        return gql(`query($id: ID!) { resource(id: $id) { id } }`, { id: uploaded.body.resource.id }, token, 'resource');
      },
    },
    'GET /api/v1/resources/{id}/download (of a draft)': {
      allowed: SIGNED_IN,
      attempt: async (token) => {
        const uploaded = await upload(await draft(), TEST_ADMIN_TOKEN);
        const req = t.http.get(`/api/v1/resources/${uploaded.body.resource.id}/download`);
        if (token) req.set('authorization', `Bearer ${token}`);
        return rest((await req).status);
      },
    },
    'uploadReport (of a draft)': {
      allowed: SIGNED_IN,
      attempt: async (token) => {
        const uploaded = await upload(await draft(), TEST_ADMIN_TOKEN);
        return gql(`query($id: ID!) { uploadReport(id: $id) { id } }`, { id: uploaded.body.reportId }, token, 'uploadReport');
      },
    },
    dataRequestContact: {
      allowed: WRITERS,
      // One request for every role: requesters may file only ten a day.
      attempt: async (token) => {
        contactRequest ??= dataRequest();
        return gql(`query($id: ID!) { dataRequestContact(id: $id) { __typename } }`, { id: await contactRequest }, token, 'dataRequestContact');
      },
    },
    auditLog: {
      allowed: SYSADMIN,
      attempt: (token) => gql(`{ auditLog(first: 1) { hasNextPage } }`, {}, token, 'auditLog'),
    },
    'GET /api/v1/audit.ndjson': {
      allowed: SYSADMIN,
      attempt: async (token) => {
        const req = t.http.get('/api/v1/audit.ndjson?table=organizations');
        if (token) req.set('authorization', `Bearer ${token}`);
        return rest((await req).status);
      },
    },
  };

  beforeAll(async () => {
    t = await startTestApp();
    await admin(`mutation { createOrganization(input: { slug: "${ORG}", name: "衡阳市环境保护局" }) { id } }`);
    const roleOf: Record<Exclude<Role, 'anonymous' | 'sysadmin'>, 'member' | 'editor' | 'reviewer' | 'admin'> = {
      member: 'member',
      editor: 'editor',
      reviewer: 'reviewer',
      orgAdmin: 'admin',
    };
    for (const [role, orgRole] of Object.entries(roleOf)) {
      tokens[role as Role] = await userWithRole(t.app, role.toLowerCase(), { organizationSlug: ORG, role: orgRole });
    }
    tokens.anonymous = undefined;
    tokens.sysadmin = TEST_ADMIN_TOKEN;
    const fixture = readFileSync(join(__dirname, '../../../schemas/fixtures/air-quality-hourly/valid/cnemc-snapshot-hengyang.csv'));
    const inferred = await t.http.post('/api/v1/schemas/infer').attach('file', fixture, 'cnemc-snapshot-hengyang.csv');
    expect(inferred.status).toBe(200);
    schemaDocument = inferred.body.schema;
  });
  afterAll(() => t.close());

  it('has a row for every mutation of the served schema, and no row for a mutation that does not exist', async () => {
    const res = await t.gql(`{ __schema { mutationType { fields { name } } } }`);
    const served = (res.body.data?.__schema.mutationType.fields as Array<{ name: string }>).map((f) => f.name).sort();
    expect(Object.keys(MUTATIONS).sort()).toEqual(served);
  });

  const cases = (table: Record<string, Row>) =>
    Object.entries(table).flatMap(([name, row]) => ROLES.map((role) => [name, role, row] as const));

  const check = async (row: Row, role: Role) => {
    const outcome = await row.attempt(tokens[role], role);
    if (row.allowed.includes(role)) {
      expect(outcome).toEqual({ ok: true, code: null } satisfies Outcome);
    } else {
      expect(outcome.ok).toBe(false);
      expect(role === 'anonymous' ? ['UNAUTHENTICATED', 'NOT_FOUND'] : ['FORBIDDEN', 'NOT_FOUND']).toContain(outcome.code);
    }
  };

  describe('GraphQL mutations', () => {
    it.each(cases(MUTATIONS))('%s as %s', async (_name, role, row) => check(row, role));
  });

  describe('REST writes', () => {
    it.each(cases(REST_WRITES))('%s as %s', async (_name, role, row) => {
      const outcome = await row.attempt(tokens[role], role);
      if (row.allowed.includes(role)) expect(outcome.ok).toBe(true);
      else {
        expect(outcome.ok).toBe(false);
        if (!_name.startsWith('POST /api/3/')) expect(role === 'anonymous' ? ['UNAUTHENTICATED'] : ['FORBIDDEN', 'NOT_FOUND']).toContain(outcome.code);
      }
    });
  });

  describe('non-public reads', () => {
    it.each(cases(PRIVATE_READS))('%s as %s', async (_name, role, row) => {
      const outcome = await row.attempt(tokens[role], role);
      expect(outcome.ok).toBe(row.allowed.includes(role));
      if (!outcome.ok) expect(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']).toContain(outcome.code);
    });
  });
});
