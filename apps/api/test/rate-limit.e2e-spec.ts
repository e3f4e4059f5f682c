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
