import { Injectable } from '@nestjs/common';
import { SYSTEM } from '@opendata/auth';
import { DemoFilePublisher } from '@opendata/catalog';
import { IngestService } from './ingest.service';
import { SchemaRegistry } from './schema-registry.service';

/** Publishes the demo catalogue's files as uploads by the system. A demo file that fails validation is a bug. */
@Injectable()
export class IngestDemoFiles implements DemoFilePublisher {
  constructor(
    private readonly ingest: IngestService,
    private readonly schemas: SchemaRegistry,
  ) {}

  async ensureSchema(organizationSlug: string, document: Record<string, unknown>): Promise<void> {
    if (await this.schemas.ownerOf(String(document['x-id']))) return;
    await this.schemas.register(SYSTEM, organizationSlug, document);
  }

  async publish(file: Parameters<DemoFilePublisher['publish']>[0]): Promise<void> {
    const outcome = await this.ingest.upload(SYSTEM, {
      dataset: file.datasetId,
      name: file.name,
      description: file.description,
      schemaId: file.schemaId,
      file: { fileName: file.fileName, mimeType: 'text/csv', stream: file.body() },
    });
    if (outcome.status !== 'published') {
      const first = outcome.report.errors.slice(0, 3).map((e) => `${e.type} row ${e.rowNumber ?? '-'}: ${e.message}`);
      throw new Error(`demo file ${file.fileName} was rejected (${outcome.report.errorCount} errors): ${first.join('; ')}`);
    }
  }
}
