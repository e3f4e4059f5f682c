import { SYSTEM, TokenService, UserService } from '@opendata/auth';
import { OrganizationService, runAsCaller } from '@opendata/catalog';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { TEST_ADMIN_TOKEN, TestApp, startTestApp, userWithRole } from '../../../test/support/test-app';

const CREATE = `mutation($input: CreateDatasetInput!) { createDataset(input: $input) { id } }`;
const LOG = `query($filter: AuditLogFilter, $first: Int, $after: String) { auditLog(filter: $filter, first: $first, after: $after) {
  edges { cursor node { id actor actorId table rowKey operation changed hashBefore hashAfter transactionId } } hasNextPage endCursor } }`;

interface Entry {
  id: string;
  actor: string;
  actorId: string | null;
  table: string;
  rowKey: string;
  operation: string;
  changed: string[];
  hashBefore: string | null;
  hashAfter: string | null;
  transactionId: string;
}

describe('audit trail', () => {
  let t: TestApp;
  let db: DataSource;
  let editor: string;
  let datasetId: string;

  const log = async (filter: Record<string, unknown>, first = 50, after?: string): Promise<{ entries: Entry[]; hasNextPage: boolean; endCursor: string | null }> => {
    const res = await t.gql(LOG, { filter, first, after }, TEST_ADMIN_TOKEN);
    expect(res.body.errors).toBeUndefined();
    const page = res.body.data?.auditLog;
    return { entries: page.edges.map((e: { node: Entry }) => e.node), hasNextPage: page.hasNextPage, endCursor: page.endCursor };
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    await t.gql(`mutation { createOrganization(input: { slug: "env-bureau", name: "衡阳市环境保护局" }) { id } }`, {}, TEST_ADMIN_TOKEN);
    editor = await userWithRole(t.app, 'editor', { organizationSlug: 'env-bureau', role: 'editor' });
    const created = await t.gql(
      CREATE,
      { input: { slug: 'air', title: '衡阳市空气质量小时数据', description: '各站点逐小时空气质量（测试数据）。', organization: 'env-bureau', themes: ['GOV_ECOLOGY', 'ENVI'] } },
      editor,
    );
    datasetId = created.body.data?.createDataset.id;
    const updated = await t.gql(`mutation($id: ID!) { updateDataset(id: $id, input: { title: "衡阳市空气质量小时数据（修订）" }) { id } }`, { id: datasetId }, editor);
    expect(updated.body.errors).toBeUndefined();
  });
  afterAll(() => t.close());

  it('records who wrote each row, what changed, and chains the row hashes', async () => {
    const { entries } = await log({ table: ['datasets'], rowKey: datasetId });
    const [update, insert] = entries;
    const [{ user_id }] = await db.query(`SELECT id AS user_id FROM users WHERE username = 'editor'`);
    expect(insert).toMatchObject({ operation: 'INSERT', actor: 'editor', actorId: user_id, hashBefore: null });
    expect(update).toMatchObject({ operation: 'UPDATE', actor: 'editor', changed: ['title'] });
    expect(update.hashBefore).toBe(insert.hashAfter);
    expect(update.hashAfter).not.toBe(update.hashBefore);
    // The hash is of the row as stored (canonical jsonb text, derived search columns left out): recomputable.
    const [row] = await db.query(
      `SELECT (to_jsonb(d) - ARRAY['search_vector','search_text','facet_themes','facet_tags','facet_formats','updated_at','modified'])::text AS doc FROM datasets d WHERE id = $1`,
      [datasetId],
    );
    expect(update.hashAfter).toBe(createHash('sha256').update(row.doc).digest('hex'));
    // The tags and themes written with the record belong to the same transaction.
    const themes = await log({ table: ['dataset_themes'], actor: 'editor' });
    expect(themes.entries.some((e) => e.transactionId === insert.transactionId)).toBe(true);
  });

  it('attributes writes outside a request to the system, and writes outside a transaction to their caller', async () => {
    const organization = await t.app.get(OrganizationService).getBySlug('env-bureau');
    await t.app.get(UserService).createUser(SYSTEM, { username: 'late', displayName: 'late' });
    await t.app.get(UserService).setMembership(SYSTEM, { username: 'late', organizationId: organization.id, role: 'reviewer' });
    const memberships = await log({ table: ['memberships'], operation: ['INSERT'] });
    expect(memberships.entries[0]).toMatchObject({ actor: 'system', actorId: null });
    // Revoking a token is a single UPDATE outside any transaction, here made as the signed-in editor.
    const tokens = t.app.get(TokenService);
    const caller = await tokens.authenticate(editor);
    const spare = await tokens.createToken(SYSTEM, { username: 'editor', name: 'spare' });
    const [{ id: tokenId }] = await db.query(`SELECT id FROM api_tokens WHERE name = 'spare'`);
    expect(spare.token).toBeTruthy();
    await runAsCaller(caller, () => tokens.revokeToken(caller, tokenId));
    const revoked = await log({ table: ['api_tokens'], rowKey: tokenId, operation: ['UPDATE'] });
    expect(revoked.entries).toEqual([expect.objectContaining({ actor: 'editor', actorId: caller.userId, changed: ['revoked_at'] })]);
  });

  it('records uploads (streamed multipart requests) in the uploader\'s name', async () => {
    const csv = readFileSync(join(__dirname, '../../../schemas/fixtures/air-quality-hourly/valid/cnemc-snapshot-hengyang.csv'));
    const res = await t.http.post('/api/v1/datasets/air/resources').set('authorization', `Bearer ${editor}`).field('schema', 'air-quality-hourly').attach('file', csv, 'air.csv');
    expect(res.status).toBe(201);
    const [version] = (await log({ table: ['resource_versions'] })).entries;
    expect(version).toMatchObject({ operation: 'INSERT', actor: 'editor' });
    // A file of a draft goes to review with the dataset's submission, not on its own.
    const events = (await log({ table: ['review_events'] })).entries;
    expect(events.filter((e: { transactionId: string }) => e.transactionId === version.transactionId)).toEqual([]);
  });

  it('pages newest first with cursors and filters', async () => {
    const first = await log({}, 2);
    expect(first.entries).toHaveLength(2);
    expect(first.hasNextPage).toBe(true);
    const second = await log({}, 2, first.endCursor!);
    expect(BigInt(second.entries[0].id)).toBeLessThan(BigInt(first.entries[1].id));
    const res = await t.gql(LOG, { first: 501 }, TEST_ADMIN_TOKEN);
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is readable and exportable by system administrators only', async () => {
    expect((await t.gql(LOG, {}, editor)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(LOG, {})).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.http.get('/api/v1/audit.ndjson')).status).toBe(401);
    expect((await t.http.get('/api/v1/audit.ndjson').set('authorization', `Bearer ${editor}`)).status).toBe(403);
    const res = await t.http.get('/api/v1/audit.ndjson?table=datasets').set('authorization', `Bearer ${TEST_ADMIN_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = res.text.trim().split('\n').map((l) => JSON.parse(l) as Entry);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((l) => l.table === 'datasets')).toBe(true);
    // Oldest first, every entry once.
    const ids = lines.map((l) => BigInt(l.id));
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
    const total = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE table_name = 'datasets'`);
    expect(lines).toHaveLength(total[0].n);
  });

  it('refuses updates, deletes and truncation of the log in the database', async () => {
    await expect(db.query(`UPDATE audit_log SET actor_name = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });
});
