import { Injectable } from '@nestjs/common';
import { Caller, canSeeUnpublishedOf } from '@opendata/auth';
import { isVisible } from '@opendata/catalog';
import { isEntityId, notFound } from '@opendata/common';
import { ValidationReport } from '@opendata/validation';
import { StoredReport, UploadReportRepository } from './upload-report.repository';

export type { StoredReport } from './upload-report.repository';

/** Validation reports of uploads: with the version when published, for a week when rejected. */
@Injectable()
export class UploadReportsService {
  constructor(private readonly reports: UploadReportRepository) {}

  /**
   * A report the caller may read: that of a published version wherever its dataset is visible; that of a
   * rejected upload for members of the dataset's organization and administrators, until it expires.
   */
  async get(caller: Caller, id: string): Promise<StoredReport> {
    const row = isEntityId(id) ? await this.reports.unexpired(id) : null;
    const allowed =
      row && row.organizationId &&
      (row.status === 'published'
        ? isVisible(caller, { status: row.datasetStatus!, organizationId: row.organizationId })
        : canSeeUnpublishedOf(caller, row.organizationId));
    if (!allowed) throw notFound('uploadReport', id);
    const { datasetStatus: _status, organizationId: _organization, ...report } = row;
    return report;
  }

  /** Reports by id, for resources of visible datasets (DataLoader). */
  byIds(ids: readonly string[]): Promise<Map<string, ValidationReport>> {
    return this.reports.reportsByIds(ids);
  }

  /** Drops rejected reports past their week. */
  purgeExpired(): Promise<number> {
    return this.reports.deleteExpired();
  }
}
