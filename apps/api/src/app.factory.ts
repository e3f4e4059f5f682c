import { INestApplication, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Server } from 'node:http';
import { AppConfig, ServiceEndpoints } from '@opendata/config';
import { runMigrations } from '@opendata/database';
import { AppModule } from './app.module';
import { CKAN_ROUTES, ckanErrorWriter } from './ckan/ckan-envelope';
import { HttpErrorFilter } from './http/http-error.filter';
import { TextInputInterceptor } from './http/text-input.interceptor';
import { PlatformInitializer } from './platform/platform-initializer';
import { PortalNotFoundFilter } from './portal/portal-not-found.filter';
import { PortalPagesService } from './portal/portal-pages.service';

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
  // X-Forwarded-For names the client (and so its quota) only when it comes from a configured proxy.
  app.set('trust proxy', config.trustProxy);
  // Filters are tried last first: addresses no route answers go to the portal's 404 page for browsers.
  const errors = new HttpErrorFilter([{ prefix: CKAN_ROUTES, write: ckanErrorWriter(config.publicUrl) }]);
  app.useGlobalFilters(errors, new PortalNotFoundFilter(app.get(PortalPagesService), errors));
  app.useGlobalInterceptors(new TextInputInterceptor());
  await app.init();
  // Node limits the time a whole request may take to 300 s, which would cut an upload of gigabytes; a client
  // that stalls is cut by the idle timeout instead (headers must still arrive within Node's headersTimeout).
  const server = app.getHttpServer() as Server;
  server.requestTimeout = 0;
  server.setTimeout(config.httpIdleTimeoutSeconds * 1000);
  await app.get(PlatformInitializer).run();
  return app;
}
