import { StagingCleanupService } from '@opendata/ingest';
import * as ExcelJS from 'exceljs';
import { OBJECT_STORE, ObjectStore } from '@opendata/storage';
import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { airQualityHourlyCsv } from '@opendata/demo';
import { TEST_ADMIN_TOKEN, TestApp, startTestApp } from '../../../test/support/test-app';

/** Polls until `check` holds (the server notices a cut connection asynchronously). */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.each([false, true])('interrupted uploads and the staging cleanup, validation threads: %s', (validationThreads) => {
  let t: TestApp;
  let db: DataSource;
  let store: ObjectStore;
  let port: number;

  const stagingObjects = async () => {
    const keys: string[] = [];
    for await (const o of store.list('uploads/')) keys.push(o.key);
    return keys;
  };
  const count = async (sql: string) => Number((await db.query(sql))[0].n);

  /** An upload whose body is still open: the request, with the file part's header written. */
  const openUpload = (fileName: string, contentType: string) => {
    const boundary = 'interrupted-upload-boundary';
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/datasets/air/resources?schema=air-quality-hourly',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    req.on('error', () => undefined);
    req.write(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${fileName}"\r\ncontent-type: ${contentType}\r\n\r\n`);
    return req;
  };

  /** Once the cut upload has ended: no version, no row table, no object. */
  const expectNothingLeft = async () => {
    await eventually(async () => (await count(`SELECT count(*) AS n FROM staging_uploads`)) === 0, 'the upload to end');
    expect(await count(`SELECT count(*) AS n FROM resource_versions`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'datastore'`)).toBe(0);
    expect(await stagingObjects()).toEqual([]);
  };

  beforeAll(async () => {
    t = await startTestApp({ validationThreads });
    db = t.app.get(DataSource);
    store = t.app.get(OBJECT_STORE);
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    await t.gql(`mutation { createOrganization(input: { slug: "env", name: "环保局" }) { id } }`, {}, TEST_ADMIN_TOKEN);
    const created = await t.gql(
      `mutation { createDataset(input: { slug: "air", title: "空气质量小时数据", description: "逐小时空气质量（测试数据）。", organization: "env", themes: ["GOV_ECOLOGY", "ENVI"], status: PUBLISHED, issued: "2026-01-01", contactPoint: { name: "监测科", phone: "0734-8123456" } }) { id } }`,
      {},
      TEST_ADMIN_TOKEN,
    );
    expect(created.body.errors).toBeUndefined();
  });
  afterAll(() => t.close());

  it('a connection cut mid-upload, after parts went up, leaves no version, no table, no object and no staging record', async () => {
    const rows = airQualityHourlyCsv().split('\n');
    const header = rows[0];
    const body = rows.slice(1, 2001).join('\n') + '\n';
    const req = openUpload('air.csv', 'text/csv');
    req.write(`${header}\n`);
    // About 20 MB of valid rows, so that the body goes to the object store as a multipart upload, but unique
    // keys are not the point here: the primary key check never runs, the upload never ends.
    for (let i = 0; i < 60; i++) {
      if (!req.write(body)) await new Promise((resolve) => req.once('drain', resolve));
    }
    await eventually(async () => (await count(`SELECT count(*) AS n FROM staging_uploads WHERE multipart_upload_id IS NOT NULL`)) === 1, 'a multipart upload to start');
    req.destroy();
    await expectNothingLeft();
  });

  it('a connection cut in the middle of an XLSX workbook ends the upload and the server goes on serving', async () => {
    // The XLSX reader hands the bytes to exceljs through a pipe, which passes no error on: the cut must still
    // end the read (not leave it waiting, nor throw where nobody catches).
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('空气质量');
    const rows = airQualityHourlyCsv().split('\n').filter((line) => line !== '');
    for (const line of rows.slice(0, 3000)) sheet.addRow(line.split(','));
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const req = openUpload('air.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    req.write(xlsx.subarray(0, Math.floor(xlsx.length / 2)));
    await eventually(async () => (await count(`SELECT count(*) AS n FROM staging_uploads`)) === 1, 'the upload to start');
    req.destroy();
    await expectNothingLeft();
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
  });

  it('the cleanup aborts the multipart upload and removes the object of an upload whose process died', async () => {
    // What a killed server leaves: a staging record, parts of a multipart upload never completed, and (when it
    // died between completing the object and committing) an object no version refers to.
    const key = 'uploads/00000000-0000-4000-8000-00000000dead';
    await db.query(`INSERT INTO staging_uploads (object_key, started_at) VALUES ($1, now() - interval '2 days')`, [key]);
    let uploadId = '';
    const part = Buffer.alloc(6 * 1024 * 1024, 'a');
    const stalled = Readable.from(
      (async function* () {
        yield part;
        yield part;
        await new Promise(() => undefined); // the process "dies" here
      })(),
    );
    void store.put(key, stalled, {
      onMultipartStart: async (id) => {
        uploadId = id;
        await db.query(`UPDATE staging_uploads SET multipart_upload_id = $2 WHERE object_key = $1`, [key, id]);
      },
    });
    await eventually(async () => uploadId !== '', 'the multipart upload to start');
    const orphan = 'uploads/00000000-0000-4000-8000-0000000000fe';
    await store.put(orphan, Buffer.from('a,b\n1,2\n'));
    await db.query(`INSERT INTO staging_uploads (object_key, started_at) VALUES ($1, now() - interval '2 days')`, [orphan]);
    const young = 'uploads/00000000-0000-4000-8000-0000000000ff';
    await db.query(`INSERT INTO staging_uploads (object_key) VALUES ($1)`, [young]);

    const summary = await t.app.get(StagingCleanupService).run(24 * 3600_000);
    expect(summary).toMatch(/^aborted 2 interrupted uploads/);
    expect((await db.query(`SELECT object_key FROM staging_uploads`)).map((r: { object_key: string }) => r.object_key)).toEqual([young]);
    expect(await stagingObjects()).toEqual([]);
    // The parts are gone: the aborted upload can no longer be completed.
    const client = (store as unknown as { client: { completeMultipartUpload(b: string, k: string, id: string, parts: unknown[]): Promise<unknown> } }).client;
    await expect(client.completeMultipartUpload(store.bucket, key, uploadId, [{ part: 1, etag: 'x' }])).rejects.toThrow();
  });
});
