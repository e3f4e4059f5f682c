import { Visibility } from './dataset-search';
import { parseQuery } from './query-parser';
import { SearchCondition, conditionHasWords, conditionLeaves } from './search-condition';
import { EngineQuery, SearchEngine } from './search-engine';
import { IndexedDataset, SearchIndex } from './search-index';

const PUBLIC: Visibility = { allUnpublished: false, organizationIds: [] };

function dataset(n: number, slug: string, title: string, extra: Partial<IndexedDataset> = {}): IndexedDataset {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    slug,
    organizationId: 'org-a',
    status: 'published',
    deleted: false,
    title,
    titleEn: null,
    description: '示例数据。',
    descriptionEn: null,
    tags: [],
    themes: [],
    formats: ['CSV'],
    openAttribute: '无条件开放',
    priorityDomain: null,
    spatial: null,
    modified: Date.UTC(2026, 0, 1) + n * 1000,
    issued: null,
    ...extra,
  };
}

const CATALOGUE = [
  dataset(1, 'air-hourly', '衡阳市空气质量小时数据', { tags: ['空气质量', 'AQI'], description: '逐小时发布的空气质量。' }),
  dataset(2, 'air-daily', '衡阳市空气质量日报', { tags: ['空气质量'], titleEn: 'Daily Air Quality' }),
  dataset(3, 'water-river', '衡阳市地表水水质', { tags: ['水质'], description: '湘江断面，ＰＭ2.5_日均 无关。' }),
  dataset(4, 'housing-rent', '衡阳市公租房配租结果', { organizationId: 'org-b', tags: ['公租房'] }),
  dataset(5, 'housing-draft', '衡阳市公租房草稿', { organizationId: 'org-b', status: 'draft' }),
  dataset(6, 'county-air', '衡阳市衡阳县空气监测', { tags: ['衡阳县'] }),
  dataset(7, 'nan-air', '衡南县空气监测'),
];

function build(datasets: IndexedDataset[]) {
  const index = new SearchIndex();
  index.setOrganizations([
    { id: 'org-a', slug: 'env', name: '衡阳市生态环境局', nameEn: null },
    { id: 'org-b', slug: 'housing', name: '衡阳市住房和城乡建设局', nameEn: null },
  ]);
  for (const d of datasets) index.put(d);
  const engine = new SearchEngine(index);
  const run = (where: SearchCondition | null, over: Partial<EngineQuery> = {}) =>
    engine.search({ parsed: null, filter: {}, where, visibility: PUBLIC, order: { field: 'NAME', direction: 'ASC' }, first: 100, after: null, facets: [], ...over });
  const slugs = (where: SearchCondition | null, over: Partial<EngineQuery> = {}) => run(where, over).docs.map((doc) => index.slugs[doc]);
  const words = (text: string) => slugs({ words: text });
  return { index, run, slugs, words };
}

