import 'reflect-metadata';
import { encodeCursor } from '@opendata/datastore';
import { Client } from 'pg';
import { freePort } from '@opendata/platform';
import { summarize } from '../lib/stats';
import { BENCH_ROWS, graphql, millionRowServer } from './million-row-resource';

/**
 * npm run bench:rows — GraphQL row queries on a 1,000,000-row air-quality resource (uploaded over HTTP on the
 * first run, kept for later ones), one request at a time: a filtered and sorted page, a deep keyset page (row
 * 900,000), a filtered count and a grouped aggregate, each p50/p95 over BENCH_ROWS_REQUESTS requests (a fifth of
 * that for the count past the exact threshold and the aggregate; after a warm-up). Also times the publication index on _row by rebuilding it.
 */
const REQUESTS = Number(process.env.BENCH_ROWS_REQUESTS ?? 200);
/** Counts past the exact threshold and whole-table aggregates take far longer: fewer requests. */
const HEAVY_REQUESTS = Math.max(10, Math.round(REQUESTS / 5));

const PAGE = `query($id: ID!, $where: [RowCondition!], $orderBy: [RowOrder!], $after: String) {
  resource(id: $id) { rows(where: $where, orderBy: $orderBy, first: 50, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { ... on AirQualityHourlyRow { rowNumber station_code time aqi pm2_5 quality } }
  } } }`;
const COUNT = `query($id: ID!, $where: [RowCondition!]) { resource(id: $id) { rows(where: $where, first: 1) { totalCount totalCountEstimated } } }`;
const AGGREGATE = `query($id: ID!) { resource(id: $id) { aggregate(groupBy: ["station_code"], metrics: [{ fn: COUNT }, { fn: AVG, field: "aqi" }, { fn: MAX, field: "pm2_5" }]) { key metrics { value } } } }`;

async function measure(name: string, run: (i: number) => Promise<void>, requests = REQUESTS): Promise<string> {
  process.stdout.write(`${name} ... `);
  for (let i = 0; i < Math.min(10, requests); i++) await run(i);
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < requests; i++) {
    const t0 = performance.now();
    await run(i);
    latencies.push(performance.now() - t0);
  }
  const s = summarize(latencies, (performance.now() - started) / 1000);
  process.stdout.write('done\n');
  return `${name.padEnd(58)} p50 ${s.p50.toFixed(1).padStart(7)} ms   p95 ${s.p95.toFixed(1).padStart(7)} ms   (${requests} requests)`;
}

async function main(): Promise<void> {
  const server = await millionRowServer(freePort);
  try {
    const id = server.resourceId;
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    const stations: string[] = (await db.query(`SELECT DISTINCT station_code FROM datastore."${server.table}" ORDER BY 1`)).rows.map((r) => r.station_code);
    const started = performance.now();
    await db.query(`DROP INDEX IF EXISTS datastore."${server.table}_row"; CREATE UNIQUE INDEX "${server.table}_row" ON datastore."${server.table}" (_row)`);
    const indexSeconds = (performance.now() - started) / 1000;
    await db.end();

    const lines: string[] = [];
    // The stack's own floor on this machine at this moment: the same HTTP + auth + GraphQL path doing no row work.
    lines.push(
      await measure('baseline: { __typename } (HTTP + auth + GraphQL only)', async () => {
        await graphql(server.port, '{ __typename }');
      }),
    );
    lines.push(
      await measure('baseline: resource(id) { id } (no rows)', async () => {
        await graphql(server.port, 'query($id: ID!) { resource(id: $id) { id } }', { id });
      }),
    );
    lines.push(
      await measure('filtered + sorted page (station, aqi > 50, time DESC, 50)', async (i) => {
        const data = await graphql(server.port, PAGE, { id, where: [{ field: 'station_code', eq: stations[i % stations.length] }, { field: 'aqi', gt: 50 }], orderBy: [{ field: 'time', direction: 'DESC' }] });
        if (data.resource.rows.nodes.length !== 50) throw new Error('short page');
      }),
    );
    lines.push(
      await measure('deep keyset page (after row 900,000, 50 rows)', async (i) => {
        const after = encodeCursor([], 900_001 + (i % 100) * 7);
        const data = await graphql(server.port, PAGE, { id, after });
        if (data.resource.rows.nodes[0].rowNumber !== 900_002 + (i % 100) * 7) throw new Error('wrong page');
      }),
    );
    lines.push(
      await measure('totalCount, filter aqi > 100 (estimated above 100,000)', async () => {
        await graphql(server.port, COUNT, { id, where: [{ field: 'aqi', gt: 100 }] });
      }, HEAVY_REQUESTS),
    );
    lines.push(
      await measure('totalCount, filter one station + aqi > 150', async (i) => {
        await graphql(server.port, COUNT, { id, where: [{ field: 'station_code', eq: stations[i % stations.length] }, { field: 'aqi', gt: 150 }] });
      }),
    );
    lines.push(
      await measure('aggregate: group by station, count / avg aqi / max pm2_5', async () => {
        await graphql(server.port, AGGREGATE, { id });
      }, HEAVY_REQUESTS),
    );
    const counted = (await graphql(server.port, COUNT, { id, where: [{ field: 'aqi', gt: 100 }] })).resource.rows;
    console.log(`\nbench:rows  ${BENCH_ROWS} rows (air-quality-hourly, ${stations.length} stations), GraphQL over HTTP, one request at a time`);
    for (const line of lines) console.log(line);
    console.log(`targets: filtered+sorted page p95 <= 30 ms, deep keyset page p95 <= 30 ms`);
    console.log(`aqi > 100: totalCount ${counted.totalCount} (estimated: ${counted.totalCountEstimated})`);
    console.log(`publication index on _row (unique btree), rebuilt: ${indexSeconds.toFixed(2)} s`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
