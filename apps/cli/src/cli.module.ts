import { DynamicModule, Module } from '@nestjs/common';
import { AUTH_ENTITIES, AuthModule } from '@opendata/auth';
import { CATALOG_ENTITIES, CatalogModule } from '@opendata/catalog';
import { AppConfig, ConfigModule, ServiceEndpoints } from '@opendata/config';
import { DatabaseModule } from '@opendata/database';
import { IngestModule } from '@opendata/ingest';
import { StorageModule } from '@opendata/storage';

@Module({})
export class CliModule {
  static forRoot(config: AppConfig, endpoints: ServiceEndpoints): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config, endpoints),
        DatabaseModule.forRoot(endpoints.databaseUrl, [...CATALOG_ENTITIES, ...AUTH_ENTITIES]),
        StorageModule,
        AuthModule,
        CatalogModule,
        // The demo seeder publishes its files through ingest.
        IngestModule,
      ],
    };
  }
}
