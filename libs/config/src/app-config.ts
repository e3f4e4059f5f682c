import { resolve } from 'node:path';

/**
 * Typed configuration, read once from the environment at boot. Every variable is optional (DESIGN.md); a bad
 * value stops the process with a one-line reason (ConfigError) instead of failing later in an obscure place.
 */
export interface ExternalStorageConfig {
  endPoint: string;
  port: number;
  useSSL: boolean;
  accessKey: string;
  secretKey: string;
  region: string;
}

export type LogLevel = 'error' | 'warn' | 'log' | 'debug' | 'verbose';

export interface AppConfig {
  port: number;
  host: string;
  /** Absolute; the embedded PostgreSQL and S3 endpoint keep their files under it. */
  dataDir: string;
  /** External PostgreSQL; when absent the embedded cluster is started. */
  databaseUrl: string | null;
  /** External S3/MinIO; when absent the embedded endpoint is started. */
  storage: ExternalStorageConfig | null;
  bucket: string;
  adminToken: string | null;
  seedDemo: boolean;
  logLevel: LogLevel;
  /** Base URL used in links the platform hands out (DCAT download URLs); defaults to http://localhost:PORT. */
  publicUrl: string;
  /** Lifetime of cached public search results (they are dropped on every catalogue change anyway); 0 = off. */
  searchCacheSeconds: number;
  /** API processes sharing the port (Node cluster); GraphQL execution is single-threaded per process. */
  apiWorkers: number;
  /** Largest accepted upload, in bytes. */
  uploadMaxBytes: number;
  /** Uploads (and validations) processed at once per API process; each holds a database connection. */
  uploadConcurrency: number;
  /**
   * Read and check uploads on validation threads, off the event loop that serves requests. Worth it with cores
   * to spare (other requests stay fast during large uploads); each busy thread costs about 60 MB.
   */
  validationThreads: boolean;
  /** Age after which the cleanup job removes unreferenced staging objects and row tables. */
  stagingMaxAgeHours: number;
  /** Run the periodic jobs (cleanup, ...) in the API process; false when the worker app runs them. */
  jobsInApi: boolean;
  /** Request quotas (REST and GraphQL); a limit of 0 turns that limit off. */
  rateLimit: RateLimitConfig;
  /** Absolute; the built portal (index.html, explorer.html, assets/) the API serves at / and GET /graphql. */
  portalDir: string;
}

export interface RateLimitConfig {
  /** Length of the quota window. */
  windowSeconds: number;
  /** Requests per window for each API token. */
  perToken: number;
  /** Requests per window for each client address without a token. */
  perIp: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

function fail(name: string, reason: string, value?: string): never {
  const shown = value === undefined ? '' : ` (got "${value.length > 60 ? `${value.slice(0, 60)}...` : value}")`;
  throw new ConfigError(`${name} ${reason}${shown}`);
}

function optional(env: Env, name: string): string | null {
  const value = env[name];
  return value === undefined || value.trim() === '' ? null : value.trim();
}

function parsePort(env: Env, name: string, fallback: number): number {
  const raw = optional(env, name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) {
    fail(name, 'must be an integer between 1 and 65535', raw);
  }
  return Number(raw);
}

function parseInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = optional(env, name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) fail(name, `must be an integer from ${min} to ${max}`, raw);
  return Number(raw);
}

function parseBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = optional(env, name);
  if (raw === null) return fallback;
  const lower = raw.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(lower)) return true;
  if (['false', '0', 'no', 'off'].includes(lower)) return false;
  return fail(name, 'must be true or false', raw);
}

function parseDatabaseUrl(env: Env): string | null {
  const raw = optional(env, 'DATABASE_URL');
  if (raw === null) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('DATABASE_URL', 'must be a URL like postgres://user:password@host:5432/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    fail('DATABASE_URL', `must use the postgres:// scheme, not ${url.protocol}//`);
  }
  if (!url.hostname || url.pathname.length <= 1) {
    fail('DATABASE_URL', 'must name a host and a database (postgres://user:password@host:5432/database)');
  }
  return raw;
}

