import 'reflect-metadata';
import { SYSTEM } from '@opendata/auth';
import { CATALOG_ENTITIES, DatasetSearchQuery, OrganizationService, ThemeService, searchDatasets } from '@opendata/catalog';
import { projectRoot } from '@opendata/common';
import { OrganizationRepository, ThemeRepository } from '@opendata/catalog';
import { dataSourceOptions } from '@opendata/database';
import { freePort } from '@opendata/platform';
import { Agent, request } from 'node:http';
import { availableParallelism } from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startApiProcess } from '../lib/api-process';
import { startBenchServices } from '../lib/bench-services';
import { LatencySummary, runLoad } from '../lib/stats';
import { loadCatalogue } from './catalogue-generator';
import { DEMO_ORGANIZATIONS } from '@opendata/demo';

/**
 * npm run bench:search — 100,000 datasets; GraphQL `datasets(search:, first: 20)` with totalCount and facets,
 * over HTTP at concurrency 16, against the same search statement sent straight to PostgreSQL at the same
 * concurrency (the floor: what the database alone costs). Both run in this one process run, same data.
 */
const DATASETS = Number(process.env.BENCH_DATASETS ?? 100_000);
const CONCURRENCY = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP = 3;
/** One API worker per core, as the README recommends for a machine of its own. */
const API_WORKERS = String(Number(process.env.BENCH_API_WORKERS ?? availableParallelism()));

/** What people type into a city portal's search box: agencies' data, in Chinese, and some English. */
const SEARCHES = [
  '空气质量', '公租房', '公积金', '社保', '双公示', '预决算', '12345热线', '水质', '行政处罚', '招生计划',
  '扶贫资金', '养老保险', '医疗服务价格', '衡阳县', '政府采购', '低保', '棚户区改造', '企业信用', '价格监测', '人口统计',
  'air quality', 'housing', '耒阳市 公租房', '2019年 空气质量', '安全生产事故', '科技项目', '三公经费', '征地', '传染病', '12345',
];

const QUERY = `query($search: String!) {
  datasets(search: $search, first: 20) {
    totalCount
    edges { cursor node { id slug title modified organization { slug name } tags } }
    pageInfo { hasNextPage endCursor }
    facets { organizations { key label count } themes { key label count } tags { key label count } formats { key label count } }
  }
}`;

async function ensureCatalogue(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const existing = Number((await client.query(`SELECT count(*) FROM datasets WHERE slug LIKE 'bench-%'`)).rows[0].count);
    if (existing === DATASETS) return existing;
    if (existing > 0) await client.query(`TRUNCATE datasets, dataset_tags, dataset_themes, resources, resource_versions CASCADE`);
    const started = Date.now();
    process.stdout.write(`loading ${DATASETS} datasets `);
    await loadCatalogue(client, DATASETS, (n) => n % 20000 === 0 && process.stdout.write('.'));
    process.stdout.write(` ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return DATASETS;
  } finally {
    await client.end();
  }
}

async function ensureOrganizations(dataSource: DataSource): Promise<void> {
  await new ThemeService(new ThemeRepository(dataSource)).syncVocabulary();
  const service = new OrganizationService(new OrganizationRepository(dataSource));
  for (const org of DEMO_ORGANIZATIONS) {
    if ((await dataSource.query('SELECT 1 FROM organizations WHERE slug = $1', [org.slug])).length) continue;
    await service.create(SYSTEM, org);
  }
}

function httpSearch(port: number, agent: Agent) {
  return (search: string) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({ query: QUERY, variables: { search } });
      const req = request(
        { host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            if (res.statusCode !== 200 || text.includes('"errors"')) reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
            else resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

function row(name: string, s: LatencySummary): string {
  return `${name.padEnd(34)} ${s.p50.toFixed(1).padStart(7)} ${s.p95.toFixed(1).padStart(7)} ${s.p99.toFixed(1).padStart(7)} ${s.perSecond.toFixed(0).padStart(8)}`;
}

async function main(): Promise<void> {
  const root = projectRoot();
  const services = await startBenchServices(root, 'search');
  // The same data source settings as the API's (pool, session options), so the floor is comparable.
  const dataSource = new DataSource(dataSourceOptions(services.databaseUrl, CATALOG_ENTITIES));
  await dataSource.initialize();
  let api: Awaited<ReturnType<typeof startApiProcess>> | null = null as Awaited<ReturnType<typeof startApiProcess>> | null;
  try {
    await ensureOrganizations(dataSource);
    const count = await ensureCatalogue(services.databaseUrl);
    const options = { concurrency: CONCURRENCY, seconds: SECONDS, warmupSeconds: WARMUP };
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const measureApi = async (cacheSeconds: string): Promise<LatencySummary> => {
      const port = await freePort();
      api = await startApiProcess(root, port, services, { SEARCH_CACHE_SECONDS: cacheSeconds, API_WORKERS });
      const result = await runLoad(SEARCHES, httpSearch(port, agent), options);
      peakRss = Math.max(peakRss, api.peakRssMb());
      await api.stop();
      api = null;
      return result;
    };
    let peakRss = 0;

    // The floor: the statement the API runs for this query, straight to PostgreSQL, plus the page's records.
    const sql = async (search: string): Promise<void> => {
      const query: DatasetSearchQuery = {
        text: search, filter: {}, order: { field: 'RELEVANCE', direction: 'DESC' }, first: 20, after: null,
        visibility: { allUnpublished: false, organizationIds: [] }, withTotal: true, facets: ['organization', 'theme', 'tag', 'format'],
      };
      const page = await searchDatasets(dataSource.manager, query);
      await dataSource.query('SELECT * FROM datasets WHERE id = ANY($1::uuid[])', [page.ids]);
    };
    const floor = await runLoad(SEARCHES, sql, options);
    const uncached = await measureApi('0');
    const cached = await measureApi('300');
    agent.destroy();

    console.log(`\nbench:search  ${count} datasets, ${SEARCHES.length} different searches, concurrency ${CONCURRENCY}, ${SECONDS} s each, API_WORKERS=${API_WORKERS}, ${availableParallelism()} cores`);
    console.log(`${''.padEnd(34)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'req/s'.padStart(8)}`);
    console.log(row('raw SQL, every search computed', floor));
    console.log(row('GraphQL, search cache off', uncached));
    console.log(row('GraphQL, search cache on (default)', cached));
    console.log(`ratio GraphQL (cache off) / SQL: p95 ${(uncached.p95 / floor.p95).toFixed(2)}x, throughput ${(uncached.perSecond / floor.perSecond).toFixed(2)}x`);
    console.log(`ratio GraphQL (cache on) / SQL:  p95 ${(cached.p95 / floor.p95).toFixed(2)}x, throughput ${(cached.perSecond / floor.perSecond).toFixed(2)}x`);
    console.log(`API peak RSS ${peakRss.toFixed(0)} MB`);
    console.log(`p95 <= 50 ms: cache off ${uncached.p95 <= 50 ? 'met' : 'NOT met'}, cache on ${cached.p95 <= 50 ? 'met' : 'NOT met'} (the cache serves repeated searches; this load repeats ${SEARCHES.length})`);
  } finally {
    await api?.stop();
    await dataSource.destroy();
    await services.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
