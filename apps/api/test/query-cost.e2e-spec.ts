import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { TestApp, startTestApp } from '../../../test/support/test-app';

/** The attack report's document: each fragment spreads the next one twice, so `levels` levels expand to 2^levels. */
function fanOut(levels: number): string {
  let query = 'query{...F0}';
  for (let i = 0; i < levels; i++) query += ` fragment F${i} on Query{...F${i + 1} ...F${i + 1}}`;
  return `${query} fragment F${levels} on Query{x: __typename}`;
}

const aliases = (count: number, field: (i: number) => string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join(' ')} }`;

describe('GraphQL cost limits on the real server', () => {
  let t: TestApp;
  let statements: string[] = [];
  const sendQuery = Client.prototype.query;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    // The search index loads in the background at start: one search waits for it, so its statements are not counted.
    await t.gql('{ datasets(first: 0) { totalCount } }');
    // Every SQL statement the API sends, as pg sees it.
    jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      const [first] = args as [string | { text?: string }];
      statements.push(typeof first === 'string' ? first : (first?.text ?? ''));
      return (sendQuery as (...a: unknown[]) => unknown).apply(this, args);
    } as never);
  });
  beforeEach(() => {
    statements = [];
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  it.each([21, 30, 100])('refuses the fragment fan-out of %i levels with QUERY_TOO_COSTLY, before any statement', async (levels) => {
    const res = await t.gql(fanOut(levels));
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    // Each of the 2^levels __typename values costs a thousandth of a point.
    const cost = levels < 40 ? String(Math.round(2 ** levels / 1000)) : 'more than 10\\^12';
    const costZh = levels < 40 ? cost : '超过 10\\^12';
    expect(res.body.errors![0].message).toMatch(new RegExp(`^查询代价过高：需 ${costZh} 点，每个请求最多 500 点.* \\(Query too costly: it costs ${cost} points, at most 500 per request`));
    expect(statements).toEqual([]);
  });

  it('keeps /health answering while fan-out documents arrive', async () => {
    const attacks = Array.from({ length: 20 }, () => t.gql(fanOut(100)));
    const health = t.http.get('/health');
    const [healthRes, ...refused] = await Promise.all([health, ...attacks]);
    expect(healthRes.status).toBe(200);
    expect(refused.map((r) => r.status)).toEqual(Array(20).fill(400));
  });

  it('refuses 1,000 aliased searches before execution: no search statement reaches the database', async () => {
    // The counter sees a search when one runs (each search first reads the search index's generation).
    const one = await t.gql(`{ datasets(search: "空气质量", first: 1) { totalCount } }`);
    expect(one.status).toBe(200);
    expect(statements.filter((s) => s.includes('FROM search_generation'))).toHaveLength(1);
    statements = [];
    const res = await t.gql(aliases(1000, (i) => `datasets(search: "空气${i}", first: 1) { totalCount }`));
    expect(res.status).toBe(400);
    expect(res.body.errors![0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(res.body.errors![0].message).toMatch(/^查询代价过高：需 6002 点，每个请求最多 500 点.* \(Query too costly: it costs 6002 points, at most 500 per request/);
    expect(res.body.errors![0].extensions).toEqual({ code: 'QUERY_TOO_COSTLY', messageKey: 'query.tooCostly', cost: 6002, maxCost: 500 });
    expect(statements).toEqual([]);
  });

  it('refuses 1,000 aliased organization lists with dataset counts, before any statement', async () => {
    const one = await t.gql(`{ organizations { datasetCount } }`);
    expect(one.status).toBe(200);
    expect(statements.length).toBeGreaterThan(0);
    statements = [];
    const res = await t.gql(aliases(1000, () => `organizations { datasetCount }`));
    expect(res.status).toBe(400);
    expect(res.body.errors![0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    // Per alias: the list 1, the batched counts 1, and 201 values.
    expect(res.body.errors![0].message).toMatch(/it costs 2201 points, at most 500/);
    expect(statements).toEqual([]);
  });

  it('refuses documents past the token limit at parse time, with a 400 and a stable code', async () => {
    // 40 KB: under the body size limit, over the parser's 20,000 tokens.
    const res = await t.gql(`{ ${'x '.repeat(20_000)}}`);
    expect(res.status).toBe(400);
    expect(res.body.errors![0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(statements).toEqual([]);
  });

  it('measures again the document that runs: a persisted query sent as a hash is priced with its variables', async () => {
    // 5 for the search, 2 for the batched resources, and per dataset 20 resources x (2 for the rows page + 10 for
    // the count), with their values: 5.001 + 2 + 3 x 240.043 = 727.13.
    const query = 'query($n: Int) { datasets(first: $n) { edges { node { resources { rows(first: 500) { totalCount } } } } } }';
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const register = await t.http.post('/graphql').send({ query, variables: { n: 1 }, extensions: { persistedQuery } });
    expect(register.status).toBe(200);
    statements = [];
    const res = await t.http.post('/graphql').send({ variables: { n: 3 }, extensions: { persistedQuery } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(res.body.errors[0].message).toMatch(/it costs 727 points, at most 500/);
    expect(statements.filter((s) => s.includes('WITH m AS MATERIALIZED'))).toEqual([]);
  });

  it('runs what the portal asks for', async () => {
    const search = await t.gql(`{
      datasets(search: "空气", first: 20) {
        totalCount
        edges { cursor node { slug title organization { slug name } themes { code label } tags resources { name format } } }
        pageInfo { hasNextPage endCursor }
        facets { organizations { key label count } themes { key label count } tags { key count } formats { key count } }
      }
    }`);
    expect(search.status).toBe(200);
    expect(search.body.errors).toBeUndefined();
    expect(search.body.data!.datasets.totalCount).toBeGreaterThan(0);
  });
});
