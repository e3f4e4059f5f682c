import { Inject, Injectable, Logger } from '@nestjs/common';
import { Caller, requireDatasetWriter, requireSignedIn } from '@opendata/auth';
import { CatalogChanges, DatasetService, NegativeListService, ResourceService, UploadLimitService } from '@opendata/catalog';
import { badInput, fieldError, messageText, parseEntityKey } from '@opendata/common';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { rowTableName } from '@opendata/datastore';
import { OBJECT_STORE, ObjectStore } from '@opendata/storage';
import { NegativeRule, TableSchema, TableValidation, ValidationReport } from '@opendata/validation';
import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { ByteTap } from './byte-tap';
import { SchemaRegistryService } from './schema-registry.service';
import { Semaphore, SemaphoreState, uploadSemaphore } from './semaphore';
import { StagingUploadRepository } from './staging-upload.repository';
import { NewUploadReport, UploadReportRepository } from './upload-report.repository';
import { UploadTransaction, UploadTransactionRepository } from './upload-transaction.repository';
import { ValidationJob } from './validation-thread/validation-events';
import { ValidationThreads } from './validation-thread/validation-threads';

/** How an upload's or a validation's file is read, and (for an upload) what it becomes. */
export interface UploadOptions {
  /** An existing resource to add a version to; a new resource otherwise. */
  resourceId?: string | null;
  name?: string | null;
  /** Description of a new resource. */
  description?: string | null;
  schemaId?: string | null;
  encoding?: string | null;
  delimiter?: string | null;
}

export interface UploadFile {
  fileName: string;
  mimeType: string | null;
  stream: Readable;
}

export interface ValidateRequest extends Pick<UploadOptions, 'schemaId' | 'encoding' | 'delimiter'> {
  file: UploadFile;
  /** Aborts when the client goes away (its connection closed): a pass waiting for a slot then leaves the queue. */
  clientGone?: AbortSignal | null;
}

