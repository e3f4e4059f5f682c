import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { OBJECT_STORE, ObjectStore } from '@opendata/storage';
import { DataSource } from 'typeorm';
import { DATASTORE_SCHEMA, dropRowTable } from '@opendata/datastore';
import { PeriodicJob, PeriodicJobs } from '@opendata/jobs';
import { UploadReports } from './upload-reports.service';

/**
 * Removes what interrupted uploads leave behind: staging objects no version refers to (older than
 * STAGING_MAX_AGE_HOURS, so that uploads in progress are never touched), row tables no version refers to, and
 * reports of rejected uploads past their week.
 */
@Injectable()
export class StagingCleanup implements PeriodicJob, OnModuleInit {
  readonly name = 'staging-cleanup';
  readonly everyMs = 60 * 60 * 1000;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reports: UploadReports,
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
    const rows: Array<{ object_key: string; multipart_upload_id: string | null; referenced: boolean }> = await this.db.query(
      `SELECT s.object_key, s.multipart_upload_id,
              EXISTS (SELECT 1 FROM resource_versions v WHERE v.object_key = s.object_key) AS referenced
       FROM staging_uploads s WHERE s.started_at < now() - make_interval(secs => $1::float8 / 1000)`,
      [maxAgeMs],
    );
    for (const row of rows) {
      if (row.multipart_upload_id) await this.store.abortUpload(row.object_key, row.multipart_upload_id).catch(() => undefined);
      if (!row.referenced) await this.store.remove(row.object_key);
      await this.db.query(`DELETE FROM staging_uploads WHERE object_key = $1`, [row.object_key]);
    }
    return rows.length;
  }

  private async removeObjects(maxAgeMs: number): Promise<number> {
    const cutoff = Date.now() - maxAgeMs;
    let removed = 0;
    let batch: string[] = [];
    const flush = async () => {
      const rows: Array<{ object_key: string }> = await this.db.query(`SELECT object_key FROM resource_versions WHERE object_key = ANY($1)`, [batch]);
      const referenced = new Set(rows.map((r) => r.object_key));
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

  /**
   * An upload creates its table inside its own transaction, invisible to this query until it commits, and it
   * commits together with the version that refers to the table: a visible table without a version is garbage.
   */
  private async dropTables(): Promise<number> {
    const rows: Array<{ tablename: string }> = await this.db.query(
      `SELECT t.tablename FROM pg_tables t WHERE t.schemaname = $1
       AND NOT EXISTS (SELECT 1 FROM resource_versions v WHERE v.datastore_table = t.tablename)`,
      [DATASTORE_SCHEMA],
    );
    for (const { tablename } of rows) await dropRowTable(this.db, tablename);
    return rows.length;
  }
}
