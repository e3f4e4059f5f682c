import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';
import { ServiceEndpoints } from './connections';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const SERVICE_ENDPOINTS = Symbol('SERVICE_ENDPOINTS');

/** Makes the configuration and the resolved service endpoints injectable everywhere. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, endpoints: ServiceEndpoints): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: SERVICE_ENDPOINTS, useValue: endpoints },
      ],
      exports: [APP_CONFIG, SERVICE_ENDPOINTS],
    };
  }
}
