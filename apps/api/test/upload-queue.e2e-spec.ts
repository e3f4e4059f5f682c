import { IngestService } from '@opendata/ingest';
import { OBJECT_STORE, ObjectStore } from '@opendata/storage';
import { ClientRequest, IncomingMessage, request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { airQualityHourlyCsv } from '../../../libs/catalog/src/demo/files/air-quality-hourly';
import { TEST_ADMIN_TOKEN, TestApp, startTestApp } from '../../../test/support/test-app';

const LINES = airQualityHourlyCsv().split('\n').filter((line) => line !== '');
const HEADER = `${LINES[0]}\n`;
/** The first rows, sent at once; the rest only when the test says so, so that uploads overlap for certain. */
const START = LINES.slice(1, 101).join('\n') + '\n';
const REST = LINES.slice(101, 2001).join('\n') + '\n';

async function eventually(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

interface OpenUpload {
  req: ClientRequest;
  /** Sends the rest of the file and resolves with the answer. */
  finish(): Promise<{ status: number; body: any; headers: IncomingMessage['headers'] }>;
  response: Promise<{ status: number; body: any; headers: IncomingMessage['headers'] }>;
}

/** Scenarios of the upload queue: a slot per running upload, a bounded queue behind them, a wait timeout. */
describe('upload queue (UPLOAD_CONCURRENCY, UPLOAD_QUEUE_LENGTH, UPLOAD_QUEUE_TIMEOUT_SECONDS)', () => {
  let t: TestApp;
  let port: number;
  let db: DataSource;
  let store: ObjectStore;

  const start = async (overrides: Parameters<typeof startTestApp>[0]) => {
    t = await startTestApp(overrides);
    db = t.app.get(DataSource);
    store = t.app.get(OBJECT_STORE);
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    await t.gql(`mutation { createOrganization(input: { slug: "env", name: "环保局", reviewRequired: false }) { id } }`, {}, TEST_ADMIN_TOKEN);
    const created = await t.gql(
      `mutation { createDataset(input: { slug: "air", title: "空气质量小时数据", description: "逐小时空气质量（测试数据）。", organization: "env", themes: ["GOV_ECOLOGY", "ENVI"], status: PUBLISHED, issued: "2026-01-01", contactPoint: { name: "监测科", phone: "0734-8123456" } }) { id } }`,
      {},
      TEST_ADMIN_TOKEN,
    );
    expect(created.body.errors).toBeUndefined();
  };
  const queue = () => t.app.get(IngestService).queueState;
  const count = async (sql: string) => Number((await db.query(sql))[0].n);
  const storedObjects = async () => {
    let n = 0;
    for await (const _ of store.list('uploads/')) n++;
    return n;
  };

  /** An upload of 2,000 rows whose body stops after the first 100 until finish(). */
  const openUpload = (name: string): OpenUpload => {
    const boundary = `queue-${name}`;
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/api/v1/datasets/air/resources?schema=air-quality-hourly&name=${name}`,
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    req.on('error', () => undefined);
    const response = new Promise<{ status: number; body: any; headers: IncomingMessage['headers'] }>((resolve) => {
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || 'null'), headers: res.headers }));
      });
    });
    req.write(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}.csv"\r\ncontent-type: text/csv\r\n\r\n${HEADER}${START}`);
    return {
      req,
      response,
      finish: () => {
        req.end(`${REST}\r\n--${boundary}--\r\n`);
        return response;
      },
    };
  };
  const smallUpload = () =>
    t.http
      .post('/api/v1/datasets/air/resources?schema=air-quality-hourly')
      .set('authorization', `Bearer ${TEST_ADMIN_TOKEN}`)
      .attach('file', Buffer.from(HEADER + START), 'small.csv');

  afterEach(() => t.close());

  it('runs 4 of 8 simultaneous uploads and queues the other 4: all 8 are published, none refused', async () => {
    await start({ uploadConcurrency: 4, uploadQueueLength: 32, uploadQueueTimeoutSeconds: 120 });
    const uploads = Array.from({ length: 8 }, (_, i) => openUpload(`upload-${i}`));
    // Every body is held open, so all eight are in at once: four in a slot, four waiting for one.
    await eventually(() => queue().running === 4 && queue().waiting === 4, '4 running and 4 queued uploads');
    const answers = await Promise.all(uploads.map((u) => u.finish()));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    expect(answers.map((a) => a.body.report.rowCount)).toEqual(Array(8).fill(2000));
    expect(await count(`SELECT count(*) AS n FROM resource_versions`)).toBe(8);
    expect(queue()).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses at once with 503 and Retry-After when the queue is full; a queued upload whose client goes away leaves the queue and loses nothing', async () => {
    await start({ uploadConcurrency: 1, uploadQueueLength: 1, uploadQueueTimeoutSeconds: 120 });
    const running = openUpload('running');
    await eventually(() => queue().running === 1, 'the first upload to run');
    const queued = openUpload('queued');
    await eventually(() => queue().waiting === 1, 'the second upload to wait');

    const refused = await smallUpload();
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.body.details.retryAfterSeconds).toBe(Number(refused.headers['retry-after']));

    queued.req.destroy();
    await eventually(() => queue().waiting === 0, 'the abandoned upload to leave the queue');
    expect(queue().running).toBe(1);
    // A small file arrives whole and waits, its body unread; then its client gives up.
    const whole = openUpload('whole');
    whole.req.end('\r\n--queue-whole--\r\n');
    await eventually(() => queue().waiting === 1, 'the whole upload to wait');
    whole.req.destroy();
    await eventually(() => queue().waiting === 0, 'the whole upload to leave the queue once its client is gone');
    expect(queue().running).toBe(1);
    expect((await running.finish()).status).toBe(201);
    // The slot the abandoned upload waited for went back: the next upload runs at once.
    expect((await smallUpload()).status).toBe(201);
    expect(queue()).toEqual({ running: 0, waiting: 0 });
    expect(await count(`SELECT count(*) AS n FROM resource_versions`)).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM staging_uploads`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM upload_reports`)).toBe(2);
    expect(await storedObjects()).toBe(2);
  });

  it('answers 503 with Retry-After to an upload that waited longer than the queue timeout, and the running one is unharmed', async () => {
    await start({ uploadConcurrency: 1, uploadQueueLength: 4, uploadQueueTimeoutSeconds: 1 });
    const running = openUpload('running');
    await eventually(() => queue().running === 1, 'the first upload to run');
    const late = await smallUpload();
    expect(late.status).toBe(503);
    expect(late.body.message).toContain('retry in');
    expect(late.headers['retry-after']).toMatch(/^\d+$/);
    expect(queue()).toEqual({ running: 1, waiting: 0 });
    expect((await running.finish()).status).toBe(201);
  });

  it('cuts an upload whose client stalls after the idle timeout, not after a limit on the whole request, and keeps nothing of it', async () => {
    await start({ uploadConcurrency: 1, uploadQueueLength: 4, uploadQueueTimeoutSeconds: 1, httpIdleTimeoutSeconds: 2 });
    // Node's own 300 s limit on a whole request would cut a gigabyte upload that is still sending.
    expect(t.app.getHttpServer().requestTimeout).toBe(0);
    const stalled = openUpload('stalled');
    const closed = new Promise<void>((resolve) => stalled.req.on('close', () => resolve()));
    await eventually(() => queue().running === 1, 'the stalled upload to run');
    await closed;
    await eventually(() => queue().running === 0, 'the stalled upload to give its slot back');
    await eventually(async () => (await count(`SELECT count(*) AS n FROM staging_uploads`)) === 0, 'the staging record to go');
    expect(await count(`SELECT count(*) AS n FROM resource_versions`)).toBe(0);
    expect(await storedObjects()).toBe(0);
    expect((await smallUpload()).status).toBe(201);
  });
});
