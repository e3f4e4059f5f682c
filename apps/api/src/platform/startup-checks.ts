import { AppConfig, ServiceEndpoints, StartupError, systemReason } from '@opendata/config';
import { MinioObjectStore } from '@opendata/storage';
import { createServer } from 'node:net';
import { Client } from 'pg';

const PROBE_TIMEOUT_MS = 10_000;

/**
 * Checks made before the application is built, so that what an operator can get wrong ends the start with one
 * line saying what and where (printed by main.ts), instead of a stack trace from deep inside a library, or
 * minutes of connection retries.
 */

/** The port is free on HOST: checked before the embedded services start, not after a minute of start-up. */
export function checkPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why: Record<string, string> = {
        EADDRINUSE: `PORT ${port} is already in use on ${host}; stop what listens there or set PORT to a free port`,
        EACCES: `PORT ${port} on ${host} needs privileges this user does not have; set PORT above 1023`,
        EADDRNOTAVAIL: `HOST ${host} is not an address of this machine; set HOST to one of its addresses or 0.0.0.0`,
      };
      reject(new StartupError(why[error.code ?? ''] ?? `cannot listen on ${host}:${port}: ${systemReason(error)}`));
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

/** An external database (DATABASE_URL) answers, with these credentials, and the database exists. */
export async function checkDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  // A connection that fails later must not surface as an unhandled 'error' event.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new StartupError(`cannot use the database at ${withoutCredentials(url)} (DATABASE_URL): ${systemReason(error) || 'no answer'}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** An external object store (MINIO_ENDPOINT) answers and takes the keys; the bucket is created if missing. */
export async function checkStorage(storage: ServiceEndpoints['storage']): Promise<void> {
  const endpoint = `${storage.useSSL ? 'https' : 'http'}://${storage.endPoint}:${storage.port}`;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS / 1000} s`)), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([new MinioObjectStore(storage).ensureBucket(), timeout]);
  } catch (error) {
    const reason = systemReason(error) || (error as { code?: string }).code || 'no answer';
    throw new StartupError(`cannot use the object store at ${endpoint} (MINIO_ENDPOINT, bucket ${storage.bucket}): ${reason}`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What must be there before anything starts: the port, and the external services configured (embedded ones
 * are started afterwards and answer, or fail with a StartupError of their own).
 */
export async function checkBeforeStart(config: AppConfig): Promise<void> {
  await checkPortFree(config.host, config.port);
  if (config.databaseUrl) await checkDatabase(config.databaseUrl);
  if (config.storage) await checkStorage({ ...config.storage, bucket: config.bucket });
}

function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}