export interface UploadRequest extends UploadOptions, ValidateRequest {
  /** Dataset id or slug. */
  dataset: string;
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

/**
 * The options of an upload or a validation as HTTP clients give them, by their API names (`resource`, `name`,
 * `schema`, `encoding`, `delimiter`): as form fields before the file, or as query parameters. A form field wins
 * over the query parameter of the same name.
 */
export function requestOptions(form: Record<string, string | undefined>, query: Record<string, string | undefined>): UploadOptions {
  const option = (name: string) => form[name] ?? query[name] ?? null;
  return { resourceId: option('resource'), name: option('name'), schemaId: option('schema'), encoding: option('encoding'), delimiter: option('delimiter') };
}

const MEDIA_TYPES: Record<string, string> = {
  csv: 'text/csv',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** An upload decided on: who sends what where, and the names of what it creates. */
interface UploadPlan {
  caller: Caller;
  request: UploadRequest;
  datasetId: string;
  schema: TableSchema;
  negativeRules: NegativeRule[];
  maxBytes: number;
  uploadId: string;
  /** The staging object: the file as uploaded, kept as the version's original when published. */
  objectKey: string;
  table: string;
}

/** The bytes of an upload on their way to the object store. */
interface StagedObject {
  tap: ByteTap;
  feed: PassThrough;
  stored: Promise<unknown>;
}

/** What the pass over the file gave. */
interface LoadedRows {
  validation: TableValidation;
  report: ValidationReport;
  byteSize: number;
}

/**
 * An upload in one pass: the bytes stream to the object store and through the validator; the valid rows it
 * yields go into the version's row table with COPY. Everything database-side happens in ONE transaction on one
 * connection (table, rows, key indexes, version, report), so a rejected or interrupted upload leaves no table
 * and no version; only the stored object can remain after a crash, for the cleanup job.
 */
@Injectable()
export class IngestService {
  private readonly logger = new Logger('Ingest');
  private readonly slots: Semaphore;

  constructor(
    private readonly staging: StagingUploadRepository,
    private readonly transactions: UploadTransactionRepository,
    private readonly reports: UploadReportRepository,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly datasets: DatasetService,
    private readonly resources: ResourceService,
    private readonly schemas: SchemaRegistryService,
    private readonly uploadLimits: UploadLimitService,
    private readonly changes: CatalogChanges,
    private readonly negativeList: NegativeListService,
    private readonly threads: ValidationThreads,
  ) {
    this.slots = uploadSemaphore(config, messageText('slots.uploads'));
  }

  /** Stages the file, loads its valid rows, and publishes it, or rejects it with its report. */
  async upload(caller: Caller, request: UploadRequest): Promise<UploadOutcome> {
    const plan = await this.plan(caller, request);
    // Waits its turn with the body unread; nothing exists yet that a client going away would leave behind.
    const release = await this.slots.acquireFor(request.file.stream, request.clientGone);
    let load: UploadTransaction | null = null;
    let staged: StagedObject | null = null;
    try {
      // Outside the transaction, so that it outlives a crash: what the cleanup job removes if we never finish.
      await this.staging.record(plan.objectKey);
      load = await this.transactions.open(plan.table, plan.schema.fields);
      staged = this.stageObject(plan);
      const loaded = await this.loadRows(plan, load, staged);
      return loaded.report.valid ? await this.publish(plan, load, loaded) : await this.reject(plan, load, loaded.report);
    } catch (error) {
      await load?.abandon();
      // The object store is still waiting for the rest of the body: end its multipart upload (aborted).
      if (staged && !staged.feed.writableFinished) staged.feed.destroy(error instanceof Error ? error : new Error(String(error)));
      await staged?.stored.catch(() => undefined);
      await this.store.remove(plan.objectKey).catch(() => undefined);
      throw error;
    } finally {
      await this.staging.forget(plan.objectKey).catch(() => undefined);
      await load?.release();
      release();
    }
  }

  /** Validation without storing anything (POST /api/v1/validate); without a schema, encoding and structure only. */
  async validate(request: ValidateRequest): Promise<ValidationReport> {
    const schema = request.schemaId ? await this.schemas.get(request.schemaId) : null;
    const release = await this.slots.acquireFor(request.file.stream, request.clientGone);
    try {
      const tap = new ByteTap(new PassThrough().resume(), this.config.uploadMaxBytes);
      const started = Date.now();
      let ended: TableValidation | null = null;
      for await (const event of this.threads.validate(tap.pass(request.file.stream), jobOf(request, schema, false, []))) {
        if (event.type === 'end') ended = event.result;
      }
      request.file.stream.resume();
      return reportOf(outcome(ended), schema, tap, tap.sha256(), started);
    } finally {
      release();
    }
  }

  /** Uploads and validations running, and waiting for a slot. */
  get queueState(): SemaphoreState {
    return this.slots.state;
  }

  /** Who may upload to the dataset (its writers), against which schema, under which negative list and size limit. */
  private async plan(caller: Caller, request: UploadRequest): Promise<UploadPlan> {
    requireSignedIn(caller);
    const dataset = await this.datasets.get(caller, parseEntityKey(request.dataset));
    requireDatasetWriter(caller, dataset.organizationId);
    const schema = await this.schemaFor(request);
    const negativeRules = await this.negativeList.rulesFor(dataset.organizationId);
    // An organization may have its own limit, smaller or larger than UPLOAD_MAX_BYTES.
    const maxBytes = (await this.uploadLimits.limitForDataset(dataset.id)) ?? this.config.uploadMaxBytes;
    const uploadId = randomUUID();
    return { caller, request, datasetId: dataset.id, schema, negativeRules, maxBytes, uploadId, objectKey: `uploads/${uploadId}`, table: rowTableName(uploadId) };
  }

  /** The schema named by the upload, or that of the resource's latest version; every upload has one. */
  private async schemaFor(request: UploadRequest): Promise<TableSchema> {
    if (request.schemaId) return this.schemas.get(request.schemaId);
    if (request.resourceId) {
      const latest = (await this.resources.latestVersionsOf([request.resourceId])).get(request.resourceId);
      if (latest?.schemaId) return this.schemas.get(latest.schemaId);
    }
    throw badInput([fieldError('schema', 'upload.schemaNeeded')]);
  }

  /** Starts storing the bytes as they will pass: the object, and (for the cleanup job) its multipart upload. */
  private stageObject(plan: UploadPlan): StagedObject {
    const feed = new PassThrough({ highWaterMark: 1 << 20 });
    const stored = this.store.put(plan.objectKey, feed, {
      contentType: plan.request.file.mimeType ?? 'application/octet-stream',
      metadata: { upload: plan.uploadId },
      onMultipartStart: (id) => this.staging.setMultipartUpload(plan.objectKey, id),
    });
    stored.catch(() => undefined);
    return { tap: new ByteTap(feed, plan.maxBytes), feed, stored };
  }

  /**
   * The pass over the file: its bytes go to the object store and to the validator, whose events drive the COPY
   * of the valid rows; then, for a file without errors so far, the database checks the keys.
   */
  private async loadRows(plan: UploadPlan, load: UploadTransaction, staged: StagedObject): Promise<LoadedRows> {
    const started = Date.now();
    const bytes = staged.tap.pass(plan.request.file.stream);
    let ended: TableValidation | null = null;
    for await (const event of this.threads.validate(bytes, jobOf(plan.request, plan.schema, true, plan.negativeRules))) {
      if (event.type === 'layout') load.startCopy(event.fieldOrder);
      else if (event.type === 'rows') await load.copyRows(event.text, event.rows);
      else ended = event.result;
    }
    const validation = outcome(ended);
    const { report, fieldColumns } = validation;
    // A reader that stopped before the end (an unreadable file) leaves the store waiting: its upload is aborted.
    if (!staged.feed.writableEnded) staged.feed.destroy(new Error('reading stopped early'));
    // The object of a file with errors is removed anyway: whether it was stored does not matter.
    await Promise.all([load.endCopy(), staged.stored.catch((e) => (report.errorCount ? undefined : Promise.reject(e)))]);
    if (report.errorCount === 0) await load.checkKeys(plan.schema, (i) => fieldColumns[i] + 1, report);
    const sha256 = report.errorCount === 0 ? staged.tap.sha256() : null;
    return { validation, report: reportOf(validation, plan.schema, staged.tap, sha256, started), byteSize: staged.tap.bytes };
  }

  /** In the upload's transaction: the row index, the report, the version (released, or awaiting review); commit. */
  private async publish(plan: UploadPlan, load: UploadTransaction, loaded: LoadedRows): Promise<UploadOutcome> {
    const { caller, request, schema } = plan;
    const { validation, report } = loaded;
    await load.indexRows();
    const reportId = randomUUID();
    await this.reports.insert(storedReport(plan, reportId, 'published', report), load.tx);
    const { resource, version, released } = await this.resources.addVersion(
      caller,
      {
        datasetId: plan.datasetId,
        resourceId: request.resourceId,
        name: request.name?.trim() || request.file.fileName.replace(/\.[^.]+$/, ''),
        description: request.description?.trim() || null,
        file: {
          format: validation.format.toUpperCase(),
          mediaType: MEDIA_TYPES[validation.format],
          byteSize: loaded.byteSize,
          sha256: report.sha256!,
          objectKey: plan.objectKey,
          fileName: request.file.fileName,
          schemaId: schema.id,
          rowCount: report.rowCount,
          datastoreTable: plan.table,
          reportId,
          encoding: validation.encoding,
        },
      },
      load.tx,
    );
    await this.reports.setResource(reportId, resource.id, load.tx);
    await load.commit();
    this.changes.committed();
    return { status: 'published', reportId, report, resourceId: resource.id, version: version.version, pendingReview: !released };
  }

  /** Rolls the rows back and removes the object: of a rejected upload only its report is kept, for a week. */
  private async reject(plan: UploadPlan, load: UploadTransaction, report: ValidationReport): Promise<UploadOutcome> {
    await load.rollback();
    await this.store.remove(plan.objectKey).catch((e: unknown) => this.logger.warn(`could not remove ${plan.objectKey}: ${e}`));
    const reportId = randomUUID();
    await this.reports.insert(storedReport(plan, reportId, 'rejected', report));
    return { status: 'rejected', reportId, report, resourceId: null, version: null };
  }
}

/**
 * What checking a file needs, as plain data (a validation thread gets a copy). Rows copied to a table have
 * their keys checked by the database; otherwise the validator checks them in memory.
 */
function jobOf(request: ValidateRequest, schema: TableSchema | null, copy: boolean, negativeRules: NegativeRule[]): ValidationJob {
  return {
    schema,
    fileName: request.file.fileName,
    contentType: request.file.mimeType,
    encoding: request.encoding ?? null,
    delimiter: request.delimiter ?? null,
    keys: copy ? 'external' : 'memory',
    copy,
    // No rules, no check at all.
    negativeList: negativeRules.length ? { rules: negativeRules, schemaId: schema?.id ?? null } : null,
  };
}

/** The validation an event stream ended with. */
function outcome(validation: TableValidation | null): TableValidation {
  if (!validation) throw new Error('the validation ended without its outcome');
  return validation;
}

function reportOf(validation: TableValidation, schema: TableSchema | null, tap: ByteTap, sha256: string | null, started: number): ValidationReport {
  return validation.report.build({
    rowCount: validation.rowCount,
    encoding: validation.encoding,
    format: validation.format,
    schemaId: schema?.id ?? null,
    byteSize: tap.bytes,
    sha256,
    durationMs: Date.now() - started,
  });
}

function storedReport(plan: UploadPlan, id: string, status: NewUploadReport['status'], report: ValidationReport): NewUploadReport {
  return { id, status, datasetId: plan.datasetId, resourceId: plan.request.resourceId ?? null, schemaId: plan.schema.id, fileName: plan.request.file.fileName, report, createdBy: plan.caller.userId };
}
