import 'reflect-metadata';
import { projectRoot } from '@opendata/common';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { freePort } from '@opendata/platform';
import { startEmbeddedServer, stopEmbeddedServer } from '../lib/embedded-server';
import { uploadFile } from '../lib/multipart-upload';
import { writeAirQualityFile } from './air-quality-file';

/**
 * npm run bench:ingest — generates ROWS rows of hourly air quality (1,000,000 by default, about 100 MB), starts
 * the server on its embedded defaults, and measures two things in the same run on the same PostgreSQL:
 *  - the floor: the file piped raw into COPY (FORMAT csv) into a table of text columns, no parsing in Node;
 *  - the upload over HTTP: streaming to the object store, decoding, parsing, validating every row against the
 *    air-quality-hourly standard (AQI recomputed), the personal-data scan, COPY into the typed table, the key
 *    check and publication.
 * BENCH_INGEST_ROWS=10000000 gives a 1 GB file for the memory figure.
 */
const ROWS = Number(process.env.BENCH_INGEST_ROWS ?? 1_000_000);
/**
 * BENCH_INGEST_DELIMITER=';' gives the same rows separated by semicolons: no row then goes to COPY as written
 * (only comma-separated lines do), every row is formatted from its validated values.
 */
const DELIMITER = process.env.BENCH_INGEST_DELIMITER ?? ',';
const ADMIN = 'bench-admin-token-not-a-secret';
/** Alternating floor/upload runs (BENCH_INGEST_RUNS); 3 by default, 1 for the 1 GB memory figure. */
const RUNS = Number(process.env.BENCH_INGEST_RUNS ?? (ROWS > 2_000_000 ? 1 : 3));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function gql(port: number, query: string): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

async function copyFloor(databaseUrl: string, file: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const head = Buffer.alloc(4096);
    const fd = openSync(file, 'r');
    readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    const columns = head.toString('utf8').split('\n')[0].split(DELIMITER);
    await client.query(`DROP TABLE IF EXISTS bench_floor; CREATE TABLE bench_floor (${columns.map((c) => `"${c}" text`).join(', ')})`);
    const started = performance.now();
    await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), client.query(copyFrom(`COPY bench_floor FROM STDIN (FORMAT csv, HEADER true, DELIMITER '${DELIMITER}')`)));
    const seconds = (performance.now() - started) / 1000;
    await client.query('DROP TABLE bench_floor');
    return seconds;
  } finally {
    await client.end();
  }
}

const peakRssMb = (pid: number): number => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function main(): Promise<void> {
  const root = projectRoot();
  mkdirSync(join(root, 'bench/out'), { recursive: true });
  const file = join(root, 'bench/out', `air-quality-hourly-${ROWS}${DELIMITER === ',' ? '' : `-sep${DELIMITER.charCodeAt(0)}`}.csv`);
  if (!existsSync(file)) {
    process.stdout.write(`generating ${ROWS} rows ... `);
    await writeAirQualityFile(file, ROWS, DELIMITER);
    process.stdout.write('done\n');
  }
  const megabytes = statSync(file).size / 1e6;
  const dataDir = join(root, '.data', 'bench-ingest');
  rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  const server = await startEmbeddedServer(root, dataDir, port, ADMIN);
  try {
    await gql(port, `mutation { createOrganization(input: { slug: "bench-env", name: "基准测试环保局" }) { id } }`);
    await gql(port, `mutation { createDataset(input: { slug: "bench-air", title: "基准测试空气质量", description: "基准测试用的小时空气质量数据。", organization: "bench-env", themes: ["GOV_ECOLOGY", "ENVI"] }) { id } }`);
    const { databaseUrl } = JSON.parse(readFileSync(join(dataDir, 'runtime.json'), 'utf8'));
    // Floor and upload alternate RUNS times and the medians are compared: the machine is noisy, and alternating
    // exposes both to the same noise.
    const floors: number[] = [];
    const uploads: number[] = [];
    let response: Awaited<ReturnType<typeof uploadFile>> | null = null;
    for (let run = 0; run < RUNS; run++) {
      floors.push(await copyFloor(databaseUrl, file));
      const started = performance.now();
      response = await uploadFile(`http://127.0.0.1:${port}/api/v1/datasets/bench-air/resources`, ADMIN, { schema: 'air-quality-hourly', name: `bench-${run}` }, file);
      uploads.push((performance.now() - started) / 1000);
      if (response.status !== 201) throw new Error(`upload ${response.status}: ${JSON.stringify(response.body).slice(0, 600)}`);
      console.log(`run ${run + 1}: floor ${floors[run].toFixed(1)} s, upload ${uploads[run].toFixed(1)} s, ratio ${(floors[run] / uploads[run]).toFixed(2)}`);
    }
    const floorSeconds = median(floors);
    const seconds = median(uploads);
    const rss = peakRssMb(server.pid as number);
    const last = response!;
    const row = (name: string, s: number) => `${name.padEnd(42)} ${s.toFixed(1).padStart(7)} s ${(ROWS / s / 1000).toFixed(1).padStart(8)} k rows/s ${(megabytes / s).toFixed(1).padStart(6)} MB/s`;
    const layout = DELIMITER === ',' ? 'CSV' : `CSV separated by "${DELIMITER}"`;
    console.log(`\nbench:ingest  ${ROWS} rows, ${megabytes.toFixed(0)} MB ${layout} (air-quality-hourly), embedded PostgreSQL and S3, median of ${RUNS} alternating runs`);
    console.log(row('floor: raw file -> COPY into text columns', floorSeconds));
    console.log(row('upload: stream, validate, COPY, publish', seconds));
    console.log(`ratio upload / floor: ${(floorSeconds / seconds).toFixed(2)} (target >= 0.25)`);
    console.log(`server peak RSS: ${rss.toFixed(0)} MB (target <= 300 MB); report: ${last.body.report.rowCount} rows, ${last.body.report.errorCount} errors`);
    console.log(`of the last upload: streaming pass ${(last.body.report.durationMs / 1000).toFixed(1)} s, key check and publication ${(uploads[RUNS - 1] - last.body.report.durationMs / 1000).toFixed(1)} s`);
  } finally {
    await stopEmbeddedServer(server);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
