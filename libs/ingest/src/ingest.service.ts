import { Inject, Injectable, Logger } from '@nestjs/common';
import { Caller, requireDatasetWriter, requireSignedIn } from '@opendata/auth';
import { CatalogueChanges, DatasetService, NegativeListService, ResourceService } from '@opendata/catalog';
import { badInput, parseEntityKey } from '@opendata/common';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { OBJECT_STORE, ObjectStore } from '@opendata/storage';
import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { rowTableName } from '@opendata/datastore';
import { NegativeRule, TableSchema, TableValidation, ValidationReport } from '@opendata/validation';
import { ByteTap } from './byte-tap';
import { SchemaRegistry } from './schema-registry.service';
import { Semaphore, SemaphoreState, abortWhenClosed, uploadSemaphore } from './semaphore';
import { StagingUploadRepository } from './staging-upload.repository';
import { UploadReportRepository } from './upload-report.repository';
import { UploadTransaction, UploadTransactionRepository } from './upload-transaction.repository';
import { ValidationJob } from './validation-thread/thread-messages';
import { ValidationEvent } from './validation-thread/validation-events';
import { ValidationThreads } from './validation-thread/validation-threads';

export interface UploadRequest {
  /** Dataset id or slug. */
  dataset: string;
  /** An existing resource to add a version to; a new resource otherwise. */
  resourceId?: string | null;
  name?: string | null;
  /** Description of a new resource. */
  description?: string | null;
  schemaId?: string | null;
  encoding?: string | null;
  delimiter?: string | null;
  file: { fileName: string; mimeType: string | null; stream: Readable };
  /** Aborts when the client goes away (its connection closed): an upload waiting for a slot then leaves the queue. */
  clientGone?: AbortSignal | null;
}

export interface UploadOutcome {
  status: 'published' | 'rejected';
  reportId: string;
  report: ValidationReport;
  resourceId: string | null;
  version: number | null;
  /** True when the version awaits a reviewer's approval before it becomes public (保密审查). */
  pendingReview?: boolean;
}

