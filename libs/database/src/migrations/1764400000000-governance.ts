import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supervision of publishing (plan items 5, 26, 27, 30, 32, 33): the negative list (负面清单), statutory
 * publication obligations and the working-day calendar, the materialised timeliness of each dataset, data
 * requests (依申请公开), and a per-organization upload size limit.
 */
const AUDITED = ['negative_list_rules', 'calendar_days', 'dataset_obligations', 'data_requests'];

export class Governance1764400000000 implements MigrationInterface {
  name = 'Governance1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // organization_id NULL = a city-wide rule, applied to every organization.
    await q.query(`
      CREATE TABLE negative_list_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid REFERENCES organizations(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('column', 'term', 'pattern', 'theme', 'schema')),
        value text NOT NULL CHECK (length(value) BETWEEN 1 AND 200),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX negative_list_rules_unique ON negative_list_rules (coalesce(organization_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, value)`);

    // Days that differ from the Monday-to-Friday week: public holidays (working = false) and make-up working
    // days on a weekend (调休, working = true).
    await q.query(`
      CREATE TABLE calendar_days (
        day date PRIMARY KEY,
        working boolean NOT NULL,
        name text NOT NULL
      )`);

    await q.query(`
      CREATE TABLE dataset_obligations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dataset_id uuid NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('within-days', 'within-working-days', 'monthly-by-day')),
        days integer NOT NULL CHECK (days BETWEEN 1 AND 366),
        event_on date,
        label text NOT NULL,
        basis text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (kind = 'monthly-by-day' OR event_on IS NOT NULL),
        CHECK (kind <> 'monthly-by-day' OR days <= 31)
      )`);
    await q.query(`CREATE INDEX dataset_obligations_dataset ON dataset_obligations (dataset_id)`);

    // Recomputed daily (and after changes) from the publication history; read by lists and rates.
    await q.query(`
      CREATE TABLE dataset_timeliness (
        dataset_id uuid PRIMARY KEY REFERENCES datasets(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        next_due_at timestamptz,
        overdue boolean NOT NULL,
        periods integer NOT NULL,
        on_time integer NOT NULL,
        computed_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX dataset_timeliness_overdue ON dataset_timeliness (next_due_at) WHERE overdue`);
    await q.query(`CREATE INDEX dataset_timeliness_organization ON dataset_timeliness (organization_id)`);

    await q.query(`
      CREATE TABLE data_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        dataset_id uuid REFERENCES datasets(id) ON DELETE SET NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
        description text NOT NULL CHECK (length(description) BETWEEN 2 AND 5000),
        requester_name text,
        requester_contact text,
        requester_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        requester_key text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'redirected')),
        response text,
        response_link text,
        redirected_to uuid REFERENCES organizations(id),
        responded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        responded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX data_requests_organization ON data_requests (organization_id, created_at DESC)`);
    await q.query(`CREATE INDEX data_requests_requester ON data_requests (requester_key, created_at DESC)`);

    await q.query(`ALTER TABLE organizations ADD COLUMN upload_max_bytes bigint CHECK (upload_max_bytes >= 1024)`);

    // Changes to these rules are part of the audit trail (audit_row() of the review-and-audit migration).
    for (const table of AUDITED) {
      await q.query(`CREATE TRIGGER ${table}_audit AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_row()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of AUDITED) await q.query(`DROP TRIGGER IF EXISTS ${table}_audit ON ${table}`);
    await q.query(`ALTER TABLE organizations DROP COLUMN IF EXISTS upload_max_bytes`);
    await q.query(`DROP TABLE IF EXISTS data_requests`);
    await q.query(`DROP TABLE IF EXISTS dataset_timeliness`);
    await q.query(`DROP TABLE IF EXISTS dataset_obligations`);
    await q.query(`DROP TABLE IF EXISTS calendar_days`);
    await q.query(`DROP TABLE IF EXISTS negative_list_rules`);
  }
}
