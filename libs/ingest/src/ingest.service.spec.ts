import { ANONYMOUS, Caller } from '@opendata/auth';
import { notFound } from '@opendata/common';
import { AppConfig } from '@opendata/config';
import { TableSchema, fromFrictionless } from '@opendata/validation';
import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { FakeReports, FakeResources, FakeStaging, FakeStore, FakeUploadTransactions, FakeValidator } from '../../../test/support/ingest-fakes';
import { codeOf, signedIn, sysadmin } from '../../../test/support/unit-fakes';
import { IngestService, UploadRequest, requestOptions } from './ingest.service';

const ORG = 'org-env';
const AIR = { id: 'd-air', slug: 'air', organizationId: ORG };
const SCHEMA: TableSchema = { ...fromFrictionless({ fields: [{ name: 'station', type: 'string' }, { name: 'value', type: 'number' }] }), id: 'air-hourly' };
const OTHER_SCHEMA: TableSchema = { ...SCHEMA, id: 'water' };
const CSV = 'station,value\na,1\nb,2\n';

const editor = signedIn('u-editor', { [ORG]: 'editor' });

const CONFIG = { uploadConcurrency: 1, uploadQueueLength: 1, uploadQueueTimeoutSeconds: 60, uploadMaxBytes: 1000 } as AppConfig;

function setUp(config: Partial<AppConfig> = {}) {
  const fakes = {
    staging: new FakeStaging(),
    transactions: new FakeUploadTransactions(),
    reports: new FakeReports(),
    store: new FakeStore(),
    resources: new FakeResources(),
    validator: new FakeValidator(),
    limits: new Map<string, number>(),
    committed: 0,
  };
  const datasets = {
    get: async (_caller: Caller, key: { id?: string | null; slug?: string | null }) => {
      if (key.id !== AIR.id && key.slug !== AIR.slug) throw notFound('dataset', key.id ?? key.slug ?? '');
      return AIR;
    },
  };
  const schemas = {
    get: async (id: string) => {
      const schema = [SCHEMA, OTHER_SCHEMA].find((s) => s.id === id);
      if (!schema) throw notFound('schema', id);
      return schema;
    },
  };
  const uploadLimits = { limitForDataset: async (datasetKey: string) => fakes.limits.get(datasetKey) ?? null };
  const changes = { committed: () => void fakes.committed++ };
  const negativeList = { rulesFor: async () => [] };
  const service = new IngestService(
    fakes.staging as never,
    fakes.transactions as never,
    fakes.reports as never,
    fakes.store as never,
    { ...CONFIG, ...config },
    datasets as never,
    fakes.resources as never,
    schemas as never,
    uploadLimits as never,
    changes as never,
    negativeList as never,
    fakes.validator as never,
  );
  return { service, ...fakes, changesCommitted: () => fakes.committed };
}

const fileOf = (text: string, fileName = 'hourly.csv') => ({ fileName, mimeType: 'text/csv', stream: Readable.from([Buffer.from(text)]) });

const upload = (overrides: Partial<UploadRequest> = {}): UploadRequest => ({ dataset: 'air', schemaId: SCHEMA.id, file: fileOf(CSV), ...overrides });

