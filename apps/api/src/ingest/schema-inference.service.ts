import { Inject, Injectable } from '@nestjs/common';
import { badInput, fieldError, messageText } from '@opendata/common';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { SchemaRegistryService, Semaphore, uploadSemaphore } from '@opendata/ingest';
import { SchemaInference, inferSchema } from '@opendata/validation';
import { Readable } from 'node:stream';

export interface InferRequest {
  file: { fileName: string; mimeType: string | null; stream: Readable };
  /** The draft's x-id; derived from the file name when absent. */
  id?: string | null;
  encoding?: string | null;
  delimiter?: string | null;
  /** Aborts when the client goes away: a pass waiting for a slot then leaves the queue. */
  clientGone?: AbortSignal | null;
}

const SCHEMA_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

/**
 * Draft collection schemas from a sample file (POST /api/v1/schemas/infer). Nothing is stored: the caller edits
 * the draft and registers it with the registerSchema mutation. A pass reads the whole file, so passes take
 * slots and queue as uploads do (UPLOAD_CONCURRENCY, UPLOAD_QUEUE_*).
 */
@Injectable()
export class SchemaInferenceService {
  private readonly slots: Semaphore;

  constructor(
    private readonly schemas: SchemaRegistryService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.slots = uploadSemaphore(config, messageText('slots.inferences'));
  }

  async infer(request: InferRequest): Promise<SchemaInference> {
    const standards = this.schemas.builtInSchemas();
    if (request.id && !SCHEMA_ID.test(request.id)) {
      throw badInput([fieldError('id', 'schema.badId')]);
    }
    if (request.id && standards.some((s) => s.id === request.id)) {
      throw badInput([fieldError('id', 'schema.builtInId', { id: request.id })]);
    }
    const release = await this.slots.acquireFor(request.file.stream, request.clientGone);
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
      release();
    }
  }
}
