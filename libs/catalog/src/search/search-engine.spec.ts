import { DatasetOrderField } from './dataset-cursor';
import { decodeCursor } from './dataset-cursor';
import { Visibility } from './dataset-search';
import { parseQuery } from './query-parser';
import { EngineQuery, SearchEngine } from './search-engine';
import { IndexedDataset, SearchIndex } from './search-index';
import { suggest } from './suggester';

const PUBLIC: Visibility = { allUnpublished: false, organizationIds: [] };

function dataset(n: number, title: string, extra: Partial<IndexedDataset> = {}): IndexedDataset {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    slug: `d-${n}`,
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
    issued: Date.UTC(2020 + (n % 5), 0, 1),
    ...extra,
  };
}

function build(datasets: IndexedDataset[]) {
  const index = new SearchIndex();
  index.setOrganizations([
    { id: 'org-a', slug: 'env', name: '衡阳市环境保护局', nameEn: 'Environment Bureau' },
    { id: 'org-b', slug: 'housing', name: '衡阳市住房和城乡建设局', nameEn: null },
  ]);
  for (const d of datasets) index.put(d);
  const engine = new SearchEngine(index);
  const run = (text: string | null, over: Partial<EngineQuery> = {}) =>
    engine.search({
      parsed: text === null ? null : parseQuery(text, index.pinyin, (w) => index.postings.has(w)),
      filter: {},
      visibility: PUBLIC,
      order: { field: 'RELEVANCE', direction: 'DESC' },
      first: 20,
      after: null,
      facets: [],
      ...over,
    });
  const slugs = (text: string | null, over: Partial<EngineQuery> = {}) => run(text, over).ids.map((id) => index.slugs[index.docNo(id)!]);
  return { index, engine, run, slugs };
}

const CATALOGUE = [
  dataset(1, '衡阳县空气质量月报', { tags: ['空气质量'] }),
  dataset(2, '衡南县空气质量月报', { tags: ['空气质量'] }),
  dataset(3, '衡阳市重点排污单位污染源监测数据', { tags: ['污染源'] }),
  dataset(4, '衡阳市供水质量公告', { description: '城市供水水质检测。' }),
  dataset(5, '衡阳市地表水水质', { tags: ['水质'] }),
  dataset(6, '衡阳市公租房配租结果', { organizationId: 'org-b', tags: ['公租房', '配租'] }),
  dataset(7, '衡阳市公租房分配草稿', { organizationId: 'org-b', status: 'draft' }),
  dataset(8, '衡阳市医疗服务价格', { tags: ['医疗费用'], formats: ['XLSX'] }),
];

