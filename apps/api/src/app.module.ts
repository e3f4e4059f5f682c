import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { AppConfig, ServiceEndpoints } from '@opendata/config';
import { platformModules } from '@opendata/ingest';
import { CatalogApiModule } from './catalog/catalog-api.module';
import { CkanModule } from './ckan/ckan.module';
import { DownloadsModule } from './downloads/downloads.module';
import { IngestApiModule } from './ingest/ingest-api.module';
import { DcatApiModule } from './dcat/dcat-api.module';
import { CatalogLoaderFactory } from './graphql/catalog-loaders';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthController } from './health/health.controller';
import { AuthMiddleware } from './http/auth.middleware';
import { RateLimitMiddleware } from './http/rate-limit.middleware';
import { GovernanceApiModule } from './governance/governance-api.module';
import { PlatformInitializer } from './platform/platform-initializer';
import { ReviewApiModule } from './review/review-api.module';
import { RowsApiModule } from './rows/rows-api.module';
import { ScoreboardApiModule } from './scoreboard/scoreboard-api.module';
import { PortalModule } from './portal/portal.module';

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig, endpoints: ServiceEndpoints): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...platformModules(config, endpoints),
        CatalogApiModule,
        IngestApiModule,
        GovernanceApiModule,
        ReviewApiModule,
        CkanModule,
        DownloadsModule,
        DcatApiModule,
        RowsApiModule,
        ScoreboardApiModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [CatalogApiModule],
          inject: [CatalogLoaderFactory],
          useFactory: graphqlOptions,
        }),
        // Last: the portal's routes come after every API route (see PortalModule).
        PortalModule,
      ],
      controllers: [HealthController],
      providers: [PlatformInitializer],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuthMiddleware).forRoutes('*path');
    consumer.apply(RateLimitMiddleware).exclude('health').forRoutes('*path');
  }
}
