import 'reflect-metadata';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { freePort } from '@opendata/platform';
import { BENCH_ROWS, millionRowServer, peakRssMb } from '../rows/million-row-resource';

/**
 * npm run bench:download — the validated rows of a 1,000,000-row resource exported over HTTP (data.csv,
 * data.json, data.ndjson), next to PostgreSQL's own COPY ... TO STDOUT (FORMAT csv) of the same table read by a
 * client in the same run (the floor: no HTTP, no formula neutralisation). Each figure is the best of
 * BENCH_DOWNLOAD_RUNS runs (the machine is shared); the server's peak RSS is over all of them.
 */
const RUNS = Number(process.env.BENCH_DOWNLOAD_RUNS ?? 3);

async function floor(databaseUrl: string, table: string): Promise<{ seconds: number; bytes: number }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = performance.now();
    let bytes = 0;
    const stream = client.query(copyTo(`COPY datastore."${table}" TO STDOUT (FORMAT csv, HEADER true)`));
    for await (const chunk of stream) bytes += (chunk as Buffer).length;
    return { seconds: (performance.now() - started) / 1000, bytes };
  } finally {
    await client.end();
  }
}

async function download(url: string): Promise<{ seconds: number; bytes: number }> {
  const started = performance.now();
  const res = await fetch(url);
  if (res.status !== 200 || !res.body) throw new Error(`${url}: ${res.status}`);
  let bytes = 0;
  for await (const chunk of res.body) bytes += (chunk as Uint8Array).length;
  return { seconds: (performance.now() - started) / 1000, bytes };
}

async function best(run: () => Promise<{ seconds: number; bytes: number }>): Promise<{ seconds: number; bytes: number }> {
  let fastest: { seconds: number; bytes: number } | null = null;
  for (let i = 0; i < RUNS; i++) {
    const result = await run();
    if (!fastest || result.seconds < fastest.seconds) fastest = result;
  }
  return fastest!;
}

async function main(): Promise<void> {
  const server = await millionRowServer(freePort);
  try {
    const base = `http://127.0.0.1:${server.port}/api/v1/resources/${server.resourceId}`;
    const rssBefore = peakRssMb(server.pid);
    const copy = await best(() => floor(server.databaseUrl, server.table));
    const csv = await best(() => download(`${base}/data.csv`));
    const json = await best(() => download(`${base}/data.json`));
    const ndjson = await best(() => download(`${base}/data.ndjson`));
    const filtered = await best(() => download(`${base}/data.csv?where=${encodeURIComponent(JSON.stringify({ aqi: { gt: 100 } }))}`));
    const rss = peakRssMb(server.pid);
    const line = (name: string, r: { seconds: number; bytes: number }, ratio?: number) =>
      `${name.padEnd(46)} ${r.seconds.toFixed(2).padStart(6)} s ${(BENCH_ROWS / r.seconds / 1000).toFixed(0).padStart(6)} k rows/s ${(r.bytes / 1e6 / r.seconds).toFixed(1).padStart(6)} MB/s ${(r.bytes / 1e6).toFixed(0).padStart(5)} MB${ratio === undefined ? '' : `   ratio to floor ${ratio.toFixed(2)}`}`;
    console.log(`\nbench:download  ${BENCH_ROWS} rows (air-quality-hourly), best of ${RUNS} runs each, embedded PostgreSQL`);
    console.log(line('floor: COPY table TO STDOUT (csv), pg client', copy));
    console.log(line('GET data.csv', csv, copy.seconds / csv.seconds));
    console.log(line('GET data.json', json, copy.seconds / json.seconds));
    console.log(line('GET data.ndjson', ndjson, copy.seconds / ndjson.seconds));
    console.log(line('GET data.csv?where={"aqi":{"gt":100}} (rows/s of all)', filtered));
    console.log(`targets: CSV export >= 0.5 of the floor; server peak RSS <= 200 MB`);
    console.log(`server peak RSS (VmHWM): ${rss.toFixed(0)} MB (${rssBefore.toFixed(0)} MB after start, before the exports)`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
