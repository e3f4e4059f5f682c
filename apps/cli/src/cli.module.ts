import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ServiceEndpoints } from '@opendata/config';
import { platformModules } from '@opendata/platform';

/** Operator commands use the platform's services (the demo seeder publishes its files through ingest). */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, endpoints: ServiceEndpoints): DynamicModule {
    return { module: CliModule, imports: platformModules(config, endpoints) };
  }
}