describe('search engine', () => {
  it('keeps place names apart: 衡阳县 does not match 衡南县', () => {
    const { slugs } = build(CATALOGUE);
    expect(slugs('衡阳县')).toEqual(['d-1']);
    expect(slugs('衡南县 空气质量')).toEqual(['d-2']);
  });

  it('finds any run of two or more characters, and ranks whole title words above substrings', () => {
    const { slugs } = build(CATALOGUE);
    expect(slugs('污染')).toEqual(['d-3']);
    expect(slugs('排污单位')).toEqual(['d-3']);
    // 水质 is a word of d-5's title; inside 供水质量 (d-4) it is only a substring.
    expect(slugs('水质').slice(0, 2)).toEqual(['d-5', 'd-4']);
  });

  it('applies synonyms and pinyin at query time, and reports what to highlight', () => {
    const { run, slugs } = build(CATALOGUE);
    expect(slugs('看病费用')).toEqual(['d-8']);
    expect(slugs('廉租房')).toEqual(['d-6']);
    expect(slugs('kqzl').sort()).toEqual(['d-1', 'd-2']);
    expect(slugs('gongzufang')).toEqual(['d-6']);
    const result = run('雾霾');
    expect(result.highlightTerms).toContain('空气质量');
    expect(result.highlightTerms).not.toContain('雾霾');
    expect(run(null).highlightTerms).toEqual([]);
  });

  it('ranks partial matches by how many terms they match when nothing matches all, and says so', () => {
    const { run } = build(CATALOGUE);
    expect(run('公租房 配租').relaxed).toBe(false);
    const relaxed = run('公租房 配租 飞机场');
    expect(relaxed.relaxed).toBe(true);
    expect(relaxed.total).toBeGreaterThan(0);
    expect(relaxed.ids[0]).toBe(CATALOGUE[5].id);
    expect(run('飞机场').total).toBe(0);
  });

  it('shows drafts to members of their organization only', () => {
    const { slugs } = build(CATALOGUE);
    expect(slugs('公租房')).toEqual(['d-6']);
    expect(slugs('公租房', { visibility: { allUnpublished: false, organizationIds: ['org-b'] } }).sort()).toEqual(['d-6', 'd-7']);
    expect(slugs('公租房', { visibility: { allUnpublished: true, organizationIds: [] } }).sort()).toEqual(['d-6', 'd-7']);
  });

  it('counts facets exactly over the whole matching set and filters by them', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      dataset(100 + i, `衡阳市第${i}号空气质量报告`, { tags: [`标签${i % 7}`], formats: i % 3 ? ['CSV'] : ['CSV', 'JSON'], organizationId: i % 2 ? 'org-a' : 'org-b' }),
    );
    const { run } = build(many);
    const result = run('空气质量', { facets: ['organization', 'tag', 'format'], first: 5 });
    expect(result.total).toBe(300);
    expect(result.facets!.organization).toEqual([{ key: 'org-a', count: 150 }, { key: 'org-b', count: 150 }]);
    expect(result.facets!.format).toEqual([{ key: 'CSV', count: 300 }, { key: 'JSON', count: 100 }]);
    expect(result.facets!.tag.reduce((n, b) => n + b.count, 0)).toBe(300);
    expect(run('空气质量', { filter: { formats: ['json'], organizations: ['env'] } }).total).toBe(many.filter((_, i) => i % 3 === 0 && i % 2 === 1).length);
  });

  it('pages through every ordering without repeats or gaps', () => {
    const many = Array.from({ length: 57 }, (_, i) => dataset(200 + i, `衡阳市水质报告${i % 4 ? '' : '（地表水）'}${i}`, { issued: i % 5 ? Date.UTC(2020, i % 3, 1) : null }));
    const { index, run } = build(many);
    index.downloads.forEach((_, doc) => (index.downloads[doc] = doc % 4));
    for (const field of ['RELEVANCE', 'MODIFIED', 'TITLE', 'DOWNLOADS', 'ISSUED'] as DatasetOrderField[]) {
      for (const direction of ['ASC', 'DESC'] as const) {
        const seen: string[] = [];
        let after = null;
        for (;;) {
          const page = run(field === 'RELEVANCE' ? '水质' : null, { order: { field, direction }, first: 6, after });
          seen.push(...page.ids);
          if (!page.hasNextPage) break;
          after = decodeCursor(page.cursors.at(-1)!, field);
        }
        expect(new Set(seen).size).toBe(57);
        expect(seen).toHaveLength(57);
      }
    }
    const newest = run(null, { order: { field: 'ISSUED', direction: 'DESC' }, first: 57 }).ids.map((id) => index.issued[index.docNo(id)!]);
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
  });

  it('sees an update and a deletion at once', () => {
    const { index, slugs } = build(CATALOGUE);
    index.put({ ...CATALOGUE[4], title: '衡阳市湘江断面监测' });
    expect(slugs('地表水')).toEqual([]);
    expect(slugs('湘江')).toEqual(['d-5']);
    index.put({ ...CATALOGUE[4], deleted: true });
    expect(slugs('湘江')).toEqual([]);
  });
});

describe('suggestions', () => {
  it('completes Chinese, pinyin and English prefixes with titles, organizations, tags and themes', () => {
    const { index } = build(CATALOGUE);
    const keys = (prefix: string, visibility = PUBLIC) => suggest(index, prefix, visibility, 8).map((s) => `${s.kind}:${s.key}`);
    expect(keys('空气')).toEqual(expect.arrayContaining(['DATASET:d-1', 'DATASET:d-2', 'TAG:空气质量']));
    expect(keys('kqzl')).toEqual(expect.arrayContaining(['DATASET:d-1', 'TAG:空气质量']));
    expect(keys('kongq')).toEqual(expect.arrayContaining(['DATASET:d-1']));
    expect(keys('环境')).toContain('ORGANIZATION:env');
    expect(keys('environ')).toContain('ORGANIZATION:env');
    expect(keys('公租房')).toEqual(['DATASET:d-6', 'TAG:公租房']);
    expect(keys('公租房', { allUnpublished: false, organizationIds: ['org-b'] })).toContain('DATASET:d-7');
    expect(suggest(index, '空气', PUBLIC, 1)).toHaveLength(1);
  });
});
