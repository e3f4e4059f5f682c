import { INestApplication, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, ServiceEndpoints } from '@opendata/config';
import { runMigrations } from '@opendata/database';
import { AppModule } from './app.module';
import { HttpErrorFilter } from './http/http-error.filter';
import { PlatformInitializer } from './platform/platform-initializer';
import { PortalNotFoundFilter } from './portal/portal-not-found.filter';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Builds the API on resolved services: migrations, the Nest application, boot tasks. Used by main.ts and by
 * the end-to-end tests, so both run the same start-up.
 */
export async function createApp(
  config: AppConfig,
  endpoints: ServiceEndpoints,
  logger?: LoggerService | false,
): Promise<INestApplication> {
  await runMigrations(endpoints.databaseUrl);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, endpoints), {
    logger: logger ?? LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
    bodyParser: true,
  });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // Filters are tried last first: addresses no route answers go to the portal's 404 page for browsers.
  app.useGlobalFilters(new HttpErrorFilter(), app.get(PortalNotFoundFilter));
  await app.init();
  await app.get(PlatformInitializer).run();
  return app;
}
