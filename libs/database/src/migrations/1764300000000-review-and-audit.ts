import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review before publication (保密审查) and the audit trail.
 *
 * review_events is the history of each dataset's review: submissions, sign-offs (with the SHA-256 of what was
 * approved), returns and withdrawals. A resource version is released (public) once it has an approve or
 * publish event; versions themselves stay immutable, so their state lives here. Both tables are append-only,
 * enforced by triggers like the resource_versions immutability trigger.
 *
 * audit_log receives one row per written row of the audited tables, from a trigger, in the same transaction
 * as the write. Who wrote is read from the transaction-local setting `opendata.actor` (a JSON object with id
 * and name) that the application sets at the start of every transaction.
 */
export class ReviewAndAudit1764300000000 implements MigrationInterface {
  name = 'ReviewAndAudit1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organizations ADD COLUMN review_required boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE memberships DROP CONSTRAINT memberships_role_check`);
    await q.query(`ALTER TABLE memberships ADD CONSTRAINT memberships_role_check CHECK (role IN ('admin', 'editor', 'reviewer', 'member'))`);
    await q.query(`ALTER TABLE datasets DROP CONSTRAINT datasets_status_check`);
    await q.query(`ALTER TABLE datasets ADD CONSTRAINT datasets_status_check CHECK (status IN ('draft', 'submitted', 'published', 'withdrawn'))`);

