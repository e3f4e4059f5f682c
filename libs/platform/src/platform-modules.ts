import { DynamicModule, Type } from '@nestjs/common';
import { AUTH_ENTITIES, AuthModule } from '@opendata/auth';
import { CATALOG_ENTITIES, CatalogModule } from '@opendata/catalog';
import { AppConfig, ConfigModule, ServiceEndpoints } from '@opendata/config';
import { DatabaseModule } from '@opendata/database';
import { IngestModule } from '@opendata/ingest';
import { JobsModule } from '@opendata/jobs';
import { StorageModule } from '@opendata/storage';

/**
 * The modules every process of the platform runs on (api, worker, cli): configuration, the database, the object
 * store, the job runner, and the services of auth, the catalogue and ingest. Each app adds its own on top.
 */
export function platformModules(config: AppConfig, endpoints: ServiceEndpoints): Array<DynamicModule | Type> {
  return [
    ConfigModule.forRoot(config, endpoints),
    DatabaseModule.forRoot(endpoints.databaseUrl, [...CATALOG_ENTITIES, ...AUTH_ENTITIES]),
    StorageModule,
    JobsModule,
    AuthModule,
    CatalogModule,
    IngestModule,
  ];
}
