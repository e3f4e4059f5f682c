import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MixedList } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** The application's one data source (API, worker and CLI alike). Migrations run before it is created. */
@Module({})
export class DatabaseModule {
  static forRoot(url: string, entities: MixedList<Function>): DynamicModule {
    return { module: DatabaseModule, imports: [TypeOrmModule.forRoot(dataSourceOptions(url, entities))] };
  }
}
