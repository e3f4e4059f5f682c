import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { OBJECT_STORE, ObjectStore } from '@opendata/storage';
import { PeriodicJob, PeriodicJobs } from '@opendata/jobs';
import { StagingUploadRepository } from './staging-upload.repository';
import { UploadReportsService } from './upload-reports.service';

/**
 * Removes what interrupted uploads leave behind: staging objects no version refers to (older than
 * STAGING_MAX_AGE_HOURS, so that uploads in progress are never touched), row tables no version refers to, and
 * reports of rejected uploads past their week.
 */
@Injectable()
export class StagingCleanupService implements PeriodicJob, OnModuleInit {
  readonly name = 'staging-cleanup';
  readonly everyMs = 60 * 60 * 1000;

  constructor(
    private readonly staging: StagingUploadRepository,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reports: UploadReportsService,
    private readonly jobs: PeriodicJobs,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this);
  }

  async run(maxAgeMs = this.config.stagingMaxAgeHours * 3600_000): Promise<string> {
    const uploads = await this.abortInterruptedUploads(maxAgeMs);
    const objects = await this.removeObjects(maxAgeMs);
    const tables = await this.dropTables();
    const reports = await this.reports.purgeExpired();
    return `aborted ${uploads} interrupted uploads, removed ${objects} staging objects, ${tables} row tables, ${reports} expired reports`;
  }

  /**
   * Uploads whose process died (a live upload deletes its staging_uploads row when it ends, whatever the
   * outcome): their multipart parts are aborted, and the object removed unless a version refers to it.
   */
  private async abortInterruptedUploads(maxAgeMs: number): Promise<number> {
    const uploads = await this.staging.interrupted(maxAgeMs);
    for (const upload of uploads) {
      if (upload.multipartUploadId) await this.store.abortUpload(upload.objectKey, upload.multipartUploadId).catch(() => undefined);
      if (!upload.referenced) await this.store.remove(upload.objectKey);
      await this.staging.forget(upload.objectKey);
    }
    return uploads.length;
  }

  private async removeObjects(maxAgeMs: number): Promise<number> {
    const cutoff = Date.now() - maxAgeMs;
    let removed = 0;
    let batch: string[] = [];
    const flush = async () => {
      const referenced = await this.staging.referencedObjects(batch);
      for (const key of batch) {
        if (!referenced.has(key)) {
          await this.store.remove(key);
          removed++;
        }
      }
      batch = [];
    };
    for await (const object of this.store.list('uploads/')) {
      if (object.lastModified.getTime() > cutoff) continue;
      batch.push(object.key);
      if (batch.length >= 500) await flush();
    }
    if (batch.length) await flush();
    return removed;
  }

  /** Row tables no version refers to: an upload's table becomes visible only when it commits with its version. */
  private async dropTables(): Promise<number> {
    const tables = await this.staging.unreferencedRowTables();
    for (const table of tables) await this.staging.dropRowTable(table);
    return tables.length;
  }
}
