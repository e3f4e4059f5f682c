import { ServiceEndpoints, loadConfig } from '@opendata/config';
import { startServices } from '@opendata/platform';
import { runMigrations } from '@opendata/database';
import { join } from 'node:path';

/** Embedded PostgreSQL and S3 for a benchmark, in a data directory of their own that later runs reuse. */
export async function startBenchServices(root: string, name: string): Promise<ServiceEndpoints> {
  const config = loadConfig({ DATA_DIR: process.env.BENCH_DATA_DIR ?? join(root, '.data', `bench-${name}`) }, root);
  const endpoints = await startServices(config, { log: () => undefined, warn: console.warn, error: console.error });
  await runMigrations(endpoints.databaseUrl);
  return endpoints;
}