    await q.query(`
      CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);

    await q.query(`
      CREATE TABLE review_events (
        id bigserial PRIMARY KEY,
        dataset_id uuid NOT NULL REFERENCES datasets(id) ON DELETE RESTRICT,
        version_id uuid REFERENCES resource_versions(id) ON DELETE RESTRICT,
        action text NOT NULL CHECK (action IN ('submit', 'approve', 'publish', 'return', 'withdraw')),
        actor_id uuid,
        actor_name text NOT NULL,
        comment text,
        sha256 char(64) CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (action NOT IN ('approve', 'publish') OR sha256 IS NOT NULL),
        CHECK (action NOT IN ('return', 'withdraw') OR length(coalesce(comment, '')) > 0)
      )`);
    await q.query(`CREATE INDEX review_events_dataset ON review_events (dataset_id, id)`);
    // A version is released at most once; the index also serves the released-version predicate.
    await q.query(`CREATE UNIQUE INDEX review_events_released ON review_events (version_id) WHERE action IN ('approve', 'publish')`);
    await q.query(`CREATE INDEX review_events_version ON review_events (version_id, id) WHERE version_id IS NOT NULL`);
    await q.query(`CREATE TRIGGER review_events_append_only BEFORE UPDATE OR DELETE ON review_events FOR EACH ROW EXECUTE FUNCTION append_only()`);
    await q.query(`CREATE TRIGGER review_events_no_truncate BEFORE TRUNCATE ON review_events FOR EACH STATEMENT EXECUTE FUNCTION append_only()`);

    // Versions published before review existed were public: record them as released by the system.
    await q.query(`
      INSERT INTO review_events (dataset_id, version_id, action, actor_name, comment, sha256, created_at)
      SELECT r.dataset_id, v.id, 'publish', 'system', '审查流程启用前已发布', v.sha256, v.created_at
      FROM resource_versions v JOIN resources r ON r.id = v.resource_id`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        actor_name text NOT NULL,
        table_name text NOT NULL,
        row_key text NOT NULL,
        operation text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
        changed text[] NOT NULL DEFAULT '{}',
        hash_before char(64),
        hash_after char(64),
        txid bigint NOT NULL DEFAULT txid_current()
      )`);
    await q.query(`CREATE INDEX audit_log_row ON audit_log (table_name, row_key, id)`);
    await q.query(`CREATE INDEX audit_log_actor ON audit_log (actor_id, id)`);
    await q.query(`CREATE INDEX audit_log_at ON audit_log (at)`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION append_only()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION append_only()`);

    // TG_ARGV: columns that are derived or bookkeeping (search documents, last-use times). An update that
    // changes nothing else is not a write worth recording; they are left out of the hashes too.
    await q.query(`
      CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ignored text[] := coalesce(TG_ARGV::text[], '{}');
        before jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) - ignored END;
        after jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) - ignored END;
        actor jsonb := nullif(current_setting('opendata.actor', true), '')::jsonb;
        row_json jsonb := coalesce(after, before);
        changed text[] := '{}';
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF before = after THEN RETURN NULL; END IF;
          SELECT coalesce(array_agg(k ORDER BY k), '{}') INTO changed
          FROM jsonb_object_keys(after) k WHERE after -> k IS DISTINCT FROM before -> k;
        END IF;
        INSERT INTO audit_log (actor_id, actor_name, table_name, row_key, operation, changed, hash_before, hash_after)
        VALUES (
          (actor ->> 'id')::uuid,
          coalesce(actor ->> 'name', 'database:' || session_user),
          TG_TABLE_NAME,
          coalesce(row_json ->> 'id',
                   concat_ws('/', row_json ->> 'dataset_id', row_json ->> 'user_id', row_json ->> 'organization_id',
                             row_json ->> 'tag_id', row_json ->> 'theme_code', row_json ->> 'schema_id',
                             row_json ->> 'version', row_json ->> 'key')),
          TG_OP,
          changed,
          CASE WHEN before IS NOT NULL THEN encode(sha256(convert_to(before::text, 'UTF8')), 'hex') END,
          CASE WHEN after IS NOT NULL THEN encode(sha256(convert_to(after::text, 'UTF8')), 'hex') END
        );
        RETURN NULL;
      END $$`);
    for (const [table, ignored] of AUDITED_TABLES) {
      const args = ignored.map((c) => `'${c}'`).join(', ');
      await q.query(
        `CREATE TRIGGER ${table}_audit AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_row(${args})`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of AUDITED_TABLES) await q.query(`DROP TRIGGER IF EXISTS ${table}_audit ON ${table}`);
    await q.query(`DROP FUNCTION IF EXISTS audit_row()`);
    await q.query(`DROP TABLE IF EXISTS audit_log`);
    await q.query(`DROP TABLE IF EXISTS review_events`);
    await q.query(`DROP FUNCTION IF EXISTS append_only()`);
    await q.query(`UPDATE datasets SET status = 'draft' WHERE status = 'submitted'`);
    await q.query(`ALTER TABLE datasets DROP CONSTRAINT datasets_status_check`);
    await q.query(`ALTER TABLE datasets ADD CONSTRAINT datasets_status_check CHECK (status IN ('draft', 'published', 'withdrawn'))`);
    await q.query(`DELETE FROM memberships WHERE role = 'reviewer'`);
    await q.query(`ALTER TABLE memberships DROP CONSTRAINT memberships_role_check`);
    await q.query(`ALTER TABLE memberships ADD CONSTRAINT memberships_role_check CHECK (role IN ('admin', 'editor', 'member'))`);
    await q.query(`ALTER TABLE organizations DROP COLUMN review_required`);
  }
}

/** Tables whose writes are audited, with the columns left out of the record (derived or bookkeeping). */
const AUDITED_TABLES: Array<[string, string[]]> = [
  ['users', []],
  ['api_tokens', ['last_used_at', 'token_hash']],
  ['organizations', ['updated_at']],
  ['memberships', []],
  ['datasets', ['search_vector', 'search_text', 'facet_themes', 'facet_tags', 'facet_formats', 'updated_at', 'modified']],
  ['dataset_themes', []],
  ['dataset_tags', []],
  ['tags', []],
  ['resources', ['updated_at']],
  ['resource_versions', []],
  ['upload_reports', []],
  ['collection_schemas', []],
  ['review_events', []],
  ['platform_state', ['updated_at']],
];
