import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller, canSeeUnpublishedOf } from '@opendata/auth';
import { isVisible } from '@opendata/catalog';
import { isEntityId, notFound } from '@opendata/common';
import { DataSource, EntityManager } from 'typeorm';
import { ValidationReport } from '@opendata/validation';

/** How long the report of a rejected upload is kept for its uploader to read. */
export const REJECTED_REPORT_DAYS = 7;

export interface StoredReport {
  id: string;
  status: 'published' | 'rejected';
  datasetId: string | null;
  schemaId: string | null;
  fileName: string;
  report: ValidationReport;
  createdAt: Date;
  expiresAt: Date | null;
}

/** Validation reports of uploads: with the version when published, for a week when rejected. */
@Injectable()
export class UploadReports {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async save(
    manager: EntityManager,
    input: { id: string; status: 'published' | 'rejected'; datasetId: string; resourceId: string | null; schemaId: string | null; fileName: string; report: ValidationReport; createdBy: string | null },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO upload_reports (id, dataset_id, resource_id, status, schema_id, file_name, report, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $4 = 'rejected' THEN now() + make_interval(days => $9) END)`,
      [input.id, input.datasetId, input.resourceId, input.status, input.schemaId, input.fileName, input.report, input.createdBy, REJECTED_REPORT_DAYS],
    );
  }

  /**
   * A report the caller may read: that of a published version wherever its dataset is visible; that of a
   * rejected upload for members of the dataset's organization and administrators, until it expires.
   */
  async get(caller: Caller, id: string): Promise<StoredReport> {
    const uuid = isEntityId(id);
    const rows = uuid
      ? await this.db.query(
          `SELECT r.*, d.status AS dataset_status, d.organization_id FROM upload_reports r
           LEFT JOIN datasets d ON d.id = r.dataset_id AND d.deleted_at IS NULL
           WHERE r.id = $1 AND (r.expires_at IS NULL OR r.expires_at > now())`,
          [id],
        )
      : [];
    const row = rows[0];
    const allowed =
      row && row.organization_id &&
      (row.status === 'published'
        ? isVisible(caller, { status: row.dataset_status, organizationId: row.organization_id })
        : canSeeUnpublishedOf(caller, row.organization_id));
    if (!allowed) throw notFound('Upload report', id);
    return {
      id: row.id,
      status: row.status,
      datasetId: row.dataset_id,
      schemaId: row.schema_id,
      fileName: row.file_name,
      report: row.report,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
    };
  }

  /** Reports by id, for resources of visible datasets (DataLoader). */
  async byIds(ids: readonly string[]): Promise<Map<string, ValidationReport>> {
    const rows: Array<{ id: string; report: ValidationReport }> = await this.db.query(`SELECT id, report FROM upload_reports WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.report]));
  }

  /** Drops rejected reports past their week. */
  async purgeExpired(): Promise<number> {
    const [, count] = await this.db.query(`DELETE FROM upload_reports WHERE expires_at < now()`);
    return Number(count ?? 0);
  }
}
