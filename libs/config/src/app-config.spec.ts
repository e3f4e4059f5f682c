import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      port: 3000,
      dataDir: '/srv/app/.data',
      databaseUrl: null,
      storage: null,
      bucket: 'opendata',
      adminToken: null,
      seedDemo: true,
      publicUrl: 'http://localhost:3000',
      searchCacheSeconds: 300,
      apiWorkers: 1,
      uploadMaxBytes: 5 * 1024 ** 3,
      uploadConcurrency: 4,
      validationThreads: false,
      stagingMaxAgeHours: 24,
      jobsInApi: true,
      portalDir: '/srv/app/dist/portal',
    });
    expect(loadConfig({ PORTAL_DIR: 'build/portal' }, '/srv/app').portalDir).toBe('/srv/app/build/portal');
  });

  it('reads external services', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        DATABASE_URL: 'postgres://u:p@db:5432/opendata',
        MINIO_ENDPOINT: 'https://s3.example.org',
        MINIO_ACCESS_KEY: 'ak',
        MINIO_SECRET_KEY: 'sk',
        MINIO_BUCKET: 'city-data',
        SEED_DEMO: 'false',
        DATA_DIR: '/var/lib/opendata',
      },
      '/srv/app',
    );
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/opendata');
    expect(config.storage).toEqual({
      endPoint: 's3.example.org',
      port: 443,
      useSSL: true,
      accessKey: 'ak',
      secretKey: 'sk',
      region: 'us-east-1',
    });
    expect(config.bucket).toBe('city-data');
    expect(config.seedDemo).toBe(false);
    expect(config.dataDir).toBe('/var/lib/opendata');
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be an integer between 1 and 65535 \(got "abc"\)$/],
    [{ PORT: '70000' }, /^PORT must be an integer/],
    [{ DATABASE_URL: 'mysql://x/y' }, /^DATABASE_URL must use the postgres:\/\/ scheme/],
    [{ DATABASE_URL: 'not a url' }, /^DATABASE_URL must be a URL/],
    [{ MINIO_ENDPOINT: 'http://127.0.0.1:9000' }, /^MINIO_ACCESS_KEY and MINIO_SECRET_KEY are required/],
    [{ MINIO_ENDPOINT: 'ftp://x' }, /^MINIO_ENDPOINT must use http/],
    [{ MINIO_BUCKET: 'Bad_Bucket' }, /^MINIO_BUCKET must be a valid S3 bucket name/],
    [{ SEED_DEMO: 'maybe' }, /^SEED_DEMO must be true or false/],
    [{ ADMIN_TOKEN: 'short' }, /^ADMIN_TOKEN must be at least 16 characters/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of/],
    [{ SEARCH_CACHE_SECONDS: '-1' }, /^SEARCH_CACHE_SECONDS must be an integer from 0 to 86400/],
    [{ API_WORKERS: '0' }, /^API_WORKERS must be an integer from 1 to 64/],
  ])('refuses %j with a one-line reason', (env, reason) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(reason);
  });

  it('never echoes a secret back in the reason', () => {
    expect(() => loadConfig({ ADMIN_TOKEN: 'has space in it and long' })).toThrow(/^ADMIN_TOKEN must not contain whitespace$/);
  });
});
