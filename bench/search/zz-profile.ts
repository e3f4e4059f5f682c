import 'reflect-metadata';
import { CATALOG_ENTITIES, CatalogueIndex, SearchIndexRepository, parseQuery } from '@opendata/catalog';
import { projectRoot } from '@opendata/common';
import { dataSourceOptions } from '@opendata/database';
import { DataSource } from 'typeorm';
import { startBenchServices } from '../lib/bench-services';

async function main() {
  const services = await startBenchServices(projectRoot(), 'search');
  const ds = new DataSource(dataSourceOptions(services.databaseUrl, CATALOG_ENTITIES));
  await ds.initialize();
  try {
    const repo = new SearchIndexRepository(ds);
    const cat = new CatalogueIndex(repo);
    let t = Date.now();
    const { index, engine } = await cat.current();
    console.log('load', Date.now() - t, 'ms', 'rss', (process.memoryUsage().rss / 1e6).toFixed(0), 'heap', (process.memoryUsage().heapUsed / 1e6).toFixed(0), 'terms', index.postings.size);
    for (const q of (process.env.QS ?? '空气质量,公租房,衡阳县,air quality,耒阳市 公租房,2019年 空气质量,12345,征地').split(',')) {
      t = performance.now();
      const parsed = parseQuery(q, index.pinyin, (w) => index.postings.has(w));
      const t1 = performance.now();
      const page = engine.search({ parsed, filter: {}, order: { field: 'RELEVANCE', direction: 'DESC' }, first: 20, after: null, visibility: { allUnpublished: false, organizationIds: [] }, facets: ['organization', 'theme', 'tag', 'format'] });
      console.log(q, 'parse', (t1 - t).toFixed(1), 'search', (performance.now() - t1).toFixed(1), 'total', page.total, parsed.terms.map((x) => x.alternatives.length).join('+'));
    }
  } finally {
    await ds.destroy();
    await services.stop();
  }
}
main();
