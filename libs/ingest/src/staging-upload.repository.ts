import { Injectable } from '@nestjs/common';
import { SqlRepository } from '@opendata/database';
import { DATASTORE_SCHEMA, dropRowTable } from '@opendata/datastore';

export interface InterruptedUpload {
  objectKey: string;
  multipartUploadId: string | null;
  /** A version refers to the object: it was published before the process died, and stays. */
  referenced: boolean;
}

/**
 * The statements of staging_uploads, the record of an upload in progress (written outside its transaction, so
 * that it outlives a crash), and those the cleanup job needs to find what interrupted uploads left behind.
 */
@Injectable()
export class StagingUploadRepository extends SqlRepository {
  async record(objectKey: string): Promise<void> {
    await this.db.query(`INSERT INTO staging_uploads (object_key) VALUES ($1)`, [objectKey]);
  }

  async setMultipartUpload(objectKey: string, multipartUploadId: string): Promise<void> {
    await this.db.query(`UPDATE staging_uploads SET multipart_upload_id = $2 WHERE object_key = $1`, [objectKey, multipartUploadId]);
  }

  async forget(objectKey: string): Promise<void> {
    await this.db.query(`DELETE FROM staging_uploads WHERE object_key = $1`, [objectKey]);
  }

  /** Uploads recorded longer ago than `maxAgeMs` and never forgotten: their process died. */
  async interrupted(maxAgeMs: number): Promise<InterruptedUpload[]> {
    const rows: Array<{ object_key: string; multipart_upload_id: string | null; referenced: boolean }> = await this.db.query(
      `SELECT s.object_key, s.multipart_upload_id,
              EXISTS (SELECT 1 FROM resource_versions v WHERE v.object_key = s.object_key) AS referenced
       FROM staging_uploads s WHERE s.started_at < now() - make_interval(secs => $1::float8 / 1000)`,
      [maxAgeMs],
    );
    return rows.map((r) => ({ objectKey: r.object_key, multipartUploadId: r.multipart_upload_id, referenced: r.referenced }));
  }

  /** Which of these object keys a version refers to. */
  async referencedObjects(objectKeys: string[]): Promise<Set<string>> {
    const rows: Array<{ object_key: string }> = await this.db.query(`SELECT object_key FROM resource_versions WHERE object_key = ANY($1)`, [objectKeys]);
    return new Set(rows.map((r) => r.object_key));
  }

  /**
   * Row tables no version refers to. An upload creates its table inside its own transaction, invisible here
   * until it commits, and it commits together with the version that refers to the table.
   */
  async unreferencedRowTables(): Promise<string[]> {
    const rows: Array<{ tablename: string }> = await this.db.query(
      `SELECT t.tablename FROM pg_tables t WHERE t.schemaname = $1
       AND NOT EXISTS (SELECT 1 FROM resource_versions v WHERE v.datastore_table = t.tablename)`,
      [DATASTORE_SCHEMA],
    );
    return rows.map((r) => r.tablename);
  }

  dropRowTable(table: string): Promise<void> {
    return dropRowTable(this.db, table);
  }
}
