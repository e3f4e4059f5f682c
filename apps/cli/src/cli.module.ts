import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ServiceEndpoints } from '@opendata/config';
import { DemoModule } from '@opendata/demo';
import { platformModules } from '@opendata/platform';

/** Operator commands use the platform's services, and the demo catalogue for `seed`. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, endpoints: ServiceEndpoints): DynamicModule {
    return { module: CliModule, imports: [...platformModules(config, endpoints), DemoModule] };
  }
}
