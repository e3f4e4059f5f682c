import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { StorageConnection } from './connections';

/**
 * Typed configuration, read once from the environment at boot. Every variable is optional (DESIGN.md); a bad
 * value stops the process with a one-line reason (ConfigError) instead of failing later in an obscure place.
 */

/** An external S3/MinIO endpoint; the bucket is configured on its own (MINIO_BUCKET), embedded or not. */
export type ExternalStorageConfig = Omit<StorageConnection, 'bucket'>;

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
  /** Uploads that may wait for one of those slots (in arrival order); beyond them 503 with Retry-After. */
  uploadQueueLength: number;
  /** How long an upload waits for a slot at most before 503 with Retry-After. */
  uploadQueueTimeoutSeconds: number;
  /**
   * A connection that sends and receives nothing for this long is closed. It replaces Node's limit on the time
   * a whole request may take (300 s), which would cut uploads of gigabytes; longer than the queue wait, during
   * which a waiting upload's body is not read.
   */
  httpIdleTimeoutSeconds: number;
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
  /** Most cost points one GraphQL request may ask for (see apps/api/src/graphql/field-costs.ts). */
  graphqlMaxCost: number;
  /**
   * Which peers may set the client address through X-Forwarded-For (Express `trust proxy`): false (the default,
   * the address of the connection counts), a number of proxy hops, or proxy addresses and CIDR ranges.
   */
  trustProxy: TrustProxy;
  /** Absolute; the built portal (index.html, explorer.html, assets/) the API serves at / and GET /graphql. */
  portalDir: string;
}

export type TrustProxy = false | number | string[];

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

/** Named ranges Express understands besides addresses and CIDRs. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const TRUST_PROXY_FORM = 'must be a number of proxy hops (1 to 10) or a comma-separated list of proxy addresses or CIDR ranges, e.g. 10.0.0.0/8,127.0.0.1';

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

function parseTrustProxy(env: Env): TrustProxy {
  const raw = optional(env, 'TRUST_PROXY');
  if (raw === null || ['false', 'off', 'no', '0'].includes(raw.toLowerCase())) return false;
  // "true" would take the left-most X-Forwarded-For entry, which any client writes itself.
  if (['true', 'on', 'yes'].includes(raw.toLowerCase())) fail('TRUST_PROXY', `${TRUST_PROXY_FORM}; "true" would let every client choose its own address`, raw);
  if (/^\d+$/.test(raw)) {
    if (Number(raw) > 10) fail('TRUST_PROXY', TRUST_PROXY_FORM, raw);
    return Number(raw);
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !isProxyAddress(entry));
  if (bad !== undefined) fail('TRUST_PROXY', `${TRUST_PROXY_FORM}; "${bad}" is neither`, raw);
  return entries;
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): AppConfig {
  const port = parsePort(env, 'PORT', 3000);
  const uploadQueueTimeoutSeconds = parseInteger(env, 'UPLOAD_QUEUE_TIMEOUT_SECONDS', 120, 1, 3600);
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
    uploadQueueLength: parseInteger(env, 'UPLOAD_QUEUE_LENGTH', 32, 0, 10_000),
    uploadQueueTimeoutSeconds,
    httpIdleTimeoutSeconds: parseIdleTimeout(env, uploadQueueTimeoutSeconds),
    validationThreads: parseBoolean(env, 'VALIDATION_THREADS', false),
    stagingMaxAgeHours: parseInteger(env, 'STAGING_MAX_AGE_HOURS', 24, 1, 24 * 365),
    jobsInApi: parseBoolean(env, 'JOBS_IN_API', true),
    // Generous defaults (per minute: 200 points a second per token, 100 per address) that normal use never meets;
    // GraphQL requests count their cost in points, REST requests 1 each. A portal page costs 30-140 points, and
    // an intranet may show many readers behind one address.
    rateLimit: {
      windowSeconds: parseInteger(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86400),
      perToken: parseInteger(env, 'RATE_LIMIT_PER_TOKEN', 12_000, 0, 1_000_000_000),
      perIp: parseInteger(env, 'RATE_LIMIT_PER_IP', 6_000, 0, 1_000_000_000),
    },
    graphqlMaxCost: parseInteger(env, 'GRAPHQL_MAX_COST', 500, 1, 1_000_000),
    trustProxy: parseTrustProxy(env),
    portalDir: resolve(cwd, optional(env, 'PORTAL_DIR') ?? './dist/portal'),
  };
}

/** Longer than an upload may wait in the queue (`queue` seconds), during which its connection is idle. */
function parseIdleTimeout(env: Env, queue: number): number {
  const idle = parseInteger(env, 'HTTP_IDLE_TIMEOUT_SECONDS', Math.max(180, queue + 60), 1, 86400);
  if (idle <= queue) {
    throw new ConfigError(`HTTP_IDLE_TIMEOUT_SECONDS must be longer than UPLOAD_QUEUE_TIMEOUT_SECONDS (${queue}): a waiting upload's connection is idle`);
  }
  return idle;
}
