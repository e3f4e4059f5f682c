import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig, ServiceEndpoints } from '@opendata/config';
import { DemoModule } from '@opendata/demo';
import { platformModules } from '@opendata/platform';
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
import { RateLimitModule } from './http/rate-limit.module';
import { RateLimitService } from './http/rate-limit.service';
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
        DemoModule,
        CatalogApiModule,
        IngestApiModule,
        GovernanceApiModule,
        ReviewApiModule,
        CkanModule,
        DownloadsModule,
        DcatApiModule,
        RowsApiModule,
        RateLimitModule,
        ScoreboardApiModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [CatalogApiModule, RateLimitModule],
          inject: [CatalogLoaderFactory, RateLimitService, APP_CONFIG],
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
    // The portal's hashed assets are files served from memory or disk, fetched by every page view: only the
    // pages and the API count against a quota.
    consumer.apply(RateLimitMiddleware).exclude('health', 'assets/*path').forRoutes('*path');
  }
}
