import { projectRoot } from '@opendata/common';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAirQualityFile } from '../ingest/air-quality-file';
import { startEmbeddedServer, stopEmbeddedServer } from '../lib/embedded-server';
import { uploadFile } from '../lib/multipart-upload';

/**
 * The 1,000,000-row air-quality resource that bench:rows and bench:download query: uploaded over HTTP once
 * (reusing bench:ingest's generated file), kept in .data/bench-rows for later runs (BENCH_FRESH=1 starts
 * over). Each run gets a freshly started server, so the process's peak RSS is that of the run's own work.
 */
export const BENCH_ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
export const ADMIN = 'bench-admin-token-not-a-secret';

export interface RowsBenchServer {
  port: number;
  pid: number;
  databaseUrl: string;
  resourceId: string;
  table: string;
  csvFile: string;
  stop(): Promise<void>;
}

export async function graphql(port: number, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 800));
  return body.data;
}

export async function millionRowServer(freePort: () => Promise<number>): Promise<RowsBenchServer> {
  const root = projectRoot();
  mkdirSync(join(root, 'bench/out'), { recursive: true });
  const csvFile = join(root, 'bench/out', `air-quality-hourly-${BENCH_ROWS}.csv`);
  if (!existsSync(csvFile)) {
    process.stdout.write(`generating ${BENCH_ROWS} rows ... `);
    await writeAirQualityFile(csvFile, BENCH_ROWS);
    process.stdout.write('done\n');
  }
  const dataDir = join(root, '.data', 'bench-rows');
  const stateFile = join(dataDir, `bench-rows-${BENCH_ROWS}.json`);
  if (process.env.BENCH_FRESH === '1' || !existsSync(stateFile)) rmSync(dataDir, { recursive: true, force: true });
  let state = existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as { resourceId: string }) : null;
  const port = await freePort();
  let server = await startEmbeddedServer(root, dataDir, port, ADMIN);
  if (!state) {
    await graphql(port, `mutation { createOrganization(input: { slug: "bench-env", name: "基准测试环保局" }) { id } }`);
    await graphql(port, `mutation { createDataset(input: { slug: "bench-air", title: "基准测试空气质量", description: "基准测试用的小时空气质量数据。", organization: "bench-env", themes: ["GOV_ECOLOGY", "ENVI"], status: PUBLISHED, issued: "2026-01-01", contactPoint: { name: "监测科", phone: "0734-8123456" } }) { id } }`);
    process.stdout.write(`uploading ${BENCH_ROWS} rows over HTTP ... `);
    const started = performance.now();
    const response = await uploadFile(`http://127.0.0.1:${port}/api/v1/datasets/bench-air/resources`, ADMIN, { schema: 'air-quality-hourly', name: 'bench' }, csvFile);
    if (response.status !== 201) throw new Error(`upload ${response.status}: ${JSON.stringify(response.body).slice(0, 600)}`);
    process.stdout.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    state = { resourceId: response.body.resource.id };
    writeFileSync(stateFile, JSON.stringify(state));
    // A fresh process for the measurements: its peak memory then owes nothing to the upload.
    await stopEmbeddedServer(server);
    server = await startEmbeddedServer(root, dataDir, port, ADMIN);
  }
  const { databaseUrl } = JSON.parse(readFileSync(join(dataDir, 'runtime.json'), 'utf8'));
  const { Client } = await import('pg');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query(`SELECT datastore_table FROM resource_versions WHERE resource_id = $1 ORDER BY version DESC LIMIT 1`, [state.resourceId]);
  await client.end();
  const child = server;
  return { port, pid: child.pid as number, databaseUrl, resourceId: state.resourceId, table: rows[0].datastore_table, csvFile, stop: () => stopEmbeddedServer(child) };
}

/** Peak resident memory (VmHWM) of a process so far. */
export const peakRssMb = (pid: number): number => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
