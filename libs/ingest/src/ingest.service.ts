import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller, requireDatasetWriter, requireSignedIn } from '@opendata/auth';
import { CatalogueChanges, DatasetEntity, DatasetService, NegativeListService, ResourceService } from '@opendata/catalog';
import { badInput } from '@opendata/common';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { OBJECT_STORE, ObjectStore } from '@opendata/storage';
import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CopyWriter, checkKeys, createRowTable, indexRowTable, rowTableName } from '@opendata/datastore';
import { NegativeRule, TableSchema, ValidationReport } from '@opendata/validation';
import { ByteTap } from './byte-tap';
import { SchemaRegistry } from './schema-registry.service';
import { Semaphore } from './semaphore';
import { UploadReports } from './upload-reports.service';
import { ValidationJob } from './validation-thread/thread-messages';
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
    @InjectDataSource() private readonly db: DataSource,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly datasets: DatasetService,
    private readonly resources: ResourceService,
    private readonly schemas: SchemaRegistry,
    private readonly reports: UploadReports,
    private readonly changes: CatalogueChanges,
    private readonly negativeList: NegativeListService,
    private readonly threads: ValidationThreads,
  ) {
    this.slots = new Semaphore(config.uploadConcurrency);
  }

  async upload(caller: Caller, request: UploadRequest): Promise<UploadOutcome> {
    requireSignedIn(caller);
    const key = request.dataset;
    const dataset = await this.datasets.get(caller, /^[0-9a-f-]{36}$/i.test(key) ? { id: key } : { slug: key });
    requireDatasetWriter(caller, dataset.organizationId);
    const schema = await this.schemaFor(request);
    const negativeRules = await this.negativeList.rulesFor(dataset.organizationId);
    const release = this.slots.acquire();
    const runner = this.db.createQueryRunner();
    const uploadId = randomUUID();
    const objectKey = `uploads/${uploadId}`;
    const table = rowTableName(uploadId);
    let stored: Promise<unknown> | null = null;
    let feed: PassThrough | null = null;
    let copy: CopyWriter | null = null;
    try {
      // Outside the transaction, so that it outlives a crash: what the cleanup job removes if we never finish.
      await this.db.query(`INSERT INTO staging_uploads (object_key) VALUES ($1)`, [objectKey]);
      const client = (await runner.connect()) as Client;
      await runner.startTransaction();
      await createRowTable(client, table, schema.fields);
      copy = new CopyWriter(client, table, schema.fields);
      feed = new PassThrough({ highWaterMark: 1 << 20 });
      stored = this.store.put(objectKey, feed, {
        contentType: request.file.mimeType ?? 'application/octet-stream',
        metadata: { upload: uploadId },
        onMultipartStart: async (id) => {
          await this.db.query(`UPDATE staging_uploads SET multipart_upload_id = $2 WHERE object_key = $1`, [objectKey, id]);
        },
      });
      stored.catch(() => undefined);
      const tap = new ByteTap(feed);
      const started = Date.now();
      const result = await this.threads.validate(tap.pass(request.file.stream), jobOf(request, schema, 'external', negativeRules), copy);
      if (!feed.writableEnded) feed.destroy(new Error('reading stopped early'));
      await Promise.all([copy.finish(), stored.catch((e) => (result.report.errorCount ? undefined : Promise.reject(e)))]);
      if (result.report.errorCount === 0) {
        await checkKeys(client, table, schema, (i) => result.fieldColumns[i] + 1, result.report);
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
      if (!report.valid) return await this.reject(runner, objectKey, caller, dataset.id, request, schema, report);
      await indexRowTable(client, table);
      // The dataset row is locked before the report row refers to it: otherwise two uploads to one dataset
      // each hold the key-share lock of their report's foreign key and wait for the other's in addVersion
      // (a deadlock). Only this short tail is serialised; reading and COPY stay concurrent.
      await runner.manager.getRepository(DatasetEntity).createQueryBuilder('d').setLock('pessimistic_write').where('d.id = :id', { id: dataset.id }).getOne();
      const reportId = randomUUID();
      await this.reports.save(runner.manager, { id: reportId, status: 'published', datasetId: dataset.id, resourceId: request.resourceId ?? null, schemaId: schema.id, fileName: request.file.fileName, report, createdBy: caller.userId });
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
        runner.manager,
      );
      await runner.manager.query(`UPDATE upload_reports SET resource_id = $2 WHERE id = $1`, [reportId, resource.id]);
      await runner.commitTransaction();
      this.changes.committed();
      return { status: 'published', reportId, report, resourceId: resource.id, version: version.version, pendingReview: !released };
    } catch (error) {
      // A COPY in progress holds the connection: fail it first, or the rollback cannot be sent.
      await copy?.abort();
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      // The object store is still waiting for the rest of the body: end its multipart upload (aborted).
      if (feed && !feed.writableFinished) feed.destroy(error instanceof Error ? error : new Error(String(error)));
      await stored?.catch(() => undefined);
      await this.store.remove(objectKey).catch(() => undefined);
      throw error;
    } finally {
      await this.db.query(`DELETE FROM staging_uploads WHERE object_key = $1`, [objectKey]).catch(() => undefined);
      await runner.release();
      release();
    }
  }

  private async reject(runner: ReturnType<DataSource['createQueryRunner']>, objectKey: string, caller: Caller, datasetId: string, request: UploadRequest, schema: TableSchema, report: ValidationReport): Promise<UploadOutcome> {
    await runner.rollbackTransaction();
    await this.store.remove(objectKey).catch((e: unknown) => this.logger.warn(`could not remove ${objectKey}: ${e}`));
    const reportId = randomUUID();
    await this.reports.save(this.db.manager, { id: reportId, status: 'rejected', datasetId, resourceId: request.resourceId ?? null, schemaId: schema.id, fileName: request.file.fileName, report, createdBy: caller.userId });
    return { status: 'rejected', reportId, report, resourceId: null, version: null };
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
    const release = this.slots.acquire();
    try {
      const tap = new ByteTap(new PassThrough().resume());
      const started = Date.now();
      const result = await this.threads.validate(tap.pass(request.file.stream), jobOf(request, schema, 'memory', []), null);
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
    // No rules, no check at all.
    negativeList: negativeRules.length ? { rules: negativeRules, schemaId: schema?.id ?? null } : null,
  };
}
