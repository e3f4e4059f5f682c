import { Module } from '@nestjs/common';
import { CatalogModule } from '@opendata/catalog';
import { DatastoreModule } from '@opendata/datastore';
import { IngestModule } from '@opendata/ingest';
import { DownloadsModule } from '../downloads/downloads.module';
import { RowAccessService } from './row-access.service';
import { RowExportController } from './row-export.controller';
import { ResourceRowsResolver, RowConnectionResolver } from './row.resolver';

/** Row access: GraphQL Resource.rows / Resource.aggregate and the data.csv / data.json / data.ndjson exports. */
@Module({
  imports: [CatalogModule, DatastoreModule, IngestModule, DownloadsModule],
  controllers: [RowExportController],
  providers: [RowAccessService, ResourceRowsResolver, RowConnectionResolver],
  exports: [RowAccessService],
})
export class RowsApiModule {}
