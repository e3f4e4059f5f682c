import { Module } from '@nestjs/common';
import { CatalogModule } from '@opendata/catalog';
import { IngestModule } from '@opendata/ingest';
import { IngestResolver } from './ingest.resolver';
import { SchemaController } from './schema.controller';
import { SchemaInferenceController } from './schema-inference.controller';
import { SchemaInferenceService } from './schema-inference.service';
import { UploadController } from './upload.controller';

@Module({
  imports: [IngestModule, CatalogModule],
  controllers: [UploadController, SchemaController, SchemaInferenceController],
  providers: [IngestResolver, SchemaInferenceService],
})
export class IngestApiModule {}
