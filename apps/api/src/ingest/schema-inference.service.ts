import { Inject, Injectable } from '@nestjs/common';
import { AppError, badInput } from '@opendata/common';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { SchemaRegistry } from '@opendata/ingest';
import { SchemaInference, inferSchema } from '@opendata/validation';
import { Readable } from 'node:stream';

export interface InferRequest {
  file: { fileName: string; mimeType: string | null; stream: Readable };
  /** The draft's x-id; derived from the file name when absent. */
  id?: string | null;
  encoding?: string | null;
  delimiter?: string | null;
}

const SCHEMA_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

/**
 * Draft collection schemas from a sample file (POST /api/v1/schemas/infer). Nothing is stored: the caller edits
 * the draft and registers it with the registerSchema mutation. A pass reads the whole file, so at most
 * uploadConcurrency passes run at once, like uploads.
 */
@Injectable()
export class SchemaInferenceService {
  private running = 0;

  constructor(
    private readonly schemas: SchemaRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async infer(request: InferRequest): Promise<SchemaInference> {
    const standards = this.schemas.builtInSchemas();
    if (request.id && !SCHEMA_ID.test(request.id)) {
      throw badInput([{ path: 'id', message: 'lower-case letters, digits and hyphens, 2 to 63 characters (e.g. hengyang-air-stations)' }]);
    }
    if (request.id && standards.some((s) => s.id === request.id)) {
      throw badInput([{ path: 'id', message: `"${request.id}" is a platform collection standard; choose another id` }]);
    }
    if (this.running >= this.config.uploadConcurrency) {
      throw new AppError('SERVICE_UNAVAILABLE', `The server is reading ${this.running} files already; try again shortly`);
    }
    this.running++;
    try {
      const inference = await inferSchema(request.file.stream, {
        fileName: request.file.fileName,
        contentType: request.file.mimeType,
        encoding: request.encoding,
        delimiter: request.delimiter,
        id: request.id,
        standards,
      });
      request.file.stream.resume();
      return inference;
    } finally {
      this.running--;
    }
  }
}
