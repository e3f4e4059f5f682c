import { Injectable } from '@nestjs/common';
import { SYSTEM } from '@opendata/auth';
import { IngestService, SchemaRegistryService } from '@opendata/ingest';
import { Readable } from 'node:stream';

/** A demo file as the seeder hands it over: where it goes, what it is, and its bytes (read once). */
export interface DemoUpload {
  datasetId: string;
  name: string;
  description: string;
  schemaId: string;
  fileName: string;
  body: () => Readable;
}

export interface DemoUploadOutcome {
  published: boolean;
  errors: string[];
}

/**
 * Publishes the demo catalogue's files through the ingest pipeline, as uploads by the system, like any upload
 * (validated against the file's collection standard or the organization's own schema, stored, loaded as rows).
 */
@Injectable()
export class DemoFilePublisher {
  constructor(
    private readonly ingest: IngestService,
    private readonly schemas: SchemaRegistryService,
  ) {}

  /** Registers an organization's own schema through the schema registry, unless it is registered already. */
  async ensureSchema(organizationSlug: string, document: Record<string, unknown>): Promise<void> {
    if (await this.schemas.ownerOf(String(document['x-id']))) return;
    await this.schemas.register(SYSTEM, organizationSlug, document);
  }

  /** Uploads a file as the system; resolves with the outcome and, when rejected, the first errors of its report. */
  async publish(file: DemoUpload): Promise<DemoUploadOutcome> {
    const outcome = await this.ingest.upload(SYSTEM, {
      dataset: file.datasetId,
      name: file.name,
      description: file.description,
      schemaId: file.schemaId,
      file: { fileName: file.fileName, mimeType: 'text/csv', stream: file.body() },
    });
    const errors = outcome.report.errors.slice(0, 3).map((e) => `${e.type} row ${e.rowNumber ?? '-'}: ${e.message}`);
    return { published: outcome.status === 'published', errors };
  }
}
