import { Module } from '@nestjs/common';
import { AuthModule } from '@opendata/auth';
import { CatalogModule, DEMO_FILE_PUBLISHER } from '@opendata/catalog';
import { StagingCleanupService } from './cleanup.service';
import { IngestDemoFiles } from './demo-file-publisher';
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
  providers: [...SERVICES, ...REPOSITORIES, { provide: DEMO_FILE_PUBLISHER, useClass: IngestDemoFiles }],
  exports: [...SERVICES, DEMO_FILE_PUBLISHER],
})
export class IngestModule {}
