import { Module } from '@nestjs/common';
import { CatalogModule } from '@opendata/catalog';
import { IngestModule } from '@opendata/ingest';
import { DemoFilePublisher } from './demo-file-publisher';
import { DemoSeeder } from './demo-seeder';
import { DemoRepository } from './demo.repository';

/** The demo catalogue: the API and the CLI seed it into an empty installation through the catalogue and ingest. */
@Module({
  imports: [CatalogModule, IngestModule],
  providers: [DemoSeeder, DemoRepository, DemoFilePublisher],
  exports: [DemoSeeder],
})
export class DemoModule {}
