import { Injectable } from '@nestjs/common';
import { SqlRepository } from '@opendata/database';

/** What a download was of: the resource, and its dataset (whose count is the sum over its resources). */
export interface DownloadTarget {
  resourceId: string;
  datasetId: string;
}

/** The download counts of resources (original files and row exports), one row per resource. */
@Injectable()
export class DownloadCountRepository extends SqlRepository {
  /** Adds one download (one upsert: concurrent downloads of a resource never lose a count). */
  async increment(target: DownloadTarget): Promise<void> {
    await this.db.query(
      `INSERT INTO resource_download_counts (resource_id, dataset_id, downloads) VALUES ($1, $2, 1)
       ON CONFLICT (resource_id) DO UPDATE SET downloads = resource_download_counts.downloads + 1, last_downloaded_at = now()`,
      [target.resourceId, target.datasetId],
    );
  }

  /** Downloads by resource id, for the resources downloaded at least once. */
  async ofResources(ids: readonly string[]): Promise<Map<string, number>> {
    const rows: Array<{ id: string; n: number }> = await this.db.query(
      `SELECT resource_id AS id, downloads::float8 AS n FROM resource_download_counts WHERE resource_id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  /** Downloads by dataset id (the sum over its resources), for the datasets downloaded at least once. */
  async ofDatasets(ids: readonly string[]): Promise<Map<string, number>> {
    const rows: Array<{ id: string; n: number }> = await this.db.query(
      `SELECT dataset_id AS id, sum(downloads)::float8 AS n FROM resource_download_counts
       WHERE dataset_id = ANY($1::uuid[]) GROUP BY dataset_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }
}
