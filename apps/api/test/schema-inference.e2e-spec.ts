import { residentIdCheckCharacter } from '@opendata/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_ADMIN_TOKEN, TestApp, startTestApp, userWithRole } from '../../../test/support/test-app';

const FIXTURES = join(__dirname, '../../../schemas/fixtures');

describe('schema inference (POST /api/v1/schemas/infer)', () => {
  let t: TestApp;
  let editor: string;

  const infer = (file: Buffer, fileName: string, fields: Record<string, string> = {}) => {
    const req = t.http.post('/api/v1/schemas/infer');
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    return req.attach('file', file, fileName);
  };
  const register = (document: Record<string, unknown>, organization = 'budget-bureau') =>
    t.gql(`mutation($org: String!, $doc: JSONObject!) { registerSchema(organization: $org, document: $doc) { id version fields { name type masked } } }`, { org: organization, doc: document }, editor);
  const upload = (file: Buffer, fileName: string, schema: string) =>
    t.http.post('/api/v1/datasets/budgets/resources').set('authorization', `Bearer ${editor}`).field('schema', schema).attach('file', file, fileName);

  beforeAll(async () => {
    t = await startTestApp();
    await t.gql(`mutation { createOrganization(input: { slug: "budget-bureau", name: "衡阳市财政局" }) { id } }`, {}, TEST_ADMIN_TOKEN);
    editor = await userWithRole(t.app, 'budget-editor', { organizationSlug: 'budget-bureau', role: 'editor' });
    const created = await t.gql(
      `mutation($input: CreateDatasetInput!) { createDataset(input: $input) { id } }`,
      {
        input: {
          slug: 'budgets', title: '衡阳市部门预算', description: '市级部门预算公开数据（测试数据）。', organization: 'budget-bureau',
          themes: ['GOV_DEPARTMENT', 'ECON'], status: 'PUBLISHED', issued: '2026-01-01', contactPoint: { name: '预算科', phone: '0734-8123456' },
        },
      },
      TEST_ADMIN_TOKEN, // a system administrator publishes directly, whatever the organization's review setting
    );
    expect(created.body.errors).toBeUndefined();
  });
  afterAll(() => t.close());

  it.each([
    ['budget-final-accounts/valid/department-budget-2025.csv', 'department-budget-2025'],
    ['air-quality-hourly/valid/cnemc-snapshot-hengyang.csv', 'cnemc-snapshot-hengyang'],
    ['housing-allocation/valid/demo-layout.csv', 'demo-layout'],
  ])('infers a draft for %s, which registers as the organization\'s schema and publishes the same file (201)', async (path, id) => {
    const file = readFileSync(join(FIXTURES, path));
    const fileName = path.split('/').pop()!;
    const inferred = await infer(file, fileName);
    expect(inferred.status).toBe(200);
    expect(inferred.body.schema).toMatchObject({ 'x-id': id, 'x-version': 1, type: 'object' });
    expect(inferred.body.evidence).toMatchObject({ fileName, format: 'csv', encoding: 'utf-8', delimiter: ',', warnings: [] });
    expect(inferred.body.evidence.columns.length).toBe(Object.keys(inferred.body.schema.properties).length);

    const registered = await register(inferred.body.schema);
    expect(registered.body.errors).toBeUndefined();
    expect(registered.body.data?.registerSchema).toMatchObject({ id, version: 1 });

    const published = await upload(file, fileName, id);
    expect(published.body.report?.errors).toEqual([]);
    expect(published.status).toBe(201);
    expect(published.body.report).toMatchObject({ valid: true, schemaId: id, rowCount: inferred.body.evidence.rowCount });
  });

  it('proposes masking for unmasked resident IDs: the draft registers, the unmasked file is rejected (422)', async () => {
    const id = (body: string) => body + residentIdCheckCharacter(body)!;
    const csv = Buffer.from(['项目,身份证号,金额(元)', `补贴甲,${id('43040419900101123')},1200`, `补贴乙,${id('43040719851231002')},980`].join('\n'));
    const inferred = await infer(csv, 'subsidy.csv', { id: 'subsidy-recipients' });
    expect(inferred.status).toBe(200);
    const field = Object.values(inferred.body.schema.properties as Record<string, Record<string, unknown>>)[1];
    expect(field).toMatchObject({ title: '身份证号', 'x-masked': 'resident-id' });
    expect(inferred.body.evidence.warnings.join('\n')).toContain('unmasked resident-id');
    expect(JSON.stringify(inferred.body)).not.toContain('430404199001011');
    const registered = await register(inferred.body.schema);
    expect(registered.body.data?.registerSchema).toMatchObject({ id: 'subsidy-recipients' });
    const rejected = await upload(csv, 'subsidy.csv', 'subsidy-recipients');
    expect(rejected.status).toBe(422);
    expect(rejected.body.report.errors.map((e: { type: string }) => e.type)).toContain('personal-data');
  });

  it('answers errors in the house format', async () => {
    const noFile = await t.http.post('/api/v1/schemas/infer').field('id', 'x-table');
    expect(noFile.status).toBe(400);
    expect(noFile.body).toMatchObject({ code: 'BAD_USER_INPUT', details: { fields: [{ path: 'file' }] } });

    const notMultipart = await t.http.post('/api/v1/schemas/infer').set('content-type', 'text/csv').send('a,b\n1,2\n');
    expect(notMultipart.status).toBe(415);
    expect(notMultipart.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const empty = await infer(Buffer.alloc(0), 'empty.csv');
    expect(empty.status).toBe(422);
    expect(empty.body.code).toBe('UNPROCESSABLE');

    const notATable = await infer(readFileSync(join(__dirname, '../../../libs/validation/src/read/__fixtures__/spreadsheet.xls')), 'old.xls');
    expect(notATable.status).toBe(422);
    expect(notATable.body).toMatchObject({ code: 'UNPROCESSABLE', details: { type: 'format-error' } });

    const badId = await infer(Buffer.from('a,b\n1,2\n'), 't.csv', { id: 'Not An Id' });
    expect(badId.status).toBe(400);
    expect(badId.body).toMatchObject({ code: 'BAD_USER_INPUT', details: { fields: [{ path: 'id' }] } });

    const standardId = await infer(Buffer.from('a,b\n1,2\n'), 't.csv', { id: 'air-quality-hourly' });
    expect(standardId.status).toBe(400);
  });
});