/** Lets the event loop turn until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error('the condition never came true');
}

describe('IngestService', () => {
  describe('who may upload', () => {
    it.each([
      ['an anonymous caller', ANONYMOUS, 'UNAUTHENTICATED'],
      ['a signed-in user outside the organization', signedIn('u-outsider'), 'FORBIDDEN'],
      ['a member who does not edit', signedIn('u-member', { [ORG]: 'member' }), 'FORBIDDEN'],
      ['an editor of another organization', signedIn('u-other', { 'org-other': 'editor' }), 'FORBIDDEN'],
    ])('refuses %s before reading the file or staging anything', async (_who, caller, code) => {
      const t = setUp();
      expect(await codeOf(t.service.upload(caller, upload()))).toBe(code);
      expect(t.validator.jobs).toEqual([]);
      expect(t.staging.recorded).toEqual([]);
      expect(t.transactions.opened).toEqual([]);
      expect(t.service.queueState).toEqual({ running: 0, waiting: 0 });
    });

    it('lets editors of the organization and system administrators upload', async () => {
      for (const caller of [editor, signedIn('u-admin', { [ORG]: 'admin' }), sysadmin()]) {
        expect((await setUp().service.upload(caller, upload())).status).toBe('published');
      }
    });

    it('answers NOT_FOUND for an unknown dataset', async () => {
      expect(await codeOf(setUp().service.upload(editor, upload({ dataset: 'nowhere' })))).toBe('NOT_FOUND');
    });
  });

  describe('options', () => {
    it('takes a form field over the query parameter of the same name, and the query parameter when the form has none', () => {
      const options = requestOptions({ schema: 'air-hourly', delimiter: ';' }, { schema: 'water', delimiter: ',', encoding: 'gbk', resource: 'r-1', name: '监测' });
      expect(options).toEqual({ schemaId: 'air-hourly', delimiter: ';', encoding: 'gbk', resourceId: 'r-1', name: '监测' });
      expect(requestOptions({}, {})).toEqual({ schemaId: null, delimiter: null, encoding: null, resourceId: null, name: null });
    });

    it('reads them the same way for an upload and for a validation', async () => {
      const form = { schema: 'air-hourly', encoding: 'utf-8' };
      const query = { schema: 'water', encoding: 'gbk', delimiter: ';' };
      const t = setUp();
      await t.service.upload(editor, { dataset: 'air', file: fileOf(CSV), ...requestOptions(form, query) });
      await t.service.validate({ file: fileOf(CSV), ...requestOptions(form, query) });
      const read = t.validator.jobs.map((j) => ({ schema: j.schema?.id, encoding: j.encoding, delimiter: j.delimiter }));
      expect(read).toEqual([
        { schema: 'air-hourly', encoding: 'utf-8', delimiter: ';' },
        { schema: 'air-hourly', encoding: 'utf-8', delimiter: ';' },
      ]);
    });

    it('inherits the schema of the resource it adds a version to, and asks for one otherwise', async () => {
      const t = setUp();
      t.resources.latest.set('r-1', { schemaId: 'water' });
      await t.service.upload(editor, upload({ schemaId: null, resourceId: 'r-1' }));
      expect(t.validator.jobs[0].schema?.id).toBe('water');
      const error = await t.service.upload(editor, upload({ schemaId: null })).catch((e) => e);
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.details.fields.map((f: { path: string }) => f.path)).toEqual(['schema']);
    });

    it('validates without a schema: encoding and structure only, keys in memory, no rows copied', async () => {
      const t = setUp();
      const report = await t.service.validate({ file: fileOf(CSV) });
      expect(report).toMatchObject({ valid: true, schemaId: null, byteSize: CSV.length, sha256: createHash('sha256').update(CSV).digest('hex') });
      expect(t.validator.jobs[0]).toMatchObject({ schema: null, keys: 'memory', copy: false });
      expect(t.transactions.opened).toEqual([]);
      expect(t.staging.recorded).toEqual([]);
    });
  });

  describe('upload limit', () => {
    const big = `station,value\n${'a,1\n'.repeat(400)}`; // 1,614 bytes

    it('applies UPLOAD_MAX_BYTES where the organization has no limit of its own, and leaves nothing behind', async () => {
      const t = setUp();
      expect(await codeOf(t.service.upload(editor, upload({ file: fileOf(big) })))).toBe('PAYLOAD_TOO_LARGE');
      const [opened] = t.transactions.opened;
      expect(opened.log).toEqual(['abandon', 'release']);
      expect(t.reports.inserted).toEqual([]);
      expect(t.store.objects.size).toBe(0);
      expect(t.store.removed).toEqual(t.staging.recorded);
      expect(t.staging.forgotten).toEqual(t.staging.recorded);
    });

    it("applies the organization's own limit, smaller or larger than UPLOAD_MAX_BYTES", async () => {
      const larger = setUp();
      larger.limits.set(AIR.id, 5000);
      expect((await larger.service.upload(editor, upload({ file: fileOf(big) }))).status).toBe('published');
      const smaller = setUp();
      smaller.limits.set(AIR.id, 20);
      expect(await codeOf(smaller.service.upload(editor, upload()))).toBe('PAYLOAD_TOO_LARGE');
    });

    it('applies UPLOAD_MAX_BYTES to a validation', async () => {
      expect(await codeOf(setUp().service.validate({ file: fileOf(big) }))).toBe('PAYLOAD_TOO_LARGE');
      expect((await setUp({ uploadMaxBytes: 2000 }).service.validate({ file: fileOf(big) })).valid).toBe(true);
    });
  });

  describe('a valid file', () => {
    it('is published in the transaction that loaded its rows: keys checked, rows indexed, report and version, then commit', async () => {
      const t = setUp();
      const outcome = await t.service.upload(editor, upload({ name: ' 小时数据 ' }));
      const [opened] = t.transactions.opened;
      const [objectKey] = t.staging.recorded;
      expect(opened.log).toEqual(['copy 0,1', 'end copy', 'check keys', 'index', 'commit', 'release']);
      expect(opened.copied).toBe('2,a,1\n3,b,2\n');
      expect(opened.fields).toBe(SCHEMA.fields);
      expect(t.validator.jobs[0]).toMatchObject({ schema: SCHEMA, keys: 'external', copy: true });

      const sha256 = createHash('sha256').update(CSV).digest('hex');
      expect(t.reports.inserted).toEqual([{ report: expect.objectContaining({ status: 'published', datasetId: AIR.id, schemaId: SCHEMA.id, createdBy: 'u-editor' }), tx: opened.tx }]);
      const [added] = t.resources.added;
      expect(added.tx).toBe(opened.tx);
      expect(added.input).toMatchObject({ datasetId: AIR.id, name: '小时数据', file: { objectKey, datastoreTable: opened.table, sha256, byteSize: CSV.length, format: 'CSV', rowCount: 2 } });
      expect(t.reports.resources).toEqual([{ reportId: outcome.reportId, resourceId: 'r-new', tx: opened.tx }]);
      expect(t.changesCommitted()).toBe(1);

      expect(t.store.objects.get(objectKey)?.toString()).toBe(CSV);
      expect(t.store.removed).toEqual([]);
      expect(t.staging.multipart.get(objectKey)).toBe(`multipart-${objectKey}`);
      expect(t.staging.forgotten).toEqual([objectKey]);
      expect(outcome).toMatchObject({ status: 'published', resourceId: 'r-new', version: 1, pendingReview: false, report: { valid: true, sha256 } });
    });

    it('is named after its file when no name is given, and awaits review where the workflow says so', async () => {
      const t = setUp();
      t.resources.released = false;
      const outcome = await t.service.upload(editor, upload({ file: fileOf(CSV, '2025年1月.csv') }));
      expect(t.resources.added[0].input.name).toBe('2025年1月');
      expect(outcome.pendingReview).toBe(true);
    });
  });

  describe('a file with errors', () => {
    it('is rejected: its rows rolled back, its object removed, only its report kept (outside the transaction)', async () => {
      const t = setUp();
      const outcome = await t.service.upload(editor, upload({ file: fileOf('station,value\na,1\nbad,x\n') }));
      const [opened] = t.transactions.opened;
      expect(opened.log).toEqual(['copy 0,1', 'end copy', 'rollback', 'release']);
      expect(t.store.objects.size).toBe(0);
      expect(t.store.removed).toEqual(t.staging.recorded);
      expect(t.reports.inserted).toEqual([{ report: expect.objectContaining({ status: 'rejected', datasetId: AIR.id }), tx: undefined }]);
      expect(t.resources.added).toEqual([]);
      expect(t.changesCommitted()).toBe(0);
      expect(outcome).toMatchObject({ status: 'rejected', resourceId: null, version: null, report: { valid: false, errorCount: 1, sha256: null } });
      expect(outcome.reportId).toBe(t.reports.inserted[0].report.id);
    });

    it('is rejected when the database finds duplicate keys among rows that passed every other check', async () => {
      const t = setUp();
      t.transactions.duplicateKeys = true;
      const outcome = await t.service.upload(editor, upload());
      expect(t.transactions.opened[0].log).toEqual(['copy 0,1', 'end copy', 'check keys', 'rollback', 'release']);
      expect(outcome).toMatchObject({ status: 'rejected', report: { valid: false, stats: { 'primary-key': 1 }, sha256: null } });
      expect(t.store.objects.size).toBe(0);
    });
  });

  it('abandons the transaction and removes the object when the database refuses the rows', async () => {
    const t = setUp();
    t.transactions.copyFailure = new Error('invalid input syntax for type double precision');
    await expect(t.service.upload(editor, upload())).rejects.toThrow('invalid input syntax');
    expect(t.transactions.opened[0].log).toEqual(['copy 0,1', 'abandon', 'release']);
    expect(t.reports.inserted).toEqual([]);
    expect(t.store.removed).toEqual(t.staging.recorded);
    expect(t.staging.forgotten).toEqual(t.staging.recorded);
    expect(t.service.queueState).toEqual({ running: 0, waiting: 0 });
  });

  describe('queue', () => {
    /** An upload that holds its slot until its body ends. */
    async function holdingUpload(t: ReturnType<typeof setUp>) {
      const body = new PassThrough();
      body.write('station,value\n');
      const outcome = t.service.upload(editor, upload({ file: { fileName: 'slow.csv', mimeType: 'text/csv', stream: body } }));
      await until(() => t.validator.jobs.length === 1);
      return { outcome, finish: () => body.end('a,1\n') };
    }

    it('refuses an upload with SERVICE_UNAVAILABLE when every slot is taken and the queue is full, before staging anything', async () => {
      const t = setUp({ uploadQueueLength: 0 });
      const first = await holdingUpload(t);
      expect(t.service.queueState).toEqual({ running: 1, waiting: 0 });
      expect(await codeOf(t.service.upload(editor, upload()))).toBe('SERVICE_UNAVAILABLE');
      expect(t.staging.recorded).toHaveLength(1);
      first.finish();
      expect((await first.outcome).status).toBe('published');
      expect(t.service.queueState).toEqual({ running: 0, waiting: 0 });
    });

    it('lets a waiting upload whose client goes away leave the queue, having created nothing', async () => {
      const t = setUp({ uploadQueueLength: 1 });
      const first = await holdingUpload(t);
      const gone = new AbortController();
      const second = t.service.upload(editor, upload({ file: { fileName: 'b.csv', mimeType: 'text/csv', stream: new PassThrough() }, clientGone: gone.signal }));
      await until(() => t.service.queueState.waiting === 1);
      gone.abort(Object.assign(new Error('the client closed the connection'), { code: 'CLIENT_GONE' }));
      await expect(second).rejects.toThrow('the client closed the connection');
      expect(t.service.queueState).toEqual({ running: 1, waiting: 0 });
      expect(t.staging.recorded).toHaveLength(1);
      expect(t.validator.jobs).toHaveLength(1);
      first.finish();
      await first.outcome;
    });

    it('runs a queued upload once the slot frees up', async () => {
      const t = setUp({ uploadQueueLength: 1 });
      const first = await holdingUpload(t);
      const second = t.service.upload(editor, upload());
      await until(() => t.service.queueState.waiting === 1);
      expect(t.validator.jobs).toHaveLength(1);
      first.finish();
      expect((await second).status).toBe('published');
      expect(t.staging.recorded).toHaveLength(2);
    });
  });
});
