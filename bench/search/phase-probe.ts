import 'reflect-metadata';
import { CATALOG_ENTITIES, CatalogueIndex, SearchIndexRepository, parseQuery } from '@opendata/catalog';
import { projectRoot } from '@opendata/common';
import { dataSourceOptions } from '@opendata/database';
import { DataSource } from 'typeorm';
import { startBenchServices } from '../lib/bench-services';
import { matchAlternative } from '../../libs/catalog/src/search/term-matcher';

async function main(): Promise<void> {
  const services = await startBenchServices(projectRoot(), 'search');
  const dataSource = new DataSource(dataSourceOptions(services.databaseUrl, CATALOG_ENTITIES));
  await dataSource.initialize();
  const { index, engine } = await new CatalogueIndex(new SearchIndexRepository(dataSource)).current();
  const cpu = (f: () => void, n = 200) => {
    f();
    const c = process.cpuUsage();
    for (let i = 0; i < n; i++) f();
    const u = process.cpuUsage(c);
    return ((u.user + u.system) / 1000 / n).toFixed(3);
  };
  const sink = { accept: () => true, covered: () => false, match: () => undefined };
  for (const q of (process.env.Q ?? '社保,公租房,空气质量').split(',')) {
    const parsed = parseQuery(q, index.pinyin, (w) => index.hasWord(w));
    console.log(q, 'parse', cpu(() => parseQuery(q, index.pinyin, (w) => index.hasWord(w))));
    for (const alt of parsed.terms[0].alternatives) {
      let n = 0;
      matchAlternative(index, alt, { ...sink, match: () => n++ });
      console.log('  alt', alt.label || alt.words.join(' '), n, 'matches', cpu(() => matchAlternative(index, alt, sink)));
    }
    const base = { parsed, filter: {}, order: { field: 'RELEVANCE' as const, direction: 'DESC' as const }, first: 20, after: null, visibility: { allUnpublished: false, organizationIds: [] } };
    console.log('  search no facets', cpu(() => engine.search({ ...base, facets: [] })));
    console.log('  search 4 facets', cpu(() => engine.search({ ...base, facets: ['organization', 'theme', 'tag', 'format'] })));
  }
  await dataSource.destroy();
  await services.stop();
}
void main();
