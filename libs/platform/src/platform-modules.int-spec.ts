import { DynamicModule, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, ServiceEndpoints, loadConfig } from '@opendata/config';
import { DatabaseRepository, runMigrations } from '@opendata/database';
import { PeriodicJob, PeriodicJobs } from '@opendata/jobs';
import { createTestDatabase, testStorage } from '../../../test/support/test-services';
import { platformModules } from './platform-modules';

/** The platform's modules alone, as the worker runs them. */
@Module({})
class PlatformOnlyModule {
  static forRoot(config: AppConfig, endpoints: ServiceEndpoints): DynamicModule {
    return { module: PlatformOnlyModule, imports: platformModules(config, endpoints) };
  }
}

describe('the platform modules at shutdown', () => {
  let db: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    db = await createTestDatabase();
    await runMigrations(db.url);
  });
  afterAll(() => db?.drop());

  it('let a periodic job that is running when the process stops finish its statements before the data source closes', async () => {
    const config: AppConfig = { ...loadConfig({}), seedDemo: false, jobsInApi: false };
    const endpoints: ServiceEndpoints = { databaseUrl: db.url, storage: testStorage(), embedded: { database: false, storage: false }, stop: async () => undefined };
    const context = await NestFactory.createApplicationContext(PlatformOnlyModule.forRoot(config, endpoints), { logger: false });
    const database = context.get(DatabaseRepository);
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    let outcome = 'not run';
    const job: PeriodicJob = {
      name: 'slow-tidy-up',
      everyMs: 3_600_000,
      run: async () => {
        started();
        outcome = 'running';
        // Still working when the shutdown begins; its next statements need the pool.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await database.ping();
        await database.ping();
        outcome = 'finished';
        return 'tidied';
      },
    };
    try {
      context.get(PeriodicJobs).start([job], 0);
      await running;
      await context.close();
      expect(outcome).toBe('finished');
      expect(errors.mock.calls.flat().join('\n')).not.toContain('slow-tidy-up failed');
    } finally {
      errors.mockRestore();
    }
  });
});