function parseStorage(env: Env): ExternalStorageConfig | null {
  const raw = optional(env, 'MINIO_ENDPOINT');
  if (raw === null) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('MINIO_ENDPOINT', 'must be a URL like http://127.0.0.1:9000', raw);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail('MINIO_ENDPOINT', 'must use http:// or https://', raw);
  }
  if (url.pathname !== '/' || url.search) fail('MINIO_ENDPOINT', 'must not have a path or query', raw);
  const accessKey = optional(env, 'MINIO_ACCESS_KEY');
  const secretKey = optional(env, 'MINIO_SECRET_KEY');
  if (!accessKey || !secretKey) {
    fail('MINIO_ACCESS_KEY', 'and MINIO_SECRET_KEY are required when MINIO_ENDPOINT is set');
  }
  const useSSL = url.protocol === 'https:';
  return {
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : useSSL ? 443 : 80,
    useSSL,
    accessKey,
    secretKey,
    region: optional(env, 'MINIO_REGION') ?? 'us-east-1',
  };
}

function parseBucket(env: Env): string {
  const bucket = optional(env, 'MINIO_BUCKET') ?? 'opendata';
  // S3 bucket naming rules: 3-63 characters, lower-case letters, digits, dots and hyphens.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes('..')) {
    fail('MINIO_BUCKET', 'must be a valid S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)', bucket);
  }
  return bucket;
}

function parseAdminToken(env: Env): string | null {
  const token = optional(env, 'ADMIN_TOKEN');
  if (token === null) return null;
  if (token.length < 16) fail('ADMIN_TOKEN', 'must be at least 16 characters long');
  if (/\s/.test(token)) fail('ADMIN_TOKEN', 'must not contain whitespace');
  return token;
}

function parseLogLevel(env: Env): LogLevel {
  const raw = optional(env, 'LOG_LEVEL') ?? 'log';
  if (!LOG_LEVELS.includes(raw as LogLevel)) fail('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`, raw);
  return raw as LogLevel;
}

function parsePublicUrl(env: Env, port: number): string {
  const raw = optional(env, 'PUBLIC_URL');
  if (raw === null) return `http://localhost:${port}`;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
  } catch {
    fail('PUBLIC_URL', 'must be an http(s) URL', raw);
  }
  return raw.replace(/\/+$/, '');
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): AppConfig {
  const port = parsePort(env, 'PORT', 3000);
  return {
    port,
    host: optional(env, 'HOST') ?? '0.0.0.0',
    dataDir: resolve(cwd, optional(env, 'DATA_DIR') ?? './.data'),
    databaseUrl: parseDatabaseUrl(env),
    storage: parseStorage(env),
    bucket: parseBucket(env),
    adminToken: parseAdminToken(env),
    seedDemo: parseBoolean(env, 'SEED_DEMO', true),
    logLevel: parseLogLevel(env),
    publicUrl: parsePublicUrl(env, port),
    searchCacheSeconds: parseInteger(env, 'SEARCH_CACHE_SECONDS', 300, 0, 86400),
    apiWorkers: parseInteger(env, 'API_WORKERS', 1, 1, 64),
    uploadMaxBytes: parseInteger(env, 'UPLOAD_MAX_BYTES', 5 * 1024 ** 3, 1024, Number.MAX_SAFE_INTEGER),
    uploadConcurrency: parseInteger(env, 'UPLOAD_CONCURRENCY', 4, 1, 64),
    validationThreads: parseBoolean(env, 'VALIDATION_THREADS', false),
    stagingMaxAgeHours: parseInteger(env, 'STAGING_MAX_AGE_HOURS', 24, 1, 24 * 365),
    jobsInApi: parseBoolean(env, 'JOBS_IN_API', true),
    // Generous defaults (10,000 requests a second) so that normal use, tests and benchmarks never meet them.
    rateLimit: {
      windowSeconds: parseInteger(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86400),
      perToken: parseInteger(env, 'RATE_LIMIT_PER_TOKEN', 12_000, 0, 1_000_000_000),
      perIp: parseInteger(env, 'RATE_LIMIT_PER_IP', 1_200, 0, 1_000_000_000),
    },
    portalDir: resolve(cwd, optional(env, 'PORTAL_DIR') ?? './dist/portal'),
  };
}
