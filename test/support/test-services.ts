import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { StorageConnection } from '@opendata/config';

/** A fresh database on the shared test cluster; the caller runs the real migrations on it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = requireEnv('TEST_DATABASE_URL');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Connection settings for a fresh, empty bucket on the shared embedded S3 endpoint. */
export function testStorage(): StorageConnection {
  const s3 = JSON.parse(requireEnv('TEST_S3')) as Pick<StorageConnection, 'endPoint' | 'port' | 'accessKey' | 'secretKey'>;
  return { ...s3, useSSL: false, region: 'us-east-1', bucket: `test-${randomBytes(6).toString('hex')}` };
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest (its global setup starts the services)`);
  return value;
}
