import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, StartupError, attachOrStartServices, loadConfig } from '@opendata/config';
import { runMigrations } from '@opendata/database';
import { PeriodicJobs } from '@opendata/jobs';
import { WorkerModule } from './worker.module';

/**
 * The background worker: the periodic jobs (staging cleanup, ...) on their timers. In the default set-up the api
 * runs them itself (JOBS_IN_API=true); in production, run the api with JOBS_IN_API=false and one or more workers.
 * Advisory locks keep two processes from running the same job at once. `--once` runs every job once and exits
 * (for cron or a manual tidy-up).
 */
async function main(argv: string[]): Promise<void> {
  const logger = new Logger('Worker');
  const config = loadConfig();
  const endpoints = await attachOrStartServices(config, logger);
  await runMigrations(endpoints.databaseUrl);
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, endpoints), { logger: ['log', 'error', 'warn'] });
  context.enableShutdownHooks();
  const jobs = context.get(PeriodicJobs);
  const stop = async () => {
    await context.close();
    await endpoints.stop();
  };
  if (argv.includes('--once')) {
    let failed = 0;
    for (const job of jobs.registered()) if ((await jobs.runOnce(job)) === null) failed++;
    await stop();
    process.exit(failed ? 1 : 0);
  }
  const started = jobs.startRegistered(5_000);
  logger.log(`Running ${started.map((j) => `${j.name} (every ${Math.round(j.everyMs / 60_000)} min)`).join(', ')}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.log(`${signal}: stopping`);
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`Invalid configuration: ${error.message}\n`);
  else if (error instanceof StartupError) process.stderr.write(`Cannot start: ${error.message}\n`);
  else new Logger('Worker').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
