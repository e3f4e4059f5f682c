import { ConfigError, loadConfig } from './app-config';

describe('rate limit configuration', () => {
  it('defaults to limits far above normal use', () => {
    expect(loadConfig({}).rateLimit).toEqual({ windowSeconds: 60, perToken: 12_000, perIp: 6_000 });
  });

  it('reads the limits, 0 turning one off', () => {
    expect(loadConfig({ RATE_LIMIT_WINDOW_SECONDS: '10', RATE_LIMIT_PER_TOKEN: '0', RATE_LIMIT_PER_IP: '30' }).rateLimit).toEqual({ windowSeconds: 10, perToken: 0, perIp: 30 });
  });

  it.each([
    [{ RATE_LIMIT_WINDOW_SECONDS: '0' }, /^RATE_LIMIT_WINDOW_SECONDS must be an integer from 1 to 86400/],
    [{ RATE_LIMIT_PER_IP: 'many' }, /^RATE_LIMIT_PER_IP must be an integer/],
    [{ RATE_LIMIT_PER_TOKEN: '-5' }, /^RATE_LIMIT_PER_TOKEN must be an integer/],
  ])('refuses %j', (env, reason) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(reason);
  });
});

describe('GraphQL cost budget configuration', () => {
  it('defaults to 500 points a request and reads GRAPHQL_MAX_COST', () => {
    expect(loadConfig({}).graphqlMaxCost).toBe(500);
    expect(loadConfig({ GRAPHQL_MAX_COST: '2000' }).graphqlMaxCost).toBe(2000);
  });

  it('refuses a budget that is not a positive integer', () => {
    expect(() => loadConfig({ GRAPHQL_MAX_COST: '0' })).toThrow(/^GRAPHQL_MAX_COST must be an integer from 1 to 1000000/);
  });
});

describe('TRUST_PROXY configuration', () => {
  it('trusts no forwarded header by default', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });

  it('reads a hop count or a list of proxy addresses and CIDR ranges', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1,fd00::/8' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8']);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
  });

  it.each([
    ['true', /"true" would let every client choose its own address/],
    ['11', /^TRUST_PROXY must be a number of proxy hops \(1 to 10\)/],
    ['10.0.0.0/33', /"10\.0\.0\.0\/33" is neither/],
    ['10.0.0.0/8,nginx', /"nginx" is neither/],
    ['1.2.3', /"1\.2\.3" is neither/],
    ['127.0.0.1,', /"" is neither/],
  ])('refuses %s with a one-line reason', (value, reason) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(reason);
    expect(() => loadConfig({ TRUST_PROXY: value })).not.toThrow(/\n/);
  });
});
