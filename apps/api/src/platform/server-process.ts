import { INestApplication, Logger } from '@nestjs/common';
import { AppConfig, ServiceEndpoints, startServices } from '@opendata/config';
import { runMigrations } from '@opendata/database';
import cluster, { Worker } from 'node:cluster';
import { createApp } from '../app.factory';
import { startQuotaPrimary } from '../http/rate-limiter';

const logger = new Logger('Main');
const STOP_TIMEOUT_MS = 15_000;

/** Calls `stop` once on SIGINT or SIGTERM; a second signal during shutdown is ignored. */
function onShutdownSignal(stop: (signal: string) => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => () => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, shutting down`);
    setTimeout(() => process.exit(1), STOP_TIMEOUT_MS).unref();
    void stop(signal).then(() => process.exit(0));
  };
  process.on('SIGINT', handler('SIGINT'));
  process.on('SIGTERM', handler('SIGTERM'));
}

function announce(config: AppConfig, endpoints: ServiceEndpoints): void {
  const base = `http://localhost:${config.port}`;
  logger.log(`Portal:                   ${base}/`);
  logger.log(`GraphQL API and explorer: ${base}/graphql`);
  logger.log(`Health check:             ${base}/health`);
  if (endpoints.embedded.database || endpoints.embedded.storage) logger.log(`Embedded services keep their data in ${config.dataDir}`);
}

/** One process: services, API, listen. The default (API_WORKERS=1). */
export async function runSingleProcess(config: AppConfig): Promise<void> {
  let endpoints: ServiceEndpoints | null = null;
  let app: INestApplication | null = null;
  onShutdownSignal(async () => {
    await app?.close().catch((e: unknown) => logger.error(`closing the API failed: ${e}`));
    await endpoints?.stop();
  });
  try {
    endpoints = await startServices(config, logger);
    app = await createApp(config, endpoints);
    await app.listen(config.port, config.host);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await endpoints?.stop();
    throw error;
  }
  announce(config, endpoints);
}

/**
 * The primary of an API cluster: owns the embedded services, runs the migrations once, and keeps API_WORKERS
 * worker processes serving the port (restarting any that die). Workers see the services as external ones.
 */
export async function runClusterPrimary(config: AppConfig): Promise<void> {
  const endpoints = await startServices(config, logger);
  let stopping = false;
  onShutdownSignal(async () => {
    stopping = true;
    await Promise.all(Object.values(cluster.workers ?? {}).map((w) => stopWorker(w as Worker)));
    await endpoints.stop();
  });
  await runMigrations(endpoints.databaseUrl);
  const s = endpoints.storage;
  const env = {
    DATABASE_URL: endpoints.databaseUrl,
    MINIO_ENDPOINT: `${s.useSSL ? 'https' : 'http'}://${s.endPoint}:${s.port}`,
    MINIO_ACCESS_KEY: s.accessKey,
    MINIO_SECRET_KEY: s.secretKey,
    MINIO_REGION: s.region,
  };
  // Request quotas are counted here for all workers, so API_WORKERS does not multiply them.
  startQuotaPrimary(config.rateLimit);
  const restarts: number[] = [];
  const fork = (): Worker => cluster.fork(env);
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && restarts[0] < now - 60_000) restarts.shift();
    logger.error(`API worker ${worker.process.pid} exited (${signal ?? code})`);
    if (restarts.length > 5) {
      logger.error('API workers keep failing; stopping');
      process.kill(process.pid, 'SIGTERM');
    } else fork();
  });
  const listening = Array.from({ length: config.apiWorkers }, () => {
    const worker = fork();
    return new Promise<void>((resolve, reject) => {
      worker.once('listening', () => resolve());
      worker.once('exit', (code) => reject(new Error(`API worker exited with code ${code} during start-up`)));
    });
  });
  try {
    await Promise.all(listening);
  } catch (error) {
    stopping = true;
    await Promise.all(Object.values(cluster.workers ?? {}).map((w) => stopWorker(w as Worker)));
    await endpoints.stop();
    throw error;
  }
  logger.log(`${config.apiWorkers} API workers are serving`);
  announce(config, endpoints);
}

/** A worker of the API cluster. The primary decides about Ctrl-C; SIGTERM or losing the primary stops it. */
export async function runClusterWorker(config: AppConfig): Promise<void> {
  let app: INestApplication | null = null;
  const stop = async (): Promise<void> => {
    await app?.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => void stop());
  process.on('disconnect', () => void stop());
  app = await createApp(config, await startServices(config, logger));
  await app.listen(config.port, config.host);
}

function stopWorker(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    if (worker.isDead()) return resolve();
    worker.once('exit', () => resolve());
    worker.process.kill('SIGTERM');
  });
}
