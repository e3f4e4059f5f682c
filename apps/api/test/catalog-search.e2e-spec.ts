import { DEMO_DATASETS } from '../../../libs/catalog/src/demo/demo-datasets';
import { TestApp, startTestApp } from '../../../test/support/test-app';
import { DataSource } from 'typeorm';

const SEARCH = `query($search: String, $filter: DatasetFilter, $orderBy: DatasetOrder, $first: Int, $after: String) {
  datasets(search: $search, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges { cursor node { slug title titleEn organization { slug } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
    facets { organizations { key label count } themes { key label count } tags { key count } formats { key count } openAttributes { key label count } }
  }
}`;

const published = DEMO_DATASETS.filter((d) => d.status === 'published');

describe('catalogue search on the demo catalogue', () => {
  let t: TestApp;
  const search = async (variables: Record<string, unknown>) => {
    const res = await t.gql(SEARCH, variables);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.datasets;
  };

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
  });
  afterAll(() => t.close());

  it('loads the demo catalogue: published datasets visible, drafts hidden, flagship files validated and loaded', async () => {
    const all = await search({ first: 0 });
    expect(all.totalCount).toBe(published.length);
    const res = await t.gql(`{ dataset(slug: "hengyang-air-quality-hourly") { resources { format rowCount byteSize sha256 schemaId report { valid rowCount } } } }`);
    const [file] = res.body.data!.dataset.resources;
    // Through the ingest pipeline: validated against its standard, with a report, and its rows in the datastore.
    expect(file).toMatchObject({ format: 'CSV', rowCount: 4320, schemaId: 'air-quality-hourly', report: { valid: true, rowCount: 4320 } });
    const db = t.app.get(DataSource);
    const [{ datastore_table: table }] = await db.query(`SELECT datastore_table FROM resource_versions WHERE sha256 = $1`, [file.sha256]);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM datastore."${table}"`);
    expect(n).toBe(4320);
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ranks the air-quality datasets first for 空气质量', async () => {
    const result = await search({ search: '空气质量', first: 5 });
    const titles = result.edges.map((e: { node: { title: string } }) => e.node.title);
    const airQuality = published.filter((d) => d.title.includes('空气质量')).length;
    expect(airQuality).toBeGreaterThanOrEqual(2);
    expect(titles.slice(0, airQuality).every((title: string) => title.includes('空气质量'))).toBe(true);
    expect(result.edges[0].node.slug).toBe('hengyang-air-quality-hourly');
  });

  it('finds the housing-allocation dataset for 公租房, among the datasets titled 公租房', async () => {
    const result = await search({ search: '公租房', first: 10 });
    const slugs = result.edges.map((e: { node: { slug: string } }) => e.node.slug);
    const titled = published.filter((d) => d.title.includes('公租房')).map((d) => d.slug);
    expect(titled).toContain('hengyang-public-rental-housing-allocation');
    expect(slugs.slice(0, titled.length).sort()).toEqual([...titled].sort());
  });

  it('keeps domain terms whole: 公积金 does not match every 公 or 金', async () => {
    const result = await search({ search: '公积金', first: 20 });
    expect(result.totalCount).toBeGreaterThan(0);
    for (const edge of result.edges) {
      const record = published.find((d) => d.slug === edge.node.slug)!;
      const text = [record.title, record.description, ...record.tags].join(' ');
      expect(text).toContain('公积金');
    }
  });

  it('searches English titles', async () => {
    const withEnglish = published.find((d) => d.flagship === 'air-quality-hourly')!;
    const word = withEnglish.titleEn!.split(/\s+/).find((w) => w.length > 4)!;
    const result = await search({ search: word.toUpperCase(), first: 50 });
    expect(result.edges.map((e: { node: { slug: string } }) => e.node.slug)).toContain(withEnglish.slug);
  });

  it('counts facets over the whole result and filters by them', async () => {
    const result = await search({ search: '空气质量', first: 1 });
    const orgTotal = result.facets.organizations.reduce((n: number, b: { count: number }) => n + b.count, 0);
    expect(orgTotal).toBe(result.totalCount);
    expect(result.facets.organizations[0]).toMatchObject({ key: 'hy-env-bureau', label: '衡阳市环境保护局' });
    // Every demo dataset has CSV files.
    expect(result.facets.formats).toEqual([{ key: 'CSV', count: result.totalCount }]);
    const csv = await search({ filter: { format: ['csv'] }, first: 10 });
    expect(csv.totalCount).toBe(published.length);
    const env = await search({ filter: { organization: ['hy-env-bureau'], theme: ['ENVI'] }, first: 0 });
    expect(env.totalCount).toBe(
      published.filter((d) => d.organization === 'hy-env-bureau' && d.themes.includes('ENVI')).length,
    );
    const conditional = await search({ filter: { openAttribute: ['CONDITIONAL'] }, first: 0 });
    expect(conditional.totalCount).toBe(published.filter((d) => d.openAttribute === '有条件开放').length);
  });

  it('pages with cursors through the whole catalogue without repeats or gaps', async () => {
    for (const orderBy of [{ field: 'TITLE' }, { field: 'MODIFIED' }, { field: 'TITLE', direction: 'DESC' }]) {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = await search({ first: 7, after, orderBy });
        seen.push(...page.edges.map((e: { node: { slug: string } }) => e.node.slug));
        expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(new Set(seen).size).toBe(published.length);
      expect(seen.length).toBe(published.length);
    }
    const titles = (await search({ first: 100, orderBy: { field: 'TITLE' } })).edges.map((e: any) => e.node.title);
    expect(titles).toEqual([...titles].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('pages search results by relevance, and rejects a cursor of another ordering', async () => {
    const first = await search({ search: '数据', first: 3 });
    const second = await search({ search: '数据', first: 3, after: first.pageInfo.endCursor });
    const firstSlugs = first.edges.map((e: any) => e.node.slug);
    expect(second.edges.some((e: any) => firstSlugs.includes(e.node.slug))).toBe(false);
    const res = await t.gql(SEARCH, { first: 3, after: first.pageInfo.endCursor, orderBy: { field: 'TITLE' } });
    expect(res.body.errors?.[0].extensions?.fields?.[0].path).toBe('after');
  });

  it('matches substrings of three or more characters that segmentation splits differently', async () => {
    // 监测站 is not a word of the segmenter's dictionary in every context; the trigram index still finds it.
    const result = await search({ search: '监测站', first: 50 });
    expect(result.totalCount).toBeGreaterThan(0);
    for (const edge of result.edges) expect(JSON.stringify(published.find((d) => d.slug === edge.node.slug))).toContain('监测');
  });
});

describe('search contract for the portal: suggestions, relaxed matches, orderings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
  });
  afterAll(() => t.close());

  it('suggests dataset titles, organizations, tags and themes for a prefix', async () => {
    const res = await t.gql(`{ suggest(prefix: "空气", first: 5) { kind label key } }`);
    expect(res.body.errors).toBeUndefined();
    const suggestions = res.body.data!.suggest;
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(5);
    expect(suggestions).toContainEqual({ kind: 'DATASET', label: '衡阳市空气质量监测站点小时数据', key: 'hengyang-air-quality-hourly' });
    const bad = await t.gql(`{ suggest(prefix: "空气", first: 21) { key } }`);
    expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const pinyin = await t.gql(`{ suggest(prefix: "gongzuf") { kind key } }`);
    expect(pinyin.body.data!.suggest).toContainEqual({ kind: 'DATASET', key: 'hengyang-public-rental-housing-allocation' });
  });

  it('never suggests a draft to the public', async () => {
    const draft = DEMO_DATASETS.find((d) => d.status === 'draft')!;
    const res = await t.gql(`query($p: String!) { suggest(prefix: $p, first: 20) { kind key } }`, { p: draft.title.slice(3, 9) });
    expect(res.body.data!.suggest.map((s: { key: string }) => s.key)).not.toContain(draft.slug);
  });

  it('finds colloquial names and pinyin, says when a search was relaxed, and what to highlight', async () => {
    const q = `query($s: String!) { datasets(search: $s, first: 3) { totalCount relaxed highlightTerms edges { node { slug } } } }`;
    const smog = (await t.gql(q, { s: '雾霾' })).body.data!.datasets;
    expect(smog.edges[0].node.slug).toMatch(/air-quality/);
    expect(smog.relaxed).toBe(false);
    expect(smog.highlightTerms).toContain('空气质量');
    const pinyin = (await t.gql(q, { s: 'gongzufang' })).body.data!.datasets;
    expect(pinyin.edges[0].node.slug).toMatch(/public-rental-housing/);
    expect(pinyin.highlightTerms).toContain('公租房');
    const partial = (await t.gql(q, { s: '公租房 摇号 航天飞机' })).body.data!.datasets;
    expect(partial.relaxed).toBe(true);
    expect(partial.edges[0].node.slug).toBe('hengyang-public-rental-housing-allocation');
    const none = (await t.gql(q, { s: '航天飞机' })).body.data!.datasets;
    expect(none).toMatchObject({ totalCount: 0, relaxed: false, highlightTerms: [] });
  });

  it('orders by downloads and by issue date, and pages through each', async () => {
    for (const field of ['DOWNLOADS', 'ISSUED']) {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const res: any = await t.gql(
          `query($after: String, $field: DatasetOrderField!) { datasets(first: 20, after: $after, orderBy: { field: $field }) { edges { node { slug issued } } pageInfo { hasNextPage endCursor } } }`,
          { after, field },
        );
        expect(res.body.errors).toBeUndefined();
        const page = res.body.data.datasets;
        seen.push(...page.edges.map((e: any) => e.node.slug));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(new Set(seen).size).toBe(published.length);
    }
  });
});
