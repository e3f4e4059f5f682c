/**
 * Starts one embedded PostgreSQL cluster and one embedded S3 endpoint for the whole test run, in a temporary
 * directory, and hands their coordinates to the test workers through the environment. Suites create their own
 * database and bucket from there (test/support/test-services.ts).
 */
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../libs/platform/src/embedded/embedded-postgres';
import { runS3rver } from '../libs/platform/src/embedded/embedded-s3';

const log = { log: () => undefined, warn: console.warn, error: console.error };

export default async function globalSetup(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'opendata-test-'));
  // As root, PostgreSQL runs as the postgres user, which must be able to enter the directory.
  await chmod(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dir: join(dir, 'postgres'), database: 'postgres', log });
  const accessKey = 'test-access-key';
  const secretKey = 'test-secret-key-0123456789';
  const s3 = await runS3rver({ directory: join(dir, 's3'), bucket: 'test-default', accessKey, secretKey });
  process.env.TEST_DATABASE_URL = pg.url;
  process.env.TEST_S3 = JSON.stringify({ endPoint: '127.0.0.1', port: s3.port, accessKey, secretKey });
  process.env.TEST_TMP_DIR = dir;
  (globalThis as Record<string, unknown>).__OPENDATA_TEST__ = { pg, s3, dir };
}
