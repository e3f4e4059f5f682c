import { loadConfig } from '@opendata/config';
import { TEST_ADMIN_TOKEN, TestApp, startTestApp } from '../../../test/support/test-app';

describe('request quotas (REST and GraphQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ rateLimit: { windowSeconds: 60, perIp: 5, perToken: 8 } });
  });
  afterAll(() => t.close());

  it('lets traffic under the limit through, with the quota in headers', async () => {
    const res = await t.http.get('/api/v1/schemas');
    expect(res.status).toBe(200);
    expect(res.headers['x-ratelimit-limit']).toBe('5');
    expect(res.headers['x-ratelimit-remaining']).toBe('4');
    expect(Number(res.headers['x-ratelimit-reset'])).toBeGreaterThan(0);
    expect(res.headers['retry-after']).toBeUndefined();
  });

  it('answers a burst past the per-address limit with 429 and Retry-After, on REST and GraphQL alike', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.http.get('/api/v1/schemas')).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
    const rest = await t.http.get('/api/v1/schemas');
    expect(rest.status).toBe(429);
    expect(rest.body.code).toBe('RATE_LIMITED');
    expect(Number(rest.headers['retry-after'])).toBeGreaterThan(0);
    expect(rest.headers['x-ratelimit-remaining']).toBe('0');
    const gql = await t.gql(`{ organizations { slug } }`);
    expect(gql.status).toBe(429);
    expect(gql.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });

  it('gives each token its own quota, and leaves /health alone', async () => {
    expect((await t.http.get('/health')).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await t.gql(`{ organizations { slug } }`, {}, TEST_ADMIN_TOKEN)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
  });

  it('has defaults a person browsing or a script paging politely never reaches, and 0 turns a quota off', () => {
    const { perIp, perToken } = loadConfig({}).rateLimit;
    expect(perIp).toBeGreaterThanOrEqual(600); // 10 requests/s sustained per address
    expect(perToken).toBeGreaterThan(perIp); // signed-in clients get more
    expect(loadConfig({ RATE_LIMIT_PER_IP: '0' }).rateLimit.perIp).toBe(0);
  });
});

describe('GraphQL requests take their cost from the quota', () => {
  let t: TestApp;
  // 5 points for the search, 1 for its total.
  const SEARCH = '{ datasets(first: 20) { totalCount edges { node { title } } } }';
  const post = (query: string) => t.http.post('/graphql').set('content-type', 'application/json').send({ query });

  beforeAll(async () => {
    t = await startTestApp({ rateLimit: { windowSeconds: 60, perIp: 100, perToken: 0 } });
  });
  afterAll(() => t.close());

  it('charges a REST request 1 point and a GraphQL query its cost', async () => {
    expect((await t.http.get('/api/v1/schemas')).headers['x-ratelimit-remaining']).toBe('99');
    const search = await post(SEARCH);
    expect(search.status).toBe(200);
    expect(search.headers['x-ratelimit-limit']).toBe('100');
    expect(search.headers['x-ratelimit-remaining']).toBe('93');
    // A query that reaches no table costs the 1 point every request costs.
    expect((await post('{ licences { id } }')).headers['x-ratelimit-remaining']).toBe('92');
  });

  it('refuses, before it runs, a query the quota left cannot pay, and keeps those points for cheaper requests', async () => {
    const costly = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: datasets(first: 1) { totalCount }`).join(' ')} }`;
    const refused = await post(costly);
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(refused.body.errors[0].message).toMatch(/this query costs 96 points and 91 of the 100 of this window are left/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['x-ratelimit-remaining']).toBe('91');
    expect(refused.body.data).toBeUndefined();
    const cheap = await post(SEARCH);
    expect(cheap.status).toBe(200);
    expect(cheap.headers['x-ratelimit-remaining']).toBe('85');
  });
});

describe('client addresses and X-Forwarded-For', () => {
  const statusesFrom = async (t: TestApp, forwardedFor: Array<string | null>): Promise<number[]> => {
    const statuses: number[] = [];
    for (const address of forwardedFor) {
      const req = t.http.get('/api/v1/schemas');
      if (address !== null) req.set('x-forwarded-for', address);
      statuses.push((await req).status);
    }
    return statuses;
  };

  it('charges every request of a connection to one quota whatever X-Forwarded-For says, by default', async () => {
    const t = await startTestApp({ rateLimit: { windowSeconds: 60, perIp: 4, perToken: 0 } });
    try {
      expect(t.config.trustProxy).toBe(false);
      const forged = ['203.0.113.1', '127.0.0.1', '::1', '203.0.113.2, 198.51.100.7', 'not an address', null];
      expect(await statusesFrom(t, forged)).toEqual([200, 200, 200, 200, 429, 429]);
    } finally {
      await t.close();
    }
  });

  it('with TRUST_PROXY=1 charges the address the proxy forwards', async () => {
    const t = await startTestApp({ rateLimit: { windowSeconds: 60, perIp: 2, perToken: 0 }, trustProxy: loadConfig({ TRUST_PROXY: '1' }).trustProxy });
    try {
      // A proxy appends the address it sees: the right-most entry is the one charged.
      const clients = ['203.0.113.1', '203.0.113.2', '198.51.100.9, 203.0.113.3', '203.0.113.4'];
      expect(await statusesFrom(t, clients)).toEqual([200, 200, 200, 200]);
      expect(await statusesFrom(t, ['203.0.113.9', '203.0.113.9', '203.0.113.9'])).toEqual([200, 200, 429]);
      expect(await statusesFrom(t, ['10.0.0.1, 203.0.113.9'])).toEqual([429]);
    } finally {
      await t.close();
    }
  });
});
