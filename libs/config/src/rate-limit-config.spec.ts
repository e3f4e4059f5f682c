import { ConfigError, loadConfig } from './app-config';

describe('rate limit configuration', () => {
  it('defaults to limits far above normal use', () => {
    expect(loadConfig({}).rateLimit).toEqual({ windowSeconds: 60, perToken: 12_000, perIp: 1_200 });
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
