import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploads in progress, written outside the upload's transaction (so that they survive its rollback and a
 * crash): the staging object key and, once the body needs one, the multipart upload id. A row left behind
 * names artefacts for the cleanup job to remove.
 */
export class StagingUploads1764150000000 implements MigrationInterface {
  name = 'StagingUploads1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staging_uploads (
        object_key text PRIMARY KEY,
        multipart_upload_id text,
        started_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX staging_uploads_started ON staging_uploads (started_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE staging_uploads`);
  }
}
