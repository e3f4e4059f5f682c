import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from './app-config';
import { startEmbeddedPostgres } from './embedded/embedded-postgres';
import { startEmbeddedS3 } from './embedded/embedded-s3';
import { clearRuntimeState, readLiveRuntimeState, writeRuntimeState } from './embedded/runtime-state';
import { ServiceLog } from './embedded/service-log';
import { StartupError, systemReason } from './startup-error';

/** How to reach the object store; the same shape for MinIO in production and the embedded endpoint. */
export interface StorageConnection {
  endPoint: string;
  port: number;
  useSSL: boolean;
  accessKey: string;
  secretKey: string;
  region: string;
  bucket: string;
}

/** Where the database and the object store are, once started; `stop()` stops whatever was started here. */
export interface ServiceEndpoints {
  databaseUrl: string;
  storage: StorageConnection;
  embedded: { database: boolean; storage: boolean };
  stop(): Promise<void>;
}

/**
 * Resolves the database and object store: the external ones when configured, otherwise embedded PostgreSQL
 * and the embedded S3 endpoint under DATA_DIR.
 */
export async function startServices(config: AppConfig, log: ServiceLog): Promise<ServiceEndpoints> {
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => log.warn(`stop failed: ${error}`));
  };
  try {
    if (config.databaseUrl === null || config.storage === null) {
      await assertWritable(config.dataDir);
      // Only a server that was killed leaves its database running unattended; a live owner keeps it.
      const owner = readLiveRuntimeState(config.dataDir);
      if (owner && owner.pid !== process.pid) {
        throw new StartupError(`DATA_DIR ${config.dataDir} is in use by process ${owner.pid}; stop it first or choose another DATA_DIR`);
      }
    }

    let databaseUrl = config.databaseUrl;
    if (databaseUrl === null) {
      const pg = await startEmbeddedPostgres({ dir: join(config.dataDir, 'postgres'), database: 'opendata', log }).catch((error: unknown) => {
        throw new StartupError(systemReason(error));
      });
      stops.push(pg.stop);
      databaseUrl = pg.url;
    }

    let storage: StorageConnection;
    if (config.storage) {
      storage = { ...config.storage, bucket: config.bucket };
    } else {
      const s3 = await startEmbeddedS3({ directory: join(config.dataDir, 's3'), bucket: config.bucket }, log).catch((error: unknown) => {
        throw new StartupError(systemReason(error));
      });
      stops.push(s3.stop);
      storage = { ...s3, useSSL: false, region: 'us-east-1', bucket: config.bucket };
    }

    const embedded = { database: config.databaseUrl === null, storage: config.storage === null };
    if (embedded.database || embedded.storage) {
      await writeRuntimeState(config.dataDir, { pid: process.pid, databaseUrl, storage });
      stops.unshift(() => clearRuntimeState(config.dataDir));
    }
    return { databaseUrl, storage, embedded, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** DATA_DIR exists (created if needed) and this user can write in it; a StartupError saying why not otherwise. */
async function assertWritable(dir: string): Promise<void> {
  const probe = join(dir, `.write-check-${process.pid}`);
  try {
    await mkdir(dir, { recursive: true });
    // Tried rather than asked (access()): root passes every permission check but not a read-only file system.
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    throw new StartupError(`DATA_DIR ${dir} cannot be written (${systemReason(error)}); choose a directory this user may write, or fix its permissions`);
  }
}

/**
 * For operator commands: reuse the services of a server that is running on this DATA_DIR, or start them.
 */
export async function attachOrStartServices(config: AppConfig, log: ServiceLog): Promise<ServiceEndpoints> {
  const live = config.databaseUrl === null || config.storage === null ? readLiveRuntimeState(config.dataDir) : null;
  if (!live) return startServices(config, log);
  return {
    databaseUrl: config.databaseUrl ?? live.databaseUrl,
    storage: config.storage ? { ...config.storage, bucket: config.bucket } : live.storage,
    embedded: { database: false, storage: false },
    stop: async () => undefined,
  };
}
