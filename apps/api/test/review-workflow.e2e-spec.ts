import { WORKFLOW, WORKFLOW_ACTIONS, WORKFLOW_STATES, WorkflowAction, WorkflowState, decide } from '@opendata/catalog';
import { airQualityHourlyCsv } from '../../../libs/catalog/src/demo/files/air-quality-hourly';
import { TEST_ADMIN_TOKEN, TestApp, startTestApp, userWithRole } from '../../../test/support/test-app';
import { WORKFLOW_ROLES, WorkflowRole, callerAs } from '../../../test/support/workflow-roles';

/**
 * The workflow table (libs/catalog/src/review/workflow.ts) against the real service on real PostgreSQL: for
 * every state, every action and every role, the state is built through the API, the action is taken as that
 * role, and the outcome must be what the table says: the next state, or the refusal code with nothing
 * changed. Refusals of one state and action share a dataset (they change nothing, which is checked after
 * each); each allowed step gets a dataset of its own. 56 cells x 7 roles where review is required.
 */

const CREATE = `mutation($input: CreateDatasetInput!) { createDataset(input: $input) { id } }`;
const STATE = `query($id: ID!) { dataset(id: $id) { review { state pendingVersions { sha256 } } } }`;
const MUTATIONS: Record<Exclude<WorkflowAction, 'upload'>, string> = {
  submit: `mutation($id: ID!) { submitDataset(id: $id) { id } }`,
  approve: `mutation($id: ID!, $checked: [String!]) { approveDataset(id: $id, checkedSha256: $checked) { id } }`,
  return: `mutation($id: ID!) { returnDataset(id: $id, comment: "请补充数据来源说明") { id } }`,
  withdraw: `mutation($id: ID!) { withdrawDataset(id: $id, reason: "数据有误") { id } }`,
  edit: `mutation($id: ID!) { updateDataset(id: $id, input: { title: "衡阳市空气质量（修改）" }) { id } }`,
  delete: `mutation($id: ID!) { deleteDataset(id: $id) { id } }`,
  publish: `mutation($id: ID!) { updateDataset(id: $id, input: { status: PUBLISHED }) { id } }`,
};
const HTTP_CODES: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT' };

interface Subject {
  id: string;
  slug: string;
  resourceId: string | null;
}

type CellKey = { state: WorkflowState; action: WorkflowAction };
const EVERY_CELL: CellKey[] = WORKFLOW_STATES.flatMap((state) => WORKFLOW_ACTIONS.map((action) => ({ state, action })));

/** Cells where the organization's setting matters: a step needs the right to publish without review. */
const usesPublishing = ({ state, action }: CellKey) => {
  const cell = state === 'deleted' ? { refused: '' } : WORKFLOW[state][action];
  return !('refused' in cell) && cell.some((s) => s.by === 'publish');
};

const ORGANIZATIONS = [
  // Where review is required (the default): every cell.
  { slug: 'env-bureau', reviewRequired: true, cells: EVERY_CELL },
  // Where it is not, only the right to publish without review differs (decide reads the setting nowhere else);
  // an update never waits for review there, so those states are left to the unit test.
  {
    slug: 'open-bureau',
    reviewRequired: false,
    cells: EVERY_CELL.filter((c) => usesPublishing(c) && c.state !== 'updatePending' && c.state !== 'updateReturned'),
  },
];

