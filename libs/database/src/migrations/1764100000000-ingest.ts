import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploads: validation reports (rejected ones kept for a week), the row table and report of each version,
 * organizations' own collection schemas, and the schema that holds row tables.
 */
export class Ingest1764100000000 implements MigrationInterface {
  name = 'Ingest1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS datastore`);

    await q.query(`
      CREATE TABLE upload_reports (
        id uuid PRIMARY KEY,
        dataset_id uuid REFERENCES datasets(id) ON DELETE CASCADE,
        resource_id uuid REFERENCES resources(id) ON DELETE SET NULL,
        status text NOT NULL CHECK (status IN ('published', 'rejected')),
        schema_id text,
        file_name text NOT NULL,
        report jsonb NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz
      )`);
    await q.query(`CREATE INDEX upload_reports_dataset ON upload_reports (dataset_id, created_at DESC)`);
    await q.query(`CREATE INDEX upload_reports_expiry ON upload_reports (expires_at) WHERE expires_at IS NOT NULL`);

    // Written with the version (the row is never updated): where its rows are and how it was validated.
    await q.query(`ALTER TABLE resource_versions ADD COLUMN datastore_table text UNIQUE`);
    await q.query(`ALTER TABLE resource_versions ADD COLUMN report_id uuid REFERENCES upload_reports(id)`);
    await q.query(`ALTER TABLE resource_versions ADD COLUMN encoding text`);

    await q.query(`
      CREATE TABLE collection_schemas (
        schema_id text NOT NULL CHECK (schema_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
        version integer NOT NULL CHECK (version > 0),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        document jsonb NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (schema_id, version)
      )`);
    await q.query(`CREATE INDEX collection_schemas_organization ON collection_schemas (organization_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS collection_schemas`);
    await q.query(`ALTER TABLE resource_versions DROP COLUMN IF EXISTS encoding`);
    await q.query(`ALTER TABLE resource_versions DROP COLUMN IF EXISTS report_id`);
    await q.query(`ALTER TABLE resource_versions DROP COLUMN IF EXISTS datastore_table`);
    await q.query(`DROP TABLE IF EXISTS upload_reports`);
    await q.query(`DROP SCHEMA IF EXISTS datastore CASCADE`);
  }
}