describe('boolean conditions in the engine', () => {
  const { slugs, words, run, index } = build(CATALOGUE);
  const everything = ['air-daily', 'air-hourly', 'county-air', 'housing-rent', 'nan-air', 'water-river'];

  it('answers OR with unions, AND with intersections and NOT with complements of the word searches', () => {
    const air = words('空气');
    const housing = words('公租房');
    expect(air).toEqual(['air-daily', 'air-hourly', 'county-air', 'nan-air']);
    expect(slugs({ any: [{ words: '空气' }, { words: '公租房' }] })).toEqual([...new Set([...air, ...housing])].sort());
    expect(slugs({ all: [{ words: '空气' }, { words: '衡阳县' }] })).toEqual(['county-air']);
    expect(slugs({ not: { words: '空气' } })).toEqual(everything.filter((s) => !air.includes(s)));
    expect(slugs({ not: { not: { words: '空气' } } })).toEqual(air);
  });

  it('keeps 衡阳县 apart from 衡南县, also where the title repeats 衡阳', () => {
    expect(words('衡阳县')).toEqual(['county-air']);
    expect(words('衡南县')).toEqual(['nan-air']);
  });

  it('gives empty AND everything, empty OR nothing, and words with nothing to search everything', () => {
    expect(slugs({ all: [] })).toEqual(everything);
    expect(slugs({ any: [] })).toEqual([]);
    expect(slugs({ words: '的' })).toEqual(everything);
    expect(slugs({ not: { words: '的' } })).toEqual([]);
    expect(slugs({ filter: {} })).toEqual(everything);
  });

  it('matches phrases in the named fields only, folded (width and case)', () => {
    expect(slugs({ phrase: '空气质量', fields: ['title'] })).toEqual(['air-daily', 'air-hourly']);
    expect(slugs({ phrase: '逐小时', fields: ['description'] })).toEqual(['air-hourly']);
    expect(slugs({ phrase: '逐小时', fields: ['title', 'tag'] })).toEqual([]);
    expect(slugs({ phrase: 'aqi', fields: ['tag'] })).toEqual(['air-hourly']);
    expect(slugs({ phrase: 'daily air', fields: ['title'] })).toEqual(['air-daily']);
    expect(slugs({ phrase: 'pm2.5_日均', fields: ['description'] })).toEqual(['water-river']);
    expect(slugs({ phrase: '住房和城乡', fields: ['organization'] })).toEqual(['housing-rent']);
    expect(slugs({ phrase: '空气', fields: [] })).toEqual([]);
  });

  it('matches slugs exactly or by prefix, and filters as the catalogue filter does', () => {
    expect(slugs({ slug: 'air-daily' })).toEqual(['air-daily']);
    expect(slugs({ slug: 'air', prefix: true })).toEqual(['air-daily', 'air-hourly']);
    expect(slugs({ slug: 'air' })).toEqual([]);
    expect(slugs({ filter: { tags: ['空气质量'] } })).toEqual(['air-daily', 'air-hourly']);
    expect(slugs({ not: { filter: { organizations: ['env'] } } })).toEqual(['housing-rent']);
  });

  it('shows drafts only to those who may see them, whatever the condition', () => {
    expect(slugs({ words: '公租房' })).toEqual(['housing-rent']);
    expect(slugs({ words: '公租房' }, { visibility: { allUnpublished: false, organizationIds: ['org-b'] } })).toEqual(['housing-draft', 'housing-rent']);
    expect(slugs({ filter: { statuses: ['draft'] } }, { visibility: { allUnpublished: true, organizationIds: [] } })).toEqual(['housing-draft']);
  });

  it('ranks by the word searches outside negations, and pages by offset with further sort keys', () => {
    const ranked = run({ any: [{ words: '空气质量' }, { not: { words: '水质' } }] }, { order: { field: 'RELEVANCE', direction: 'DESC' } });
    expect(ranked.docs.map((d) => index.slugs[d]).sort()).toEqual(everything.filter((s) => s !== 'water-river'));
    // Only the word search outside the negation ranks: the titles holding 空气质量 first.
    expect(ranked.docs.slice(0, 2).map((d) => index.slugs[d]).sort()).toEqual(['air-daily', 'air-hourly']);
    const byName = run(null, { order: { field: 'MODIFIED', direction: 'ASC' }, thenBy: [{ field: 'NAME', direction: 'DESC' }], first: 2, offset: 2 });
    expect(byName.docs.map((d) => index.slugs[d])).toEqual(['water-river', 'housing-rent']);
    expect(byName.hasNextPage).toBe(true);
    expect(run(null, { first: 2, offset: 5 }).hasNextPage).toBe(false);
  });

  it('counts every facet bucket when asked for all of them', () => {
    const result = run(null, { facets: ['tag'], facetLimit: null });
    expect(result.facets!.tag.map((b) => b.key).sort()).toEqual(['AQI', '公租房', '水质', '空气质量', '衡阳县'].sort());
    expect(run(null, { facets: ['tag'], facetLimit: 1 }).facets!.tag).toEqual([{ key: '空气质量', count: 2 }]);
  });

  it('combines a condition with words typed in the search box', () => {
    const parsed = parseQuery('空气', index.pinyin, (w) => index.hasWord(w));
    expect(slugs({ not: { words: '衡阳县' } }, { parsed }).sort()).toEqual(['air-daily', 'air-hourly', 'nan-air']);
  });
});

describe('condition helpers', () => {
  it('reports its leaves and whether words rank it', () => {
    const condition: SearchCondition = { any: [{ not: { words: '空气' } }, { slug: 'x' }, { all: [{ phrase: '水', fields: [] }] }] };
    expect(conditionLeaves(condition)).toEqual([['words', '空气'], ['slug', 'x'], ['phrase', '水']]);
    expect(conditionHasWords(condition)).toBe(false);
    expect(conditionHasWords({ not: { not: { words: '空气' } } })).toBe(true);
  });
});
