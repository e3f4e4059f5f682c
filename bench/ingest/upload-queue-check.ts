import 'reflect-metadata';
import { projectRoot } from '@opendata/common';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../libs/config/src/embedded/free-port';
import { startEmbeddedServer, stopEmbeddedServer } from '../lib/embedded-server';
import { uploadFile } from '../lib/multipart-upload';
import { writeAirQualityFile } from './air-quality-file';

/**
 * npm run check:upload-queue — the upload queue under load: the server on its embedded defaults with
 * UPLOAD_CONCURRENCY=4 (BENCH_QUEUE_CONCURRENCY), and 8 uploads (BENCH_QUEUE_UPLOADS) of a 20 MB air-quality
 * file (BENCH_QUEUE_ROWS rows, 170,000 by default) sent at the same moment. Every upload must be published
 * (201) and none refused; it prints, per upload, the time to its answer and its streaming pass, so that the
 * queued ones show their wait, then the totals and the server's peak memory.
 */
const ROWS = Number(process.env.BENCH_QUEUE_ROWS ?? 170_000);
const UPLOADS = Number(process.env.BENCH_QUEUE_UPLOADS ?? 8);
const CONCURRENCY = process.env.BENCH_QUEUE_CONCURRENCY ?? '4';
const ADMIN = 'bench-admin-token-not-a-secret';

async function gql(port: number, query: string): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

const peakRssMb = (pid: number): number => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function main(): Promise<void> {
  const root = projectRoot();
  mkdirSync(join(root, 'bench/out'), { recursive: true });
  const file = join(root, 'bench/out', `air-quality-hourly-${ROWS}.csv`);
  if (!existsSync(file)) await writeAirQualityFile(file, ROWS);
  const megabytes = statSync(file).size / 1e6;
  const dataDir = join(root, '.data', 'bench-upload-queue');
  rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  const server = await startEmbeddedServer(root, dataDir, port, ADMIN, { UPLOAD_CONCURRENCY: CONCURRENCY });
  try {
    await gql(port, `mutation { createOrganization(input: { slug: "bench-env", name: "基准测试环保局", reviewRequired: false }) { id } }`);
    await gql(port, `mutation { createDataset(input: { slug: "bench-air", title: "基准测试空气质量", description: "基准测试用的小时空气质量数据。", organization: "bench-env", themes: ["GOV_ECOLOGY", "ENVI"] }) { id } }`);
    console.log(`check:upload-queue  ${UPLOADS} simultaneous uploads of ${megabytes.toFixed(1)} MB (${ROWS} rows) each, UPLOAD_CONCURRENCY=${CONCURRENCY}`);
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: UPLOADS }, async (_, i) => {
        const response = await uploadFile(`http://127.0.0.1:${port}/api/v1/datasets/bench-air/resources`, ADMIN, { schema: 'air-quality-hourly', name: `queue-${i}` }, file);
        return { i, seconds: (performance.now() - started) / 1000, response };
      }),
    );
    const wall = (performance.now() - started) / 1000;
    for (const { i, seconds, response } of results.sort((a, b) => a.seconds - b.seconds)) {
      const pass = response.body?.report?.durationMs;
      const detail = response.status === 201 ? `${response.body.report.rowCount} rows, streaming pass ${(pass / 1000).toFixed(1)} s` : JSON.stringify(response.body).slice(0, 300);
      console.log(`upload ${i}: HTTP ${response.status} after ${seconds.toFixed(1)} s (${detail})`);
    }
    const published = results.filter((r) => r.response.status === 201).length;
    const refused = results.filter((r) => r.response.status === 503).length;
    console.log(`published ${published} of ${UPLOADS}, refused ${refused}, other ${UPLOADS - published - refused}; all answered after ${wall.toFixed(1)} s (${((UPLOADS * megabytes) / wall).toFixed(1)} MB/s together)`);
    console.log(`server peak RSS: ${peakRssMb(server.pid as number).toFixed(0)} MB`);
    if (published !== UPLOADS) process.exitCode = 1;
  } finally {
    await stopEmbeddedServer(server);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
