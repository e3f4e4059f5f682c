import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ServiceEndpoints } from '@opendata/config';
import { platformModules } from '@opendata/platform';

/** The worker runs the platform's services only: their periodic jobs register themselves with the job runner. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, endpoints: ServiceEndpoints): DynamicModule {
    return { module: WorkerModule, imports: platformModules(config, endpoints) };
  }
}
