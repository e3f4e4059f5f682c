import type { Caller } from '@opendata/auth';
import type { AddVersionInput } from '@opendata/catalog';
import type { PutOptions } from '@opendata/storage';
import { FieldSpec, ReportBuilder, TableSchema } from '@opendata/validation';
import { Readable } from 'node:stream';
import type { NewUploadReport } from '../../libs/ingest/src/upload-report.repository';
import type { ValidationEvent, ValidationJob } from '../../libs/ingest/src/validation-thread/validation-events';

/** Fakes of what IngestService is built on: its repositories, the object store, the catalogue, the validator. */

/** The upload's transaction: what ran in it, in order. */
export class FakeUploadTransaction {
  readonly tx: never;
  readonly log: string[] = [];
  copied = '';

  constructor(
    readonly table: string,
    readonly fields: FieldSpec[],
    private readonly repository: FakeUploadTransactions,
  ) {
    this.tx = { uploadTransaction: table } as never;
  }

  startCopy(fieldOrder: number[]): void {
    this.log.push(`copy ${fieldOrder.join(',')}`);
  }

  async copyRows(text: string): Promise<void> {
    if (this.repository.copyFailure) throw this.repository.copyFailure;
    this.copied += text;
  }

  async endCopy(): Promise<number> {
    this.log.push('end copy');
    return 0;
  }

  async checkKeys(_schema: TableSchema, _fieldNumberOf: unknown, report: ReportBuilder): Promise<void> {
    this.log.push('check keys');
    if (this.repository.duplicateKeys) report.add({ type: 'primary-key', rowNumber: 3, message: 'primary key (station) = (a) repeats row 2' });
  }

  async indexRows(): Promise<void> {
    this.log.push('index');
  }

  async commit(): Promise<void> {
    this.log.push('commit');
  }

  async rollback(): Promise<void> {
    this.log.push('rollback');
  }

  async abandon(): Promise<void> {
    this.log.push('abandon');
  }

  async release(): Promise<void> {
    this.log.push('release');
  }
}

export class FakeUploadTransactions {
  readonly opened: FakeUploadTransaction[] = [];
  /** What the database does with the rows: take them, refuse them, or find duplicate keys among them. */
  copyFailure: Error | null = null;
  duplicateKeys = false;

  async open(table: string, fields: FieldSpec[]): Promise<FakeUploadTransaction> {
    const opened = new FakeUploadTransaction(table, fields, this);
    this.opened.push(opened);
    return opened;
  }
}

export class FakeStaging {
  readonly recorded: string[] = [];
  readonly forgotten: string[] = [];
  readonly multipart = new Map<string, string>();

  async record(objectKey: string): Promise<void> {
    this.recorded.push(objectKey);
  }

  async setMultipartUpload(objectKey: string, id: string): Promise<void> {
    this.multipart.set(objectKey, id);
  }

  async forget(objectKey: string): Promise<void> {
    this.forgotten.push(objectKey);
  }
}

export class FakeReports {
  readonly inserted: Array<{ report: NewUploadReport; tx: unknown }> = [];
  readonly resources: Array<{ reportId: string; resourceId: string; tx: unknown }> = [];

  async insert(report: NewUploadReport, tx?: unknown): Promise<void> {
    this.inserted.push({ report, tx });
  }

  async setResource(reportId: string, resourceId: string, tx?: unknown): Promise<void> {
    this.resources.push({ reportId, resourceId, tx });
  }
}

/** An object store that keeps what it is sent, once the body has ended. */
export class FakeStore {
  readonly objects = new Map<string, Buffer>();
  readonly removed: string[] = [];

  async put(key: string, body: Readable, options: PutOptions): Promise<void> {
    await options.onMultipartStart?.(`multipart-${key}`);
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk);
    this.objects.set(key, Buffer.concat(chunks));
  }

  async remove(key: string): Promise<void> {
    this.removed.push(key);
    this.objects.delete(key);
  }
}

export class FakeResources {
  readonly latest = new Map<string, { schemaId: string }>();
  readonly added: Array<{ caller: Caller; input: AddVersionInput; tx: unknown }> = [];
  released = true;

  async latestVersionsOf(ids: string[]): Promise<Map<string, { schemaId: string }>> {
    return new Map(ids.filter((id) => this.latest.has(id)).map((id) => [id, this.latest.get(id)!]));
  }

  async addVersion(caller: Caller, input: AddVersionInput, tx: unknown) {
    this.added.push({ caller, input, tx });
    return { resource: { id: input.resourceId ?? 'r-new' }, version: { version: this.added.length }, released: this.released };
  }
}

/**
 * The validator as the service sees it: an event stream. It reads the whole file first (so that the bytes pass
 * the size limit and reach the store), then reports a type error for every line holding "bad" and yields the
 * others as COPY rows.
 */
export class FakeValidator {
  readonly jobs: ValidationJob[] = [];

  async *validate(bytes: AsyncIterable<Buffer>, job: ValidationJob): AsyncGenerator<ValidationEvent> {
    this.jobs.push(job);
    const chunks: Buffer[] = [];
    for await (const chunk of bytes) chunks.push(chunk);
    const [header, ...lines] = Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean);
    yield { type: 'layout', fieldOrder: header.split(',').map((_, i) => i) };
    const report = new ReportBuilder();
    const valid: string[] = [];
    lines.forEach((line, i) => (line.includes('bad') ? report.add({ type: 'type-error', rowNumber: i + 2, message: `"${line}" is bad` }) : valid.push(`${i + 2},${line}\n`)));
    if (job.copy && valid.length) yield { type: 'rows', text: valid.join(''), rows: valid.length };
    yield { type: 'end', result: { report, format: 'csv', encoding: 'utf-8', rowCount: lines.length, fieldColumns: [0, 1] } };
  }
}
