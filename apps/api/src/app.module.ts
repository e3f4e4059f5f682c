import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { AUTH_ENTITIES, AuthModule } from '@opendata/auth';
import { CATALOG_ENTITIES, CatalogModule } from '@opendata/catalog';
import { AppConfig, ConfigModule, ServiceEndpoints } from '@opendata/config';
import { IngestModule } from '@opendata/ingest';
import { DatabaseModule } from '@opendata/database';
import { StorageModule } from '@opendata/storage';
import { CatalogApiModule } from './catalog/catalog-api.module';
import { IngestApiModule } from './ingest/ingest-api.module';
import { CatalogLoaderFactory } from './graphql/catalog-loaders';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthController } from './health/health.controller';
import { AuthMiddleware } from './http/auth.middleware';
import { PlatformInitializer } from './platform/platform-initializer';

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig, endpoints: ServiceEndpoints): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, endpoints),
        DatabaseModule.forRoot(endpoints.databaseUrl, [...CATALOG_ENTITIES, ...AUTH_ENTITIES]),
        StorageModule,
        AuthModule,
        CatalogModule,
        CatalogApiModule,
        IngestModule,
        IngestApiModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [CatalogApiModule],
          inject: [CatalogLoaderFactory],
          useFactory: graphqlOptions,
        }),
      ],
      controllers: [HealthController],
      providers: [PlatformInitializer],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuthMiddleware).forRoutes('*path');
  }
}
