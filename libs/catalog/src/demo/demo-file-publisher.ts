import { Readable } from 'node:stream';

/**
 * How the demo seeder publishes its files: through the ingest pipeline, like any upload (validated against the
 * file's collection standard, stored, loaded as rows). The ingest lib provides it; the catalogue lib cannot
 * depend on ingest (ingest depends on the catalogue), hence the token.
 */
export interface DemoFilePublisher {
  publish(file: { datasetId: string; name: string; schemaId: string; fileName: string; body: () => Readable }): Promise<void>;
}

export const DEMO_FILE_PUBLISHER = Symbol('DEMO_FILE_PUBLISHER');
