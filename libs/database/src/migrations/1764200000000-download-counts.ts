import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Download counts: one counter row per resource, bumped by a single upsert per download, so counting never
 * contends with reads of the catalogue. A dataset's count is the sum over its resources (indexed by dataset).
 */
export class DownloadCounts1764200000000 implements MigrationInterface {
  name = 'DownloadCounts1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE resource_download_counts (
        resource_id uuid PRIMARY KEY REFERENCES resources(id) ON DELETE CASCADE,
        dataset_id uuid NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        downloads bigint NOT NULL DEFAULT 0 CHECK (downloads >= 0),
        last_downloaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX resource_download_counts_dataset ON resource_download_counts (dataset_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE resource_download_counts`);
  }
}
