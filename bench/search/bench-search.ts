import 'reflect-metadata';
import { SYSTEM } from '@opendata/auth';
import { CATALOG_ENTITIES, CatalogIndex, OrganizationService, SearchDocumentRepository, SearchIndexRepository, ThemeService, parseQuery } from '@opendata/catalog';
import { projectRoot } from '@opendata/common';
import { OrganizationRepository, ThemeRepository } from '@opendata/catalog';
import { dataSourceOptions } from '@opendata/database';
import { freePort } from '@opendata/platform';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { processRssMb, startApiProcess } from '../lib/api-process';
import { startBenchServices } from '../lib/bench-services';
import { LatencySummary, runLoad } from '../lib/stats';
import { PREFIXES, SEARCHES } from './bench-queries';
import { loadCatalog } from './catalog-generator';
import { DEMO_ORGANIZATIONS } from '@opendata/demo';

/**
 * npm run bench:search — 100,000 datasets (BENCH_DATASETS); GraphQL `datasets(search:, first: 20)` with totalCount
 * and four facets over HTTP at concurrency 16, with the search cache off and on, against the same search run in
 * this process straight on the index and the database (the floor: no HTTP, no GraphQL); and `suggest` for
 * prefixes as people type them. All in one run, same data. BENCH_SECONDS shortens each path (default 20);
 * BENCH_API_WORKERS sets the API's worker processes (default one per core).
 */
const DATASETS = Number(process.env.BENCH_DATASETS ?? 100_000);
const CONCURRENCY = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP = 3;
/** One API worker per core, as the README recommends for a machine of its own. */
const API_WORKERS = String(Number(process.env.BENCH_API_WORKERS ?? availableParallelism()));

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

async function ensureCatalog(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const existing = Number((await client.query(`SELECT count(*) FROM datasets WHERE slug LIKE 'bench-%'`)).rows[0].count);
    if (existing === DATASETS) return existing;
    if (existing > 0) await client.query(`TRUNCATE datasets, dataset_tags, dataset_themes, resources, resource_versions CASCADE`);
    const started = Date.now();
    process.stdout.write(`loading ${DATASETS} datasets `);
    await loadCatalog(client, DATASETS, (n) => n % 20000 === 0 && process.stdout.write('.'));
    process.stdout.write(` ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return DATASETS;
  } finally {
    await client.end();
  }
}

async function ensureOrganizations(dataSource: DataSource): Promise<void> {
  await new ThemeService(new ThemeRepository(dataSource)).syncVocabulary();
  const service = new OrganizationService(new OrganizationRepository(dataSource, new SearchDocumentRepository(dataSource)));
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
  const loadAtStart = loadavg();
  const services = await startBenchServices(root, 'search');
  // The same data source settings as the API's (pool, session options), so the floor is comparable.
  const dataSource = new DataSource(dataSourceOptions(services.databaseUrl, CATALOG_ENTITIES));
  await dataSource.initialize();
  let api: Awaited<ReturnType<typeof startApiProcess>> | null = null as Awaited<ReturnType<typeof startApiProcess>> | null;
  try {
    await ensureOrganizations(dataSource);
    const count = await ensureCatalog(services.databaseUrl);
    const options = { concurrency: CONCURRENCY, seconds: SECONDS, warmupSeconds: WARMUP };
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const measureApi = async (cacheSeconds: string): Promise<LatencySummary[]> => {
      const port = await freePort();
      // The periodic jobs run in the worker app in production; in the API their first run (30 s after boot)
      // would fall in the middle of the measurement.
      api = await startApiProcess(root, port, services, { SEARCH_CACHE_SECONDS: cacheSeconds, API_WORKERS, JOBS_IN_API: 'false' });
      // Each API process loads its index in the background at start and searches wait for it: measure the
      // steady state, not the start.
      const started = Date.now();
      await Promise.all(Array.from({ length: Number(API_WORKERS) * 4 }, () => httpSearch(port, agent)('衡阳')));
      readyMs = Math.max(readyMs, Date.now() - started);
      const results = [await runLoad(SEARCHES, httpSearch(port, agent), options)];
      if (cacheSeconds === '0') results.push(await runLoad(PREFIXES, httpSearch(port, agent, SUGGEST, 'prefix'), options));
      peakRss = Math.max(peakRss, api.peakRssMb());
      processesRss = processRssMb(api.child.pid as number);
      await api.stop();
      api = null;
      return results;
    };
    let peakRss = 0;
    let readyMs = 0;
    let processesRss: number[] = [];

    // The floor: the search the API runs, in this process on its own index, plus the page's records.
    const repository = new SearchIndexRepository(dataSource);
    const catalog = new CatalogIndex(repository);
    const heapBefore = process.memoryUsage();
    const loadStarted = Date.now();
    await catalog.current();
    const indexMs = Date.now() - loadStarted;
    const heapAfter = process.memoryUsage();
    const indexMb = (heapAfter.heapUsed + heapAfter.arrayBuffers - heapBefore.heapUsed - heapBefore.arrayBuffers) / 1048576;
    const engineSearch = async (search: string) => {
      const { index, engine } = await catalog.current();
      return engine.search({
        parsed: parseQuery(search, index.pinyin, (w) => index.hasWord(w)), filter: {}, order: { field: 'RELEVANCE', direction: 'DESC' }, first: 20,
        after: null, visibility: { allUnpublished: false, organizationIds: [] }, facets: ['organization', 'theme', 'tag', 'format'],
      });
    };
    const withRecords = async (search: string): Promise<void> => {
      await repository.datasetsWithTags((await engineSearch(search)).ids);
    };
    const cpuBefore = process.cpuUsage();
    const engineOnly = await runLoad(SEARCHES, async (search) => void (await engineSearch(search)), options);
    const engineCpu = process.cpuUsage(cpuBefore);
    const engineCpuMs = (engineCpu.user + engineCpu.system) / 1000 / (engineOnly.requests * (1 + WARMUP / SECONDS));
    const floor = await runLoad(SEARCHES, withRecords, options);
    const [uncached, suggestions] = await measureApi('0');
    const [cached] = await measureApi('300');
    agent.destroy();

    const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
    console.log(`\nbench:search  ${count} datasets, ${SEARCHES.length} different searches, ${PREFIXES.length} prefixes, concurrency ${CONCURRENCY}, ${SECONDS} s each, API_WORKERS=${API_WORKERS}, ${availableParallelism()} cores`);
    console.log(`index loaded in this process in ${indexMs} ms, ${indexMb.toFixed(0)} MB of heap and typed arrays; API processes answered their first search ${readyMs} ms after start (at most)`);
    console.log(`engine CPU per search (in process, measured with process.cpuUsage): ${engineCpuMs.toFixed(2)} ms`);
    console.log(`load average at the start ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}, at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`${''.padEnd(34)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'req/s'.padStart(8)}`);
    console.log(row('in process: engine only', engineOnly));
    console.log(row('in process: engine + page records', floor));
    console.log(row('GraphQL, search cache off', uncached));
    console.log(row('GraphQL, search cache on (default)', cached));
    console.log(row('GraphQL suggest, uncached', suggestions));
    const processes = API_WORKERS === '1' ? 'one process' : `primary and ${API_WORKERS} workers together`;
    console.log(`API peak RSS ${peakRss.toFixed(0)} MB (${processes}); after the last measurement ${processesRss.map((mb) => mb.toFixed(0)).join(' + ')} MB${API_WORKERS === '1' ? '' : ' (primary first)'}`);
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
