import { Module } from '@nestjs/common';
import { CatalogModule } from '@opendata/catalog';
import { IngestModule } from '@opendata/ingest';
import { AuditController } from './audit.controller';
import { AuditResolver } from './audit.resolver';
import { ReviewResolver, VersionSignOffResolver } from './review.resolver';

@Module({
  imports: [CatalogModule, IngestModule],
  controllers: [AuditController],
  providers: [ReviewResolver, VersionSignOffResolver, AuditResolver],
})
export class ReviewApiModule {}
