import 'reflect-metadata';
import { CATALOG_ENTITIES, CatalogIndex, SearchIndexRepository, parseQuery, suggest } from '@opendata/catalog';
import { projectRoot } from '@opendata/common';
import { dataSourceOptions } from '@opendata/database';
import { loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import { startBenchServices } from '../lib/bench-services';
import { PREFIXES, SEARCHES } from './bench-queries';

/**
 * The engine alone, in this process, on the benchmark's catalogue: index load time and memory, then each of
 * the benchmark's searches (totalCount and four facets) and prefixes in a loop. Run with `node --cpu-prof`
 * to see where a search spends its time. ENGINE_ROUNDS sets the loops (default 200).
 */
const ROUNDS = Number(process.env.ENGINE_ROUNDS ?? 200);

async function main(): Promise<void> {
  const services = await startBenchServices(projectRoot(), 'search');
  const dataSource = new DataSource(dataSourceOptions(services.databaseUrl, CATALOG_ENTITIES));
  await dataSource.initialize();
  try {
    const catalog = new CatalogIndex(new SearchIndexRepository(dataSource));
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    await catalog.current();
    const loadMs = Date.now() - started;
    global.gc?.();
    const { index, engine } = await catalog.current();
    const heap = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
    console.log(`index: ${index.liveCount} datasets loaded in ${loadMs} ms; heap +${heap.toFixed(0)} MB (typed arrays ${(index.typedBytes / 1048576).toFixed(0)} MB), rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
    const visibility = { allUnpublished: false, organizationIds: [] };
    const run = (search: string) =>
      engine.search({
        parsed: parseQuery(search, index.pinyin, (w) => index.hasWord(w)),
        filter: {},
        order: { field: 'RELEVANCE', direction: 'DESC' },
        first: 20,
        after: null,
        visibility,
        facets: ['organization', 'theme', 'tag', 'format'],
      });
    for (const search of SEARCHES) run(search);
    const each = new Map<string, number>();
    let t0 = process.hrtime.bigint();
    let cpu0 = process.cpuUsage();
    for (let r = 0; r < ROUNDS; r++) {
      for (const search of SEARCHES) {
        const s = process.hrtime.bigint();
        run(search);
        each.set(search, (each.get(search) ?? 0) + Number(process.hrtime.bigint() - s) / 1e6);
      }
    }
    const searchMs = Number(process.hrtime.bigint() - t0) / 1e6 / (ROUNDS * SEARCHES.length);
    const cpu = (since: NodeJS.CpuUsage, n: number) => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1000 / n;
    };
    const searchCpu = cpu(cpu0, ROUNDS * SEARCHES.length);
    t0 = process.hrtime.bigint();
    cpu0 = process.cpuUsage();
    for (let r = 0; r < ROUNDS; r++) for (const prefix of PREFIXES) suggest(index, prefix, visibility, 8);
    const suggestMs = Number(process.hrtime.bigint() - t0) / 1e6 / (ROUNDS * PREFIXES.length);
    const suggestCpu = cpu(cpu0, ROUNDS * PREFIXES.length);
    console.log(`search with totalCount and four facets: ${searchMs.toFixed(3)} ms on average (CPU ${searchCpu.toFixed(3)} ms); suggest: ${suggestMs.toFixed(3)} ms (CPU ${suggestCpu.toFixed(3)} ms); load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    const slowest = [...each].sort((a, b) => b[1] - a[1]).slice(0, 8);
    for (const [search, ms] of slowest) console.log(`  ${search.padEnd(12)} ${(ms / ROUNDS).toFixed(3)} ms  ${run(search).total} matches`);
  } finally {
    await dataSource.destroy();
    await services.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
