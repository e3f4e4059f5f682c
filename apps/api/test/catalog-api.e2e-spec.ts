import { TEST_ADMIN_TOKEN, TestApp, startTestApp, userWithRole } from '../../../test/support/test-app';

const ORG_A = { slug: 'env-bureau', name: '衡阳市环境保护局', uscc: '11430400DEM00020XX' };
const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id slug name uscc } }`;
const CREATE = `mutation($input: CreateDatasetInput!) { createDataset(input: $input) { id slug status openAttribute organization { slug } themes { code label } tags } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateDatasetInput!) { updateDataset(id: $id, input: $input) { id title tags status contactPoint { name email } } }`;

const draft = (slug: string, organization: string) => ({
  slug,
  title: '衡阳市环境空气质量小时数据',
  description: '衡阳市各监测站点逐小时六项污染物浓度与空气质量指数（测试数据）。',
  organization,
  themes: ['GOV_ECOLOGY', 'ENVI'],
  tags: ['空气质量', 'AQI'],
  updateFrequency: 'HOURLY',
});

describe('GraphQL catalogue API', () => {
  let t: TestApp;
  let editorA: string;
  let editorB: string;
  let memberA: string;

  beforeAll(async () => {
    t = await startTestApp();
    // A valid check character is needed: compute it rather than hard-coding a code.
    const { usccCheckCharacter } = await import('@opendata/common');
    const code = (body: string) => body + usccCheckCharacter(body);
    for (const [slug, name, body] of [
      [ORG_A.slug, ORG_A.name, '11430400DEM000201'],
      ['housing-bureau', '衡阳市住房和城乡建设局', '11430400DEM000202'],
    ]) {
      // These organizations publish without review (review has its own suite, review.e2e-spec.ts).
      const res = await t.gql(CREATE_ORG, { input: { slug, name, uscc: code(body), reviewRequired: false } }, TEST_ADMIN_TOKEN);
      expect(res.body.errors).toBeUndefined();
    }
    editorA = await userWithRole(t.app, 'editor-a', { organizationSlug: 'env-bureau', role: 'editor' });
    editorB = await userWithRole(t.app, 'editor-b', { organizationSlug: 'housing-bureau', role: 'editor' });
    memberA = await userWithRole(t.app, 'member-a', { organizationSlug: 'env-bureau', role: 'member' });
  });

  afterAll(() => t.close());

  it('lets an editor create a dataset of their organization, validated and defaulted', async () => {
    const res = await t.gql(CREATE, { input: draft('air-hourly', 'env-bureau') }, editorA);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.createDataset).toMatchObject({
      slug: 'air-hourly',
      status: 'DRAFT',
      openAttribute: 'UNCONDITIONAL',
      organization: { slug: 'env-bureau' },
      themes: [{ code: 'GOV_ECOLOGY', label: '生态环保' }, { code: 'ENVI', label: '环境' }],
      tags: ['空气质量', 'AQI'],
    });
  });

  it('answers invalid metadata with BAD_USER_INPUT naming each bad field', async () => {
    const res = await t.gql(
      CREATE,
      {
        input: {
          ...draft('Bad Slug!', 'env-bureau'),
          title: '',
          themes: ['ENVI'],
          issued: '2021-02-30',
          contactPoint: { name: '环保局', email: 'nobody' },
        },
      },
      editorA,
    );
    expect(res.status).toBe(200);
    const error = res.body.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.fields?.map((f) => f.path).sort()).toEqual(['contactPoint.email', 'issued', 'slug', 'themes', 'title']);
    expect(res.body.data).toBeNull();
  });

  it('requires a contact point and an issue date to publish, then publishes', async () => {
    const created = await t.gql(CREATE, { input: draft('air-daily', 'env-bureau') }, editorA);
    const id = created.body.data?.createDataset.id;
    const refused = await t.gql(UPDATE, { id, input: { status: 'PUBLISHED' } }, editorA);
    expect(refused.body.errors?.[0].extensions?.fields?.map((f) => f.path).sort()).toEqual(['contactPoint', 'issued']);
    const published = await t.gql(
      UPDATE,
      { id, input: { status: 'PUBLISHED', issued: '2026-01-05', contactPoint: { name: '监测科', email: 'data@env.example.org' }, tags: ['空气质量'] } },
      editorA,
    );
    expect(published.body.errors).toBeUndefined();
    expect(published.body.data?.updateDataset).toMatchObject({ status: 'PUBLISHED', tags: ['空气质量'], contactPoint: { name: '监测科' } });
  });

  it('refuses anonymous writes with UNAUTHENTICATED', async () => {
    const res = await t.gql(CREATE, { input: draft('anon', 'env-bureau') });
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const del = await t.gql(`mutation { deleteDataset(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    expect(del.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("refuses an editor writing another organization's dataset with FORBIDDEN, and a member writing at all", async () => {
    const created = await t.gql(CREATE, { input: draft('air-forbidden', 'env-bureau') }, editorA);
    const id = created.body.data?.createDataset.id;
    // editor B cannot see A's draft at all: it does not exist for them.
    const hidden = await t.gql(UPDATE, { id, input: { title: '改' } }, editorB);
    expect(hidden.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const intoOther = await t.gql(CREATE, { input: draft('air-other', 'env-bureau') }, editorB);
    expect(intoOther.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byMember = await t.gql(UPDATE, { id, input: { title: '改标题' } }, memberA);
    expect(byMember.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Publishing it makes it visible to B, who still may not change it.
    await t.gql(UPDATE, { id, input: { status: 'PUBLISHED', issued: '2026-01-05', contactPoint: { name: '监测科', phone: '0734-8123456' } } }, editorA);
    const visible = await t.gql(UPDATE, { id, input: { title: '改标题' } }, editorB);
    expect(visible.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const moved = await t.gql(UPDATE, { id, input: { organization: 'housing-bureau' } }, editorA);
    expect(moved.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('answers an unknown slug or id with NOT_FOUND', async () => {
    const bySlug = await t.gql(`{ dataset(slug: "no-such-dataset") { id } }`);
    expect(bySlug.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(bySlug.body.data?.dataset).toBeNull();
    expect(bySlug.body.errors?.[0].message).toBe('找不到数据集“no-such-dataset” (Dataset "no-such-dataset" was not found)');
    expect(bySlug.body.errors?.[0].extensions?.messageKey).toBe('notFound');
    const byId = await t.gql(`{ dataset(id: "not-a-uuid") { id } }`);
    expect(byId.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const org = await t.gql(`{ organization(slug: "nope") { id } }`);
    expect(org.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('hides drafts from anonymous callers and shows them to members', async () => {
    const anonymous = await t.gql(`{ dataset(slug: "air-hourly") { id } }`);
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const member = await t.gql(`{ dataset(slug: "air-hourly") { slug status } }`, {}, memberA);
    expect(member.body.data?.dataset).toEqual({ slug: 'air-hourly', status: 'DRAFT' });
    const list = await t.gql(`{ datasets(filter: { status: [DRAFT] }) { totalCount } }`);
    expect(list.body.data?.datasets.totalCount).toBe(0);
    const mine = await t.gql(`{ datasets(filter: { status: [DRAFT] }) { totalCount } }`, {}, memberA);
    expect(mine.body.data?.datasets.totalCount).toBeGreaterThan(0);
  });

  it('refuses first: 100000 instead of honouring it', async () => {
    const res = await t.gql(`{ datasets(first: 100000) { edges { node { id } } } }`);
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0].extensions?.fields).toEqual([{ path: 'first', message: '必须在 0 到 100 之间 (must be between 0 and 100)' }]);
  });

  it('answers malformed queries with 400 and no stack trace', async () => {
    const syntax = await t.gql(`{ datasets(first: ) { totalCount }`);
    expect(syntax.status).toBe(400);
    expect(syntax.body.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const unknownField = await t.gql(`{ datasets { nope } }`);
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // graphql-js speaks English: its words are quoted in a message of the catalogue, Chinese first.
    expect(syntax.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^查询有语法错误：Syntax Error: .* \(the query cannot be parsed: Syntax Error: .*\)$/), extensions: { messageKey: 'graphql.parseFailed' } });
    expect(unknownField.body.errors?.[0].message).toBe(
      '查询不符合接口定义：Cannot query field "nope" on type "DatasetConnection". (the query does not fit the schema: Cannot query field "nope" on type "DatasetConnection".)',
    );
    expect(JSON.stringify(unknownField.body)).not.toMatch(/stacktrace|at \w+ \(/);
  });

  it('refuses a bad token with 401 rather than treating it as anonymous', async () => {
    const res = await t.gql(`{ datasets { totalCount } }`, {}, 'odp_not-a-real-token');
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('soft-deletes: the record disappears, its slug becomes free', async () => {
    const created = await t.gql(CREATE, { input: draft('to-delete', 'env-bureau') }, editorA);
    const id = created.body.data?.createDataset.id;
    const deleted = await t.gql(`mutation($id: ID!) { deleteDataset(id: $id) { id deletedAt } }`, { id }, editorA);
    expect(deleted.body.data?.deleteDataset.id).toBe(id);
    const gone = await t.gql(`{ dataset(slug: "to-delete") { id } }`, {}, editorA);
    expect(gone.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const again = await t.gql(CREATE, { input: draft('to-delete', 'env-bureau') }, editorA);
    expect(again.body.errors).toBeUndefined();
  });

  it('only lets system administrators create organizations, and checks the credit code', async () => {
    const byEditor = await t.gql(CREATE_ORG, { input: { slug: 'x-bureau', name: 'X' } }, editorA);
    expect(byEditor.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badCode = await t.gql(CREATE_ORG, { input: { slug: 'x-bureau', name: 'X', uscc: '11430400DEM0002010' } }, TEST_ADMIN_TOKEN);
    const fields = badCode.body.errors?.[0].extensions?.fields;
    expect(fields?.[0]?.path).toBe('uscc');
  });
});
