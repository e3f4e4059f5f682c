import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MixedList } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { DatabaseRepository } from './database.repository';

/**
 * The application's one data source (API, worker and CLI alike), and the statements about the database itself,
 * for every module. Migrations run before it is created.
 */
@Module({})
export class DatabaseModule {
  static forRoot(url: string, entities: MixedList<Function>): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(url, entities))],
      providers: [DatabaseRepository],
      exports: [DatabaseRepository],
    };
  }
}
