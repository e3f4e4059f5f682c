import { Injectable } from '@nestjs/common';
import type { DatasetEntity } from '@opendata/catalog';
import { SqlRepository, Tx } from '@opendata/database';
import { ValidationReport } from '@opendata/validation';

/** How long the report of a rejected upload is kept for its uploader to read. */
export const REJECTED_REPORT_DAYS = 7;

export interface NewUploadReport {
  id: string;
  status: 'published' | 'rejected';
  datasetId: string;
  resourceId: string | null;
  schemaId: string | null;
  fileName: string;
  report: ValidationReport;
  createdBy: string | null;
}

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

/** A stored report, with what deciding who may read it needs: its dataset's status and organization. */
export interface UploadReportRow extends StoredReport {
  /** Null when the dataset is gone. */
  datasetStatus: DatasetEntity['status'] | null;
  organizationId: string | null;
}

/** The statements of upload_reports. */
@Injectable()
export class UploadReportRepository extends SqlRepository {
  /** A rejected upload's report expires after REJECTED_REPORT_DAYS; a published one stays with its version. */
  async insert(input: NewUploadReport, tx?: Tx): Promise<void> {
    await this.on(tx).query(
      `INSERT INTO upload_reports (id, dataset_id, resource_id, status, schema_id, file_name, report, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $4 = 'rejected' THEN now() + make_interval(days => $9) END)`,
      [input.id, input.datasetId, input.resourceId, input.status, input.schemaId, input.fileName, input.report, input.createdBy, REJECTED_REPORT_DAYS],
    );
  }

  /** Names the resource a published report belongs to (a new resource has its id only once its version is added). */
  async setResource(reportId: string, resourceId: string, tx?: Tx): Promise<void> {
    await this.on(tx).query(`UPDATE upload_reports SET resource_id = $2 WHERE id = $1`, [reportId, resourceId]);
  }

  /** A report not yet expired, or null. */
  async unexpired(id: string): Promise<UploadReportRow | null> {
    const rows = await this.db.query(
      `SELECT r.*, d.status AS dataset_status, d.organization_id FROM upload_reports r
       LEFT JOIN datasets d ON d.id = r.dataset_id AND d.deleted_at IS NULL
       WHERE r.id = $1 AND (r.expires_at IS NULL OR r.expires_at > now())`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      status: row.status,
      datasetId: row.dataset_id,
      schemaId: row.schema_id,
      fileName: row.file_name,
      report: row.report,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      datasetStatus: row.dataset_status,
      organizationId: row.organization_id,
    };
  }

  async reportsByIds(ids: readonly string[]): Promise<Map<string, ValidationReport>> {
    const rows: Array<{ id: string; report: ValidationReport }> = await this.db.query(`SELECT id, report FROM upload_reports WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.report]));
  }

  /** Drops rejected reports past their week; how many. */
  async deleteExpired(): Promise<number> {
    const [, count] = await this.db.query(`DELETE FROM upload_reports WHERE expires_at < now()`);
    return Number(count ?? 0);
  }
}
