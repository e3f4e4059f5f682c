import { airQualityHourlyCsv, DEMO_DATASETS, DEMO_ORGANIZATIONS } from '@opendata/demo';
import { TEST_ADMIN_TOKEN, TestApp, startTestApp } from '../../../test/support/test-app';

/**
 * package_search and datastore_search query syntax on the demo catalogue. Every answer is checked against a set
 * computed without the syntax under test: from the demo records themselves, or as unions, intersections and
 * complements of single-term searches. Whatever is not supported must be a 409 in CKAN's envelope.
 */
const published = DEMO_DATASETS.filter((d) => d.status === 'published');
const organizationName = new Map(DEMO_ORGANIZATIONS.map((o) => [o.slug, o.name]));
const slugsWhere = (keep: (d: (typeof DEMO_DATASETS)[number]) => boolean) => published.filter(keep).map((d) => d.slug).sort();
const union = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();
const intersection = (a: string[], b: string[]) => a.filter((x) => b.includes(x)).sort();
const minus = (a: string[], b: string[]) => a.filter((x) => !b.includes(x)).sort();
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Params = Record<string, string | number | boolean>;

describe('CKAN query syntax on the demo catalogue', () => {
  let t: TestApp;
  const action = (name: string, params: Params, token?: string) => {
    const req = t.http.get(`/api/3/action/${name}`).query(params);
    if (token) req.set('authorization', `Bearer ${token}`);
    return req;
  };
  const search = async (params: Params, token?: string) => {
    const res = await action('package_search', { rows: 1000, ...params }, token);
    expect({ status: res.status, error: res.body.error }).toEqual({ status: 200, error: undefined });
    return res.body.result as { count: number; sort: string; results: Array<Record<string, any>>; search_facets: Record<string, any>; facets: Record<string, any> };
  };
  /** The names a search finds, checking that count is the number of results. */
  const names = async (params: Params, token?: string) => {
    const result = await search(params, token);
    expect(result.count).toBe(result.results.length);
    return result.results.map((p) => p.name as string).sort();
  };
  const refused = async (params: Params, field: string, reason: RegExp, name = 'package_search') => {
    const res = await action(name, params);
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ help: `http://opendata.test/api/3/action/help_show?name=${name}`, success: false, error: { __type: 'Validation Error', [field]: [expect.stringMatching(reason)] } });
  };

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
  });
  afterAll(() => t.close());

  it('answers an OR of fielded terms with the union (title:空气 || title:水质)', async () => {
    const expected = slugsWhere((d) => d.title.includes('空气') || d.title.includes('水质'));
    expect(expected.length).toBeGreaterThanOrEqual(4);
    const single = union(await names({ q: 'title:空气' }), await names({ q: 'title:水质' }));
    expect(single).toEqual(expected);
    for (const q of ['title:空气 || title:水质', 'title:空气 OR title:水质', 'title:(空气 OR 水质)']) expect(await names({ q })).toEqual(expected);
  });

  it('answers an OR of free words with the union of the single searches (空气 OR 公租房)', async () => {
    const air = await names({ q: '空气' });
    const housing = await names({ q: '公租房' });
    expect(air.length).toBeGreaterThan(0);
    expect(housing.length).toBeGreaterThan(0);
    expect(await names({ q: '空气 OR 公租房' })).toEqual(union(air, housing));
    expect(await names({ q: '空气 || 公租房' })).toEqual(union(air, housing));
  });

  it('answers AND, && and parentheses with intersections', async () => {
    const air = await names({ q: '空气' });
    const monitoring = await names({ q: '监测' });
    expect(await names({ q: '空气 AND 监测' })).toEqual(intersection(air, monitoring));
    expect(await names({ q: '空气 && 监测' })).toEqual(intersection(air, monitoring));
    const env = slugsWhere((d) => d.organization === 'hy-env-bureau');
    const either = union(await names({ q: 'title:空气' }), await names({ q: 'title:公租房' }));
    expect(await names({ q: '(title:空气 OR title:公租房) AND organization:hy-env-bureau' })).toEqual(intersection(either, env));
    expect(await names({ q: 'title:空气 OR title:公租房', fq: 'organization:hy-env-bureau' })).toEqual(intersection(either, env));
  });

  it('answers negation with the complement (-空气, NOT 空气, !空气, fq=-organization:...)', async () => {
    const all = await names({});
    expect(all).toEqual(published.map((d) => d.slug).sort());
    const air = await names({ q: '空气' });
    for (const q of ['-空气', 'NOT 空气', '!空气']) expect(await names({ q })).toEqual(minus(all, air));
    expect(await names({ q: '空气 -title:小时' })).toEqual(minus(air, slugsWhere((d) => d.title.includes('小时'))));
    expect(await names({ fq: '-organization:hy-env-bureau' })).toEqual(slugsWhere((d) => d.organization !== 'hy-env-bureau'));
  });

  it('reads fields as the demo records hold them: quoted phrases, tags, names, organizations', async () => {
    const phrase = '空气质量';
    const inText = (d: (typeof DEMO_DATASETS)[number]) => [d.title, d.description, ...d.tags, organizationName.get(d.organization) ?? ''].some((v) => v.includes(phrase));
    expect(await names({ q: `"${phrase}"` })).toEqual(slugsWhere(inText));
    expect(await names({ q: 'notes:"逐小时"' })).toEqual(slugsWhere((d) => d.description.includes('逐小时')));
    expect(await names({ fq: 'tags:"空气质量"' })).toEqual(slugsWhere((d) => d.tags.includes('空气质量')));
    expect(await names({ q: 'name:hengyang-air*' })).toEqual(slugsWhere((d) => d.slug.startsWith('hengyang-air')));
    expect(await names({ q: 'name:hengyang-air-quality-hourly' })).toEqual(['hengyang-air-quality-hourly']);
    expect(await names({ fq: 'organization:hy-env-bureau OR organization:hy-housing-construction-bureau' })).toEqual(
      slugsWhere((d) => ['hy-env-bureau', 'hy-housing-construction-bureau'].includes(d.organization)),
    );
  });

  it('pages consistently with count: rows and start walk the same ordered list', async () => {
    const q = '空气 OR 水质 OR 公租房 OR 公积金';
    const whole = await search({ q, rows: 1000 });
    expect(whole.count).toBeGreaterThan(5);
    const walked: string[] = [];
    for (let start = 0; start < whole.count + 3; start += 3) {
      const page = await search({ q, rows: 3, start });
      expect(page.count).toBe(whole.count);
      walked.push(...page.results.map((p) => p.name));
    }
    expect(walked).toEqual(whole.results.map((p) => p.name));
    expect((await search({ q, rows: 0 })).results).toEqual([]);
  });

  it('sorts by name, title_string and metadata_modified, with several keys; refuses what it cannot sort by', async () => {
    const slugs = published.map((d) => d.slug).sort(byCodePoint);
    expect((await search({ sort: 'name asc' })).results.map((p) => p.name)).toEqual(slugs);
    expect((await search({ sort: 'name desc' })).results.map((p) => p.name)).toEqual([...slugs].reverse());
    expect((await search({ sort: 'title_string asc' })).results.map((p) => p.title)).toEqual(published.map((d) => d.title).sort(byCodePoint));
    const byModified = (await search({ sort: 'metadata_modified desc, name asc' })).results.map((p) => [p.metadata_modified, p.name]);
    expect(byModified).toEqual([...byModified].sort((a, b) => byCodePoint(b[0], a[0]) || byCodePoint(a[1], b[1])));
    expect((await search({ q: '空气', sort: 'score desc, name asc' })).sort).toBe('score desc, name asc');
    await refused({ sort: 'views_recent desc' }, 'sort', /views_recent/);
    await refused({ sort: 'title asc' }, 'sort', /cannot sort by title/);
    await refused({ sort: 'name' }, 'sort', /field asc/);
  });

  it('refuses query syntax it does not support, with CKAN\'s 409 envelope naming q or fq', async () => {
    await refused({ q: 'metadata_modified:[2026-01-01T00:00:00Z TO *]' }, 'q', /ranges/);
    await refused({ q: 'title:空*气' }, 'q', /may only end a word/);
    await refused({ q: 'title:空气*' }, 'q', /name: only/);
    await refused({ q: '空气^2' }, 'q', /boosts/);
    await refused({ q: '空气~1' }, 'q', /fuzzy/);
    await refused({ q: '空气 OR 水质 公租房' }, 'q', /cannot be mixed/);
    await refused({ q: '空气 OR -水质' }, 'q', /branch of OR/);
    await refused({ q: '((空气 OR (水质 OR 公租房)))' }, 'q', /at most 2 levels/);
    await refused({ fq: 'license_id:CC-BY-4.0' }, 'fq', /^不支持的检索字段：license_id \(unsupported search field: license_id\)$/);
    await refused({ q: Array.from({ length: 70 }, (_, i) => `词${i}`).join(' OR ') }, 'q', /too large.*at most 64 terms/);
  });

  it('honours fl, facet.limit, facet.mincount and facet, and refuses what it cannot count', async () => {
    const fl = await search({ q: 'title:空气', fl: 'name,title,organization,tags' });
    expect(fl.results[0]).toEqual({ name: expect.any(String), title: expect.stringContaining('空气'), organization: 'hy-env-bureau', tags: expect.any(Array) });
    const tagCounts = new Map<string, number>();
    for (const d of published) for (const tag of new Set(d.tags)) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
    const everyTag = await search({ 'facet.field': '["tags"]', 'facet.limit': -1, rows: 0 });
    expect(everyTag.facets.tags).toEqual(Object.fromEntries(tagCounts));
    const topTwo = await search({ 'facet.field': '["tags"]', 'facet.limit': 2, rows: 0 });
    const highest = [...tagCounts.values()].sort((a, b) => b - a).slice(0, 2);
    expect(Object.values(topTwo.facets.tags as Record<string, number>).sort((a, b) => b - a)).toEqual(highest);
    const frequent = await search({ 'facet.field': '["tags"]', 'facet.limit': -1, 'facet.mincount': 2, rows: 0 });
    expect(frequent.facets.tags).toEqual(Object.fromEntries([...tagCounts].filter(([, n]) => n >= 2)));
    expect(frequent.search_facets.tags.items.map((i: { display_name: string }) => i.display_name)).toEqual(Object.keys(frequent.facets.tags).sort(byCodePoint).reverse());
    expect((await search({ 'facet.field': '["tags"]', facet: false })).search_facets).toEqual({});
    await refused({ 'facet.field': '["license_id"]' }, 'facet.field', /license_id/);
    await refused({ fl: 'name,extras_x' }, 'fl', /extras_x/);
    await refused({ qf: 'title^2' }, 'qf', /not supported/);
    const unknown = await action('package_search', { q: '空气', 'f.tags.facet.limit': 5 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toEqual({ __type: 'Search Query Error', message: expect.stringContaining('f.tags.facet.limit') });
  });

  it('shows drafts only with include_drafts and include_private, to those who may see them', async () => {
    const drafts = DEMO_DATASETS.filter((d) => d.status === 'draft').map((d) => d.slug).sort();
    expect(drafts.length).toBeGreaterThan(0);
    const all = published.map((d) => d.slug);
    expect(await names({ include_private: true }, TEST_ADMIN_TOKEN)).toEqual([...all].sort());
    expect(await names({ include_private: true, include_drafts: true }, TEST_ADMIN_TOKEN)).toEqual([...all, ...drafts].sort());
    expect(await names({ include_private: true, include_drafts: true })).toEqual([...all].sort());
    expect(await names({ fq: 'state:draft', include_private: true, include_drafts: true }, TEST_ADMIN_TOKEN)).toEqual(drafts);
  });

  describe('datastore_search q per field', () => {
    const rows = airQualityHourlyCsv().trim().split('\n').slice(1).map((line) => line.split(','));
    let resourceId: string;
    const records = async (params: Params) => {
      const res = await action('datastore_search', { resource_id: resourceId, limit: 32000, ...params });
      expect({ status: res.status, error: res.body.error }).toEqual({ status: 200, error: undefined });
      expect(res.body.result.total).toBe(res.body.result.records.length);
      return res.body.result.records as Array<Record<string, any>>;
    };

    beforeAll(async () => {
      resourceId = (await search({ q: 'name:hengyang-air-quality-hourly' })).results[0].resources[0].id;
    });

    it('matches a text field given as a JSON object, in the query string or a JSON body', async () => {
      const expected = rows.filter((r) => r[0] === '2460A').length;
      expect(expected).toBe(720);
      const viaGet = await records({ q: JSON.stringify({ station_code: '2460A' }) });
      expect(viaGet).toHaveLength(expected);
      expect(viaGet.every((r) => r.station_code === '2460A')).toBe(true);
      const viaPost = await t.http.post('/api/3/action/datastore_search').send({ resource_id: resourceId, q: { station_code: '2460A' }, limit: 0 });
      expect(viaPost.body.result.total).toBe(expected);
    });

    it('matches numbers by value and timestamps by prefix; a text q needs every word in some field', async () => {
      const aqi = rows.find((r) => r[0] === '2460A' && r[4] !== '')![4];
      expect(await records({ q: JSON.stringify({ aqi: Number(aqi) }) })).toHaveLength(rows.filter((r) => r[4] === aqi).length);
      const day = await records({ q: JSON.stringify({ station_code: '2460A', time: '2026-09-02' }) });
      expect(day).toHaveLength(24);
      expect(day.every((r) => r.time.startsWith('2026-09-02T'))).toBe(true);
      expect(await records({ q: '2460A 2026-09-02' })).toHaveLength(24);
    });

    it('refuses fields not in the table and values their field cannot hold, naming them', async () => {
      await refused({ resource_id: resourceId, q: '{"station":"2460A"}' }, 'q', /field "station" not in table/, 'datastore_search');
      await refused({ resource_id: resourceId, q: '{"aqi":"good"}' }, 'q', /"good" is not a value of aqi/, 'datastore_search');
      await refused({ resource_id: resourceId, distinct: true }, 'distinct', /distinct/, 'datastore_search');
    });

    it('refuses a NUL that only shows once q is parsed as JSON, naming the field', async () => {
      await refused({ resource_id: resourceId, q: '{"station_code":"24\\u000060A"}' }, 'q.station_code', /U\+0000/, 'datastore_search');
    });
  });
});
