import { Module } from '@nestjs/common';
import { IngestModule } from '@opendata/ingest';
import { IngestResolver } from './ingest.resolver';
import { SchemaController } from './schema.controller';
import { UploadController } from './upload.controller';

@Module({
  imports: [IngestModule],
  controllers: [UploadController, SchemaController],
  providers: [IngestResolver],
})
export class IngestApiModule {}
