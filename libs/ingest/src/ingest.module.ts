import { Module } from '@nestjs/common';
import { AuthModule } from '@opendata/auth';
import { CatalogModule } from '@opendata/catalog';
import { StagingCleanup } from './cleanup.service';
import { IngestService } from './ingest.service';
import { SchemaRegistry } from './schema-registry.service';
import { UploadReports } from './upload-reports.service';
import { ValidationThreads } from './validation-thread/validation-threads';

const SERVICES = [IngestService, SchemaRegistry, UploadReports, StagingCleanup, ValidationThreads];

@Module({
  imports: [AuthModule, CatalogModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class IngestModule {}
