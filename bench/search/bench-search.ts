import 'reflect-metadata';
import { SYSTEM } from '@opendata/auth';
import { CATALOG_ENTITIES, CatalogueIndex, OrganizationService, SearchIndexRepository, ThemeService, parseQuery } from '@opendata/catalog';
import { projectRoot } from '@opendata/common';
import { dataSourceOptions } from '@opendata/database';
import { freePort } from '../../libs/config/src/embedded/free-port';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startApiProcess } from '../lib/api-process';
import { startBenchServices } from '../lib/bench-services';
import { LatencySummary, runLoad } from '../lib/stats';
import { loadCatalogue } from './catalogue-generator';
import { DEMO_ORGANIZATIONS } from '../../libs/catalog/src/demo/demo-organizations';

/**
 * npm run bench:search — 100,000 datasets (BENCH_DATASETS); GraphQL `datasets(search:, first: 20)` with totalCount
 * and four facets over HTTP at concurrency 16, with the search cache off and on, against the same search run in
 * this process straight on the index and the database (the floor: no HTTP, no GraphQL); and `suggest` for
 * prefixes as people type them. All in one run, same data. BENCH_SECONDS shortens each path (default 20).
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

/** What people type, keystroke by keystroke: characters, pinyin (full and initials), English. */
const PREFIXES = [
  '空', '空气', '空气质', '公', '公租', '公积金', '社', '社保', '水质', '行政', '医疗', '预算', '12345', '衡阳县', '扶贫',
  'k', 'kq', 'kqzl', 'kongqi', 'gongzufang', 'gzf', 'shebao', 'yiliao', 'air', 'hous', 'water q', 'pension', 'budget', '环境', '招生',
];

const SUGGEST = `query($prefix: String!) { suggest(prefix: $prefix, first: 8) { kind label key } }`;

const TARGETS = { uncachedP95: 100, uncachedRate: 200, cachedP95: 20, suggestP95: 20 };

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
  await new ThemeService(dataSource).syncVocabulary();
  const service = new OrganizationService(dataSource);
  for (const org of DEMO_ORGANIZATIONS) {
    if ((await dataSource.query('SELECT 1 FROM organizations WHERE slug = $1', [org.slug])).length) continue;
    await service.create(SYSTEM, org);
  }
}

function httpSearch(port: number, agent: Agent, query = QUERY, variable = 'search') {
  return (value: string) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({ query, variables: { [variable]: value } });
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
    const measureApi = async (cacheSeconds: string): Promise<LatencySummary[]> => {
      const port = await freePort();
      api = await startApiProcess(root, port, services, { SEARCH_CACHE_SECONDS: cacheSeconds, API_WORKERS });
      // Each API process loads its index on its first search: measure the steady state, not the start.
      await Promise.all(Array.from({ length: Number(API_WORKERS) * 4 }, () => httpSearch(port, agent)('衡阳')));
      const results = [await runLoad(SEARCHES, httpSearch(port, agent), options)];
      if (cacheSeconds === '0') results.push(await runLoad(PREFIXES, httpSearch(port, agent, SUGGEST, 'prefix'), options));
      peakRss = Math.max(peakRss, api.peakRssMb());
      await api.stop();
      api = null;
      return results;
    };
    let peakRss = 0;

    // The floor: the search the API runs, in this process on its own index, plus the page's records.
    const repository = new SearchIndexRepository(dataSource);
    const catalogue = new CatalogueIndex(repository);
    const loadStarted = Date.now();
    await catalogue.current();
    const indexMs = Date.now() - loadStarted;
    const sql = async (search: string): Promise<void> => {
      const { index, engine } = await catalogue.current();
      const page = engine.search({
        parsed: parseQuery(search, index.pinyin, (w) => index.postings.has(w)), filter: {}, order: { field: 'RELEVANCE', direction: 'DESC' }, first: 20,
        after: null, visibility: { allUnpublished: false, organizationIds: [] }, facets: ['organization', 'theme', 'tag', 'format'],
      });
      await repository.datasetRows(page.ids);
    };
    const floor = await runLoad(SEARCHES, sql, options);
    const [uncached, suggestions] = await measureApi('0');
    const [cached] = await measureApi('300');
    agent.destroy();

    const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
    console.log(`\nbench:search  ${count} datasets, ${SEARCHES.length} different searches, ${PREFIXES.length} prefixes, concurrency ${CONCURRENCY}, ${SECONDS} s each, API_WORKERS=${API_WORKERS}, ${availableParallelism()} cores`);
    console.log(`index built in ${indexMs} ms; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`${''.padEnd(34)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'req/s'.padStart(8)}`);
    console.log(row('in process: index + page records', floor));
    console.log(row('GraphQL, search cache off', uncached));
    console.log(row('GraphQL, search cache on (default)', cached));
    console.log(row('GraphQL suggest, uncached', suggestions));
    console.log(`API peak RSS ${peakRss.toFixed(0)} MB`);
    console.log(`target uncached p95 <= ${TARGETS.uncachedP95} ms: ${verdict(uncached.p95 <= TARGETS.uncachedP95)} (${uncached.p95.toFixed(1)})`);
    console.log(`target uncached >= ${TARGETS.uncachedRate} req/s: ${verdict(uncached.perSecond >= TARGETS.uncachedRate)} (${uncached.perSecond.toFixed(0)})`);
    console.log(`target cached p95 <= ${TARGETS.cachedP95} ms: ${verdict(cached.p95 <= TARGETS.cachedP95)} (${cached.p95.toFixed(1)})`);
    console.log(`target suggest p95 <= ${TARGETS.suggestP95} ms: ${verdict(suggestions.p95 <= TARGETS.suggestP95)} (${suggestions.p95.toFixed(1)})`);
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
