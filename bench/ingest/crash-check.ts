import 'reflect-metadata';
import { projectRoot } from '@opendata/common';
import { DEFAULT_PART_SIZE } from '@opendata/storage';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { freePort } from '@opendata/platform';
import { startApiProcess } from '../lib/api-process';
import { startBenchServices } from '../lib/bench-services';
import { uploadFile } from '../lib/multipart-upload';
import { writeAirQualityFile } from './air-quality-file';

/**
 * npm run check:crash — the acceptance check for interrupted uploads: kill -9 the server in the middle of a
 * 1 GB upload (10,000,000 rows; CRASH_ROWS to change), start it again, and verify that no version, row table or
 * object is visible; then run the cleanup (the worker, `--once`) once the staging artefacts are older than
 * STAGING_MAX_AGE_HOURS, and verify that the multipart parts and the staging record are gone.
 * PostgreSQL and S3 run outside the server here, as in production, so that they outlive it.
 */
const ROWS = Number(process.env.CRASH_ROWS ?? 10_000_000);
const ADMIN = 'crash-check-admin-token-not-a-secret';
const checks: Array<[string, boolean, string]> = [];
const check = (what: string, ok: boolean, detail = '') => checks.push([what, ok, detail]);

async function main(): Promise<void> {
  const root = projectRoot();
  const file = join(root, 'bench/out', `air-quality-hourly-${ROWS}.csv`);
  if (!existsSync(file)) {
    process.stdout.write(`generating ${ROWS} rows ... `);
    await writeAirQualityFile(file, ROWS);
    process.stdout.write('done\n');
  }
  const dataDir = join(root, '.data', 'crash-check');
  rmSync(dataDir, { recursive: true, force: true });
  process.env.BENCH_DATA_DIR = dataDir;
  const services = await startBenchServices(root, 'crash-check');
  const db = new Client({ connectionString: services.databaseUrl });
  await db.connect();
  const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);
  const partsDir = join(dataDir, 's3', services.storage.bucket, '._S3rver_uploads');
  const env = { ADMIN_TOKEN: ADMIN, JOBS_IN_API: 'false' };
  const uploadsLeft = () => (existsSync(partsDir) ? readdirSync(partsDir).length : 0);
  const partCount = () =>
    existsSync(partsDir) ? readdirSync(partsDir).flatMap((id) => (existsSync(join(partsDir, id)) ? readdirSync(join(partsDir, id)) : [])).filter((f) => /^\d+$/.test(f)).length : 0;
  try {
    const port = await freePort();
    let api = await startApiProcess(root, port, services, env);
    const gql = async (query: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` }, body: JSON.stringify({ query }) });
      const body = (await res.json()) as { data?: any; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body;
    };
    await gql(`mutation { createOrganization(input: { slug: "crash-env", name: "崩溃测试环保局" }) { id } }`);
    await gql(`mutation { createDataset(input: { slug: "crash-air", title: "崩溃测试空气质量", description: "服务器在上传中途被强制终止的测试数据集。", organization: "crash-env", themes: ["GOV_ECOLOGY", "ENVI"] }) { id } }`);

    const size = statSync(file).size;
    const upload = uploadFile(`http://127.0.0.1:${port}/api/v1/datasets/crash-air/resources`, ADMIN, { schema: 'air-quality-hourly' }, file).catch((e: Error) => e);
    // Kill once a good share of the file is in: rows COPYed, parts stored.
    let settled = false;
    void upload.then(() => (settled = true));
    for (let i = 0; i < 6000 && !settled; i++) {
      if (partCount() * DEFAULT_PART_SIZE >= size * 0.3) break;
      await sleep(100);
    }
    console.log(`killing the server after ${partCount()} parts of ${DEFAULT_PART_SIZE / 1024 / 1024} MiB stored`);
    api.child.kill('SIGKILL');
    const outcome = await upload;
    check('the client saw the upload fail', outcome instanceof Error, outcome instanceof Error ? outcome.message : JSON.stringify(outcome).slice(0, 200));
    const partsLeft = uploadsLeft();
    check('the kill left multipart parts behind (what the cleanup must remove)', partsLeft > 0, `${partsLeft} multipart upload(s)`);

    api = await startApiProcess(root, port, services, env);
    const seen = await gql(`{ dataset(slug: "crash-air") { resources { id } } }`);
    check('after restart: no resource visible in GraphQL', seen.data?.dataset?.resources?.length === 0, JSON.stringify(seen.data));
    check('after restart: no resource version in the database', (await count(`SELECT count(*) AS n FROM resource_versions`)) === 0);
    check('after restart: no row table in the datastore', (await count(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'datastore'`)) === 0);
    check('after restart: no object under uploads/', !existsSync(join(dataDir, 's3', services.storage.bucket, 'uploads')));
    const staged = await count(`SELECT count(*) AS n FROM staging_uploads WHERE multipart_upload_id IS NOT NULL`);
    check('after restart: the staging record names the multipart upload', staged === 1, `${staged} record(s)`);

    // The cleanup leaves uploads younger than STAGING_MAX_AGE_HOURS alone; age the record as the hours would.
    await db.query(`UPDATE staging_uploads SET started_at = now() - interval '25 hours'`);
    const worker = spawn(process.execPath, [join(root, 'dist/apps/worker/src/main.js'), '--once'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: services.databaseUrl,
        MINIO_ENDPOINT: `http://${services.storage.endPoint}:${services.storage.port}`,
        MINIO_ACCESS_KEY: services.storage.accessKey,
        MINIO_SECRET_KEY: services.storage.secretKey,
        MINIO_BUCKET: services.storage.bucket,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const code = await new Promise<number | null>((resolve) => worker.once('exit', resolve));
    check('the worker ran the cleanup once and exited 0', code === 0, `exit ${code}`);
    check('after cleanup: no staging record', (await count(`SELECT count(*) AS n FROM staging_uploads`)) === 0);
    const remaining = uploadsLeft();
    check('after cleanup: the multipart parts are gone', remaining === 0, `${remaining} left`);
    await api.stop();
  } finally {
    await db.end();
    await services.stop();
  }
  console.log(`\ncheck:crash  kill -9 during a ${(statSync(file).size / 1e9).toFixed(2)} GB upload`);
  for (const [what, ok, detail] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${what}${detail ? `  (${detail})` : ''}`);
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
}

// The killed server's memory sampler is still ticking: leave explicitly.
main().then(() => process.exit(process.exitCode ?? 0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
