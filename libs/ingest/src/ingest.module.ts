import { Module } from '@nestjs/common';
import { AuthModule } from '@opendata/auth';
import { CatalogModule } from '@opendata/catalog';
import { PeriodicJobs } from '@opendata/jobs';
import { StagingCleanup } from './cleanup.service';
import { IngestService } from './ingest.service';
import { SchemaRegistry } from './schema-registry.service';
import { UploadReports } from './upload-reports.service';

const SERVICES = [IngestService, SchemaRegistry, UploadReports, StagingCleanup, PeriodicJobs];

@Module({
  imports: [AuthModule, CatalogModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class IngestModule {}
