import { Module } from '@nestjs/common';
import { AuthModule } from '@opendata/auth';
import { CatalogModule } from '@opendata/catalog';
import { StagingCleanupService } from './cleanup.service';
import { IngestService } from './ingest.service';
import { SchemaRegistryService } from './schema-registry.service';
import { UploadReportsService } from './upload-reports.service';
import { SchemaRepository } from './schema.repository';
import { StagingUploadRepository } from './staging-upload.repository';
import { UploadReportRepository } from './upload-report.repository';
import { UploadTransactionRepository } from './upload-transaction.repository';
import { ValidationThreads } from './validation-thread/validation-threads';

const SERVICES = [IngestService, SchemaRegistryService, UploadReportsService, StagingCleanupService, ValidationThreads];
const REPOSITORIES = [SchemaRepository, StagingUploadRepository, UploadReportRepository, UploadTransactionRepository];

@Module({
  imports: [AuthModule, CatalogModule],
  providers: [...SERVICES, ...REPOSITORIES],
  exports: SERVICES,
})
export class IngestModule {}
