import { Client } from 'pg';
import { DataSource, DataSourceOptions, MixedList } from 'typeorm';
import { MIGRATIONS } from './migrations';

/**
 * The one data source definition: migrations only (never synchronize), UTC timestamps, a bounded pool.
 * Entities are passed in by the application so that this lib does not depend on the domain libs.
 */
export function dataSourceOptions(url: string, entities: MixedList<Function>): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: ['error', 'migration'],
    // JIT compilation costs tens of milliseconds per query and never pays off for these short queries.
    extra: { max: 20, options: '-c timezone=UTC -c jit=off' },
  };
}

/** An arbitrary constant naming the advisory lock that serialises migration runs. */
const MIGRATION_LOCK = 7_366_202_417;

/**
 * Applies pending migrations; used at boot, by the CLI and by the tests. An advisory lock makes concurrent
 * starters (an api and a worker, several replicas) wait for each other instead of racing.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  const source = new DataSource({ ...dataSourceOptions(url, []), logging: ['error'] });
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await source.initialize();
    const applied = await source.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    if (source.isInitialized) await source.destroy();
    await lock.end();
  }
}

/**
 * Connects to the database at `url` and runs a trivial statement, before any data source exists (the start-up
 * checks); rejects with the driver's error. A connection that fails later never surfaces as an 'error' event.
 */
export async function probeDatabase(url: string, timeoutMs: number): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}