const MEDIA_TYPES: Record<string, string> = {
  csv: 'text/csv',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * An upload in one pass: the bytes stream to the object store and through the reader and validator; valid
 * rows stream into the version's row table with COPY. Everything database-side happens in ONE transaction on
 * one connection (table, rows, key indexes, version, report), so a rejected or interrupted upload leaves no
 * table and no version; only the stored object can remain after a crash, for the cleanup job.
 */
@Injectable()
export class IngestService {
  private readonly logger = new Logger('Ingest');
  private readonly slots: Semaphore;

  constructor(
    private readonly staging: StagingUploadRepository,
    private readonly transactions: UploadTransactionRepository,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly datasets: DatasetService,
    private readonly resources: ResourceService,
    private readonly schemas: SchemaRegistry,
    private readonly reports: UploadReportRepository,
    private readonly changes: CatalogueChanges,
    private readonly negativeList: NegativeListService,
    private readonly threads: ValidationThreads,
  ) {
    this.slots = uploadSemaphore(config, 'uploads');
  }

  async upload(caller: Caller, request: UploadRequest): Promise<UploadOutcome> {
    requireSignedIn(caller);
    const key = request.dataset;
    const dataset = await this.datasets.get(caller, parseEntityKey(key));
    requireDatasetWriter(caller, dataset.organizationId);
    const schema = await this.schemaFor(request);
    const negativeRules = await this.negativeList.rulesFor(dataset.organizationId);
    // Waits its turn with the body unread; nothing exists yet that a client going away would leave behind.
    const release = await this.acquireSlot(request);
    let load: UploadTransaction | null = null;
    const uploadId = randomUUID();
    const objectKey = `uploads/${uploadId}`;
    const table = rowTableName(uploadId);
    let stored: Promise<unknown> | null = null;
    let feed: PassThrough | null = null;
    try {
      // Outside the transaction, so that it outlives a crash: what the cleanup job removes if we never finish.
      await this.staging.record(objectKey);
      load = await this.transactions.open(table, schema.fields);
      feed = new PassThrough({ highWaterMark: 1 << 20 });
      stored = this.store.put(objectKey, feed, {
        contentType: request.file.mimeType ?? 'application/octet-stream',
        metadata: { upload: uploadId },
        onMultipartStart: (id) => this.staging.setMultipartUpload(objectKey, id),
      });
      stored.catch(() => undefined);
      const tap = new ByteTap(feed);
      const started = Date.now();
      const result = await copyRows(this.threads.validate(tap.pass(request.file.stream), jobOf(request, schema, 'external', negativeRules)), load);
      if (!feed.writableEnded) feed.destroy(new Error('reading stopped early'));
      await Promise.all([load.endCopy(), stored.catch((e) => (result.report.errorCount ? undefined : Promise.reject(e)))]);
      if (result.report.errorCount === 0) {
        await load.checkKeys(schema, (i) => result.fieldColumns[i] + 1, result.report);
      }
      const report = result.report.build({
        rowCount: result.rowCount,
        encoding: result.encoding,
        format: result.format,
        schemaId: schema.id,
        byteSize: tap.bytes,
        sha256: result.report.errorCount === 0 ? tap.sha256() : null,
        durationMs: Date.now() - started,
      });
      if (!report.valid) return await this.reject(load, objectKey, caller, dataset.id, request, schema, report);
      await load.indexRows();
      const reportId = randomUUID();
      await this.reports.insert({ id: reportId, status: 'published', datasetId: dataset.id, resourceId: request.resourceId ?? null, schemaId: schema.id, fileName: request.file.fileName, report, createdBy: caller.userId }, load.tx);
      const { resource, version, released } = await this.resources.addVersion(
        caller,
        {
          datasetId: dataset.id,
          resourceId: request.resourceId,
          name: request.name?.trim() || request.file.fileName.replace(/\.[^.]+$/, ''),
          description: request.description?.trim() || null,
          file: {
            format: result.format.toUpperCase(),
            mediaType: MEDIA_TYPES[result.format],
            byteSize: tap.bytes,
            sha256: report.sha256!,
            objectKey,
            fileName: request.file.fileName,
            schemaId: schema.id,
            rowCount: report.rowCount,
            datastoreTable: table,
            reportId,
            encoding: result.encoding,
          },
        },
        load.tx,
      );
      await this.reports.setResource(reportId, resource.id, load.tx);
      await load.commit();
      this.changes.committed();
      return { status: 'published', reportId, report, resourceId: resource.id, version: version.version, pendingReview: !released };
    } catch (error) {
      await load?.abandon();
      // The object store is still waiting for the rest of the body: end its multipart upload (aborted).
      if (feed && !feed.writableFinished) feed.destroy(error instanceof Error ? error : new Error(String(error)));
      await stored?.catch(() => undefined);
      await this.store.remove(objectKey).catch(() => undefined);
      throw error;
    } finally {
      await this.staging.forget(objectKey).catch(() => undefined);
      await load?.release();
      release();
    }
  }

  private async reject(load: UploadTransaction, objectKey: string, caller: Caller, datasetId: string, request: UploadRequest, schema: TableSchema, report: ValidationReport): Promise<UploadOutcome> {
    await load.rollback();
    await this.store.remove(objectKey).catch((e: unknown) => this.logger.warn(`could not remove ${objectKey}: ${e}`));
    const reportId = randomUUID();
    await this.reports.insert({ id: reportId, status: 'rejected', datasetId, resourceId: request.resourceId ?? null, schemaId: schema.id, fileName: request.file.fileName, report, createdBy: caller.userId });
    return { status: 'rejected', reportId, report, resourceId: null, version: null };
  }

  /** Uploads and validations running, and waiting for a slot. */
  get queueState(): SemaphoreState {
    return this.slots.state;
  }

  private async acquireSlot(request: Pick<UploadRequest, 'file' | 'clientGone'>): Promise<() => void> {
    const closed = abortWhenClosed(request.file.stream, request.clientGone);
    try {
      return await this.slots.acquire(closed.signal);
    } finally {
      closed.dispose();
    }
  }

  /** The schema named by the upload, or that of the resource's latest version; every upload has one. */
  private async schemaFor(request: UploadRequest): Promise<TableSchema> {
    if (request.schemaId) return this.schemas.get(request.schemaId);
    if (request.resourceId) {
      const latest = (await this.resources.latestVersionsOf([request.resourceId])).get(request.resourceId);
      if (latest?.schemaId) return this.schemas.get(latest.schemaId);
    }
    throw badInput([{ path: 'schema', message: 'name the collection schema to validate against (GET /api/v1/schemas lists them)' }]);
  }

  /** Validation without storing anything (POST /api/v1/validate). */
  async validateOnly(request: Omit<UploadRequest, 'dataset' | 'resourceId' | 'name'>, schema: TableSchema | null): Promise<ValidationReport> {
    const release = await this.acquireSlot(request);
    try {
      const tap = new ByteTap(new PassThrough().resume());
      const started = Date.now();
      const result = await copyRows(this.threads.validate(tap.pass(request.file.stream), jobOf(request, schema, 'memory', [])), null);
      request.file.stream.resume();
      return result.report.build({
        rowCount: result.rowCount,
        encoding: result.encoding,
        format: result.format,
        schemaId: schema?.id ?? null,
        byteSize: tap.bytes,
        sha256: tap.sha256(),
        durationMs: Date.now() - started,
      });
    } finally {
      release();
    }
  }
}

/** What checking an upload needs, as plain data: a validation thread, when they are on, gets a copy. */
function jobOf(request: Omit<UploadRequest, 'dataset' | 'resourceId' | 'name'>, schema: TableSchema | null, keys: ValidationJob['keys'], negativeRules: NegativeRule[]): ValidationJob {
  return {
    schema,
    fileName: request.file.fileName,
    contentType: request.file.mimeType,
    encoding: request.encoding ?? null,
    delimiter: request.delimiter ?? null,
    keys,
    copy: keys === 'external',
    // No rules, no check at all.
    negativeList: negativeRules.length ? { rules: negativeRules, schemaId: schema?.id ?? null } : null,
  };
}

/** Consumes the events of a validation: the rows go to the COPY, when there is one. */
async function copyRows(events: AsyncIterable<ValidationEvent>, load: UploadTransaction | null): Promise<TableValidation> {
  for await (const event of events) {
    if (event.type === 'layout') load?.startCopy(event.fieldOrder);
    else if (event.type === 'rows') await load!.copyRows(event.text, event.rows);
    else return event.result;
  }
  throw new Error('the validation ended without its outcome');
}
