import { Module } from '@nestjs/common';
import { RowTableRepository } from './row-table.repository';

/** The readers of published row tables; one per process, for every module that reads rows. */
@Module({ providers: [RowTableRepository], exports: [RowTableRepository] })
export class DatastoreModule {}
