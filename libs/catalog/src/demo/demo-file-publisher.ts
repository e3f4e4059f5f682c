import { Readable } from 'node:stream';

/**
 * How the demo seeder publishes its files: through the ingest pipeline, like any upload (validated against the
 * file's collection standard or the organization's own schema, stored, loaded as rows). The ingest lib
 * provides it; the catalogue lib cannot depend on ingest (ingest depends on the catalogue), hence the token.
 */
export interface DemoFilePublisher {
  /** Registers an organization's own schema through the schema registry, unless it is registered already. */
  ensureSchema(organizationSlug: string, document: Record<string, unknown>): Promise<void>;
  publish(file: { datasetId: string; name: string; description: string; schemaId: string; fileName: string; body: () => Readable }): Promise<void>;
}

export const DEMO_FILE_PUBLISHER = Symbol('DEMO_FILE_PUBLISHER');
