import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, ServiceEndpoints, loadConfig } from '@opendata/config';
import { runMigrations } from '@opendata/database';
import { DEMO_DATASETS, DEMO_ORGANIZATIONS } from '@opendata/demo';
import { Client } from 'pg';
import { createTestDatabase, testStorage } from '../../../../test/support/test-services';
import { CliModule } from '../cli.module';
import { platformCommands } from './platform-commands';

/** The operator commands as `npm run cli` runs them: migrations, then the CLI's own application context. */
describe('cli seed', () => {
  let db: { url: string; drop(): Promise<void> };
  let context: INestApplicationContext;

  beforeAll(async () => {
    db = await createTestDatabase();
    await runMigrations(db.url);
    const config: AppConfig = { ...loadConfig({}), seedDemo: false, jobsInApi: false };
    const endpoints: ServiceEndpoints = { databaseUrl: db.url, storage: testStorage(), embedded: { database: false, storage: false }, stop: async () => undefined };
    context = await NestFactory.createApplicationContext(CliModule.forRoot(config, endpoints), { logger: ['error'] });
  });
  afterAll(async () => {
    await context?.close();
    await db?.drop();
  });

  const run = async (name: string): Promise<string[]> => {
    const lines: string[] = [];
    await platformCommands.find((c) => c.name === name)!.run(context, { positionals: [], options: {} }, (line) => lines.push(line));
    return lines;
  };

  it('loads the demo catalogue into a fresh database that no server has started on, and only once', async () => {
    expect(await run('seed')).toEqual(['demo catalogue loaded']);
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT (SELECT count(*)::int FROM organizations) AS organizations, (SELECT count(*)::int FROM datasets) AS datasets,
                (SELECT count(*)::int FROM dataset_themes) AS themed`,
      );
      expect(rows[0]).toMatchObject({ organizations: DEMO_ORGANIZATIONS.length, datasets: DEMO_DATASETS.length });
      expect(rows[0].themed).toBeGreaterThanOrEqual(DEMO_DATASETS.length);
    } finally {
      await client.end();
    }
    expect(await run('seed')).toEqual(['the demo catalogue was loaded before']);
  }, 180_000);
});