describe.each(ORGANIZATIONS)('the review workflow table on the real service ($slug)', ({ slug: orgSlug, reviewRequired, cells }) => {
  let t: TestApp;
  let organizationId: string;
  const tokens = {} as Record<WorkflowRole, string | undefined>;
  let serial = 0;
  const file = (rows: number) => Buffer.from(airQualityHourlyCsv().split('\n').slice(0, rows + 1).join('\n') + '\n');

  const ok = async (query: string, variables: Record<string, unknown>, token: string | undefined) => {
    const res = await t.gql(query, variables, token);
    expect(res.body.errors).toBeUndefined();
    return res.body.data as Record<string, any>;
  };
  const upload = (subject: Subject, token: string | undefined) => {
    const req = t.http.post(`/api/v1/datasets/${subject.id}/resources`).field('schema', 'air-quality-hourly');
    if (subject.resourceId) req.field('resource', subject.resourceId);
    if (token) req.set('authorization', `Bearer ${token}`);
    return req.attach('file', file(3 + (++serial % 7)), 'air.csv');
  };
  /** Where the dataset stands, as a system administrator sees it; a deleted dataset is not found. */
  const stateOf = async (subject: Subject): Promise<{ state: WorkflowState; pending: string[] }> => {
    const res = await t.gql(STATE, { id: subject.id }, TEST_ADMIN_TOKEN);
    if (res.body.errors?.[0]?.extensions?.code === 'NOT_FOUND') return { state: 'deleted', pending: [] };
    expect(res.body.errors).toBeUndefined();
    const dataset = res.body.data?.dataset;
    const state = (dataset.review.state as string).toLowerCase().replace(/_(\w)/g, (_, c: string) => c.toUpperCase()) as WorkflowState;
    return { state, pending: dataset.review.pendingVersions.map((p: { sha256: string }) => p.sha256) };
  };
  const approve = async (subject: Subject, token: string | undefined) =>
    t.gql(MUTATIONS.approve, { id: subject.id, checked: (await stateOf(subject)).pending }, token);

  /** A dataset in `state`, built by the editor and the reviewer through the API. */
  const build = async (state: WorkflowState): Promise<Subject> => {
    const slug = `wf-${orgSlug}-${++serial}`;
    const record = {
      slug, title: `衡阳市空气质量 ${slug}`, description: '各站点逐小时空气质量（测试数据）。', organization: orgSlug,
      themes: ['GOV_ECOLOGY', 'ENVI'], issued: '2026-01-01', contactPoint: { name: '监测科', phone: '0734-8123456' },
    };
    const subject: Subject = { id: (await ok(CREATE, { input: record }, tokens.editor)).createDataset.id, slug, resourceId: null };
    if (state === 'deleted') {
      await ok(MUTATIONS.delete, { id: subject.id }, tokens.editor);
      return subject;
    }
    // Files where they make the state (a draft's and a submission's files, an update); a published dataset
    // without one behaves the same in every cell, and saves an upload per dataset.
    if (state === 'draft' || state === 'submitted') {
      const first = await upload(subject, tokens.editor);
      expect(first.status).toBe(201);
      subject.resourceId = first.body.resource.id;
    }
    if (state === 'draft') return subject;
    await ok(MUTATIONS.submit, { id: subject.id }, tokens.editor);
    if (state === 'submitted') return subject;
    expect((await approve(subject, tokens.reviewer)).body.errors).toBeUndefined();
    if (state === 'published') return subject;
    if (state === 'withdrawn') {
      await ok(MUTATIONS.withdraw, { id: subject.id }, tokens.reviewer);
      return subject;
    }
    const update = await upload(subject, tokens.editor);
    expect(update.status).toBe(201);
    subject.resourceId = update.body.resource.id;
    if (state === 'updatePending') return subject;
    await ok(MUTATIONS.return, { id: subject.id }, tokens.reviewer);
    return subject;
  };

  /** Takes `action` as `role`; the error code, or null when it went through. */
  const attempt = async (action: WorkflowAction, role: WorkflowRole, subject: Subject): Promise<string | null> => {
    const token = tokens[role];
    if (action === 'upload') {
      const res = await upload(subject, token);
      return res.status === 201 ? null : (res.body?.code ?? HTTP_CODES[res.status] ?? `HTTP_${res.status}`);
    }
    const res = action === 'approve' ? await approve(subject, token) : await t.gql(MUTATIONS[action], { id: subject.id }, token);
    return res.body.errors?.[0]?.extensions?.code ?? null;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const orgs = await ok(
      `mutation($slug: String!, $review: Boolean!) { a: createOrganization(input: { slug: $slug, name: "衡阳市环境保护局", reviewRequired: $review }) { id }
                  b: createOrganization(input: { slug: "other-bureau", name: "另一局" }) { id } }`,
      { slug: orgSlug, review: reviewRequired },
      TEST_ADMIN_TOKEN,
    );
    organizationId = orgs.a.id;
    tokens.anonymous = undefined;
    tokens.sysadmin = TEST_ADMIN_TOKEN;
    tokens.outsider = await userWithRole(t.app, 'outsider', { organizationSlug: 'other-bureau', role: 'editor' });
    tokens.member = await userWithRole(t.app, 'member', { organizationSlug: orgSlug, role: 'member' });
    tokens.editor = await userWithRole(t.app, 'editor', { organizationSlug: orgSlug, role: 'editor' });
    tokens.reviewer = await userWithRole(t.app, 'reviewer', { organizationSlug: orgSlug, role: 'reviewer' });
    tokens.orgAdmin = await userWithRole(t.app, 'org-admin', { organizationSlug: orgSlug, role: 'admin' });
  });
  afterAll(() => t.close());

  it.each(cells)('$state x $action, as every role', async ({ state, action }) => {
    const subjectFacts = { organizationId, reviewRequired };
    const decisions = WORKFLOW_ROLES.map((role) => ({ role, decision: decide(state, action, callerAs(role, organizationId), subjectFacts) }));
    const refusals = decisions.filter((d) => !d.decision.allowed);
    const allowed = decisions.filter((d) => d.decision.allowed);
    // One dataset for the refusals and the first allowed step, one more for each further allowed step.
    const subjects = await Promise.all(Array.from({ length: Math.max(1, allowed.length) }, () => build(state)));
    for (const subject of subjects) expect((await stateOf(subject)).state).toBe(state);
    const expected: string[] = [];
    const outcomes: string[] = [];
    // Refusals first: each is refused with the table's code and leaves the dataset as it was.
    for (const { role, decision } of refusals) {
      if (decision.allowed) continue;
      expected.push(`${role}: ${decision.code} ${state}`);
      outcomes.push(`${role}: ${await attempt(action, role, subjects[0])} ${(await stateOf(subjects[0])).state}`);
    }
    // Each allowed step on its own dataset, side by side.
    const steps = await Promise.all(
      allowed.map(async ({ role, decision }, i) => {
        const code = await attempt(action, role, subjects[i]);
        return { expected: `${role}: ok ${decision.allowed ? decision.to : ''}`, outcome: `${role}: ${code ?? 'ok'} ${(await stateOf(subjects[i])).state}` };
      }),
    );
    expected.push(...steps.map((s) => s.expected));
    outcomes.push(...steps.map((s) => s.outcome));
    expect(outcomes).toEqual(expected);
  });
});
