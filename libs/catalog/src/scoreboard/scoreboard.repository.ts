import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { publicDatasetSql, releasedVersionSql } from '../review/visibility';

export interface CatalogStatsRow {
  datasets: number;
  organizations: number;
  resources: number;
  rows: number;
  downloads: number;
}

/** The figures of one organization that SQL computes (the on-time rate comes from the timeliness service). */
export interface OrganizationFiguresRow {
  organizationId: string;
  ledItems: number[];
  publishedItems: number[];
  publishedDatasets: number;
  withdrawnDatasets: number;
  uploads: number;
  validUploads: number;
  dataRequests: number;
  answeredRequests: number;
  medianResponseDays: number | null;
}

/** The statements behind the public figures of the catalogue and the openness scoreboard. */
@Injectable()
export class ScoreboardRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Totals over what the public sees: published datasets, their released files and the rows of those files. */
  async catalogStats(): Promise<CatalogStatsRow> {
    const [row] = await this.db.query(`
      WITH published AS (SELECT d.id, d.organization_id FROM datasets d WHERE ${publicDatasetSql('d')}),
      latest AS (
        SELECT DISTINCT ON (v.resource_id) v.resource_id, v.row_count
        FROM resource_versions v
        JOIN resources r ON r.id = v.resource_id AND r.deleted_at IS NULL
        JOIN published p ON p.id = r.dataset_id
        WHERE ${releasedVersionSql('v')}
        ORDER BY v.resource_id, v.version DESC
      )
      SELECT (SELECT count(*) FROM published)::int AS datasets,
             (SELECT count(DISTINCT organization_id) FROM published)::int AS organizations,
             (SELECT count(*) FROM latest)::int AS resources,
             (SELECT coalesce(sum(row_count), 0) FROM latest)::float8 AS rows,
             (SELECT coalesce(sum(c.downloads), 0) FROM resource_download_counts c JOIN published p ON p.id = c.dataset_id)::float8 AS downloads`);
    return row;
  }

  /** The figures of the given organizations (all when null). */
  async organizationFigures(organizationIds: readonly string[] | null): Promise<OrganizationFiguresRow[]> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT o.id,
              coalesce(l.led, '{}') AS led, coalesce(l.published, '{}') AS published_items,
              coalesce(d.published, 0) AS published_datasets, coalesce(w.withdrawn, 0) AS withdrawn,
              coalesce(u.total, 0) AS uploads, coalesce(u.valid, 0) AS valid_uploads,
              coalesce(q.total, 0) AS requests, coalesce(q.answered, 0) AS answered, q.median_days
       FROM organizations o
       LEFT JOIN LATERAL (
         SELECT array_agg(x.plan_item::int ORDER BY x.plan_item) AS led,
                array_agg(x.plan_item::int ORDER BY x.plan_item) FILTER (WHERE EXISTS (
                  SELECT 1 FROM datasets pd WHERE pd.organization_id = o.id AND pd.plan_item = x.plan_item AND ${publicDatasetSql('pd')}
                )) AS published
         FROM plan_item_leads x WHERE x.organization_id = o.id
       ) l ON true
       LEFT JOIN (
         SELECT organization_id, count(*)::int AS published FROM datasets d WHERE ${publicDatasetSql('d')} GROUP BY 1
       ) d ON d.organization_id = o.id
       LEFT JOIN (
         SELECT wd.organization_id, count(DISTINCT e.dataset_id)::int AS withdrawn
         FROM review_events e JOIN datasets wd ON wd.id = e.dataset_id WHERE e.action = 'withdraw' GROUP BY 1
       ) w ON w.organization_id = o.id
       LEFT JOIN (
         SELECT organization_id, count(*)::int AS total, count(*) FILTER (WHERE valid)::int AS valid FROM upload_outcomes GROUP BY 1
       ) u ON u.organization_id = o.id
       LEFT JOIN (
         SELECT organization_id, count(*)::int AS total, count(*) FILTER (WHERE status <> 'pending')::int AS answered,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM responded_at - created_at) / 86400)
                  FILTER (WHERE responded_at IS NOT NULL) AS median_days
         FROM data_requests GROUP BY 1
       ) q ON q.organization_id = o.id
       WHERE $1::uuid[] IS NULL OR o.id = ANY($1::uuid[])`,
      [organizationIds],
    );
    return rows.map((r) => ({
      organizationId: r.id as string,
      ledItems: r.led as number[],
      publishedItems: r.published_items as number[],
      publishedDatasets: r.published_datasets as number,
      withdrawnDatasets: r.withdrawn as number,
      uploads: r.uploads as number,
      validUploads: r.valid_uploads as number,
      dataRequests: r.requests as number,
      answeredRequests: r.answered as number,
      medianResponseDays: r.median_days === null ? null : Number(r.median_days),
    }));
  }
}
