import { Client } from 'pg';

export interface ServerAdmin {
  host: string;
  port: number;
  user: string;
  password: string;
}

/**
 * Creates `database` on a server if it is not there yet. It runs before any data source exists (the embedded
 * server starts with only `postgres`), so it connects to the maintenance database with a client of its own.
 */
export async function createDatabaseIfMissing(admin: ServerAdmin, database: string): Promise<void> {
  const client = new Client({ ...admin, database: 'postgres' });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
