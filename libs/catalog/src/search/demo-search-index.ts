import { DEMO_DATASETS } from '../demo/demo-datasets';
import { DEMO_ORGANIZATIONS } from '../demo/demo-organizations';
import { SearchIndex } from './search-index';

/**
 * The demo catalogue in a search index, without a database: what the relevance suites search. Organization ids
 * are their slugs here; every demo record is indexed as published or draft as the demo declares it.
 */
export function demoSearchIndex(): SearchIndex {
  const index = new SearchIndex();
  index.setOrganizations(DEMO_ORGANIZATIONS.map((o) => ({ id: o.slug, slug: o.slug, name: o.name, nameEn: o.nameEn ?? null })));
  DEMO_DATASETS.forEach((d, i) =>
    index.put({
      id: d.slug,
      slug: d.slug,
      organizationId: d.organization,
      status: d.status,
      deleted: false,
      title: d.title,
      titleEn: d.titleEn ?? null,
      description: d.description,
      descriptionEn: d.descriptionEn ?? null,
      tags: d.tags,
      themes: d.themes,
      formats: [],
      openAttribute: d.openAttribute,
      priorityDomain: d.priorityDomain ?? null,
      spatial: d.spatial ?? null,
      modified: Date.UTC(2026, 0, 1) - i * 60_000,
      issued: d.issued ? Date.parse(d.issued) : null,
    }),
  );
  return index;
}
