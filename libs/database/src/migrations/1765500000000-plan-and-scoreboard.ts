import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the openness scoreboard (plan section 5, 强化监督考核) is computed from:
 * - datasets.plan_item: the item of the 2017 plan (衡办发〔2017〕25号, items 1-39) a dataset answers, part of the
 *   catalogue record;
 * - plan_item_leads: which organizations lead (牵头) each item;
 * - upload_outcomes: one row per upload ever validated, valid or not. The reports of rejected uploads are purged
 *   after a week, but the pass rate of an organization must count them for good, so a trigger on
 *   upload_reports keeps this small record of every outcome.
 */
export class PlanAndScoreboard1765500000000 implements MigrationInterface {
  name = 'PlanAndScoreboard1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE datasets ADD COLUMN plan_item smallint CHECK (plan_item BETWEEN 1 AND 39)`);
    await q.query(`CREATE INDEX datasets_plan_item ON datasets (organization_id, plan_item) WHERE plan_item IS NOT NULL AND deleted_at IS NULL`);

    await q.query(`
      CREATE TABLE plan_item_leads (
        plan_item smallint NOT NULL CHECK (plan_item BETWEEN 1 AND 39),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        PRIMARY KEY (plan_item, organization_id)
      )`);
    await q.query(`CREATE INDEX plan_item_leads_organization ON plan_item_leads (organization_id)`);
    // Who is answerable for which item is part of the record of supervision (audit_row of the review-and-audit migration).
    await q.query(`CREATE TRIGGER plan_item_leads_audit AFTER INSERT OR UPDATE OR DELETE ON plan_item_leads FOR EACH ROW EXECUTE FUNCTION audit_row()`);

    await q.query(`
      CREATE TABLE upload_outcomes (
        report_id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        dataset_id uuid REFERENCES datasets(id) ON DELETE SET NULL,
        valid boolean NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX upload_outcomes_organization ON upload_outcomes (organization_id)`);
    await q.query(`
      CREATE FUNCTION record_upload_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO upload_outcomes (report_id, organization_id, dataset_id, valid, created_at)
        SELECT NEW.id, d.organization_id, d.id, NEW.status = 'published' AND coalesce((NEW.report ->> 'valid')::boolean, false), NEW.created_at
        FROM datasets d WHERE d.id = NEW.dataset_id
        ON CONFLICT (report_id) DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER upload_reports_outcome AFTER INSERT ON upload_reports FOR EACH ROW EXECUTE FUNCTION record_upload_outcome()`);
    await q.query(`
      INSERT INTO upload_outcomes (report_id, organization_id, dataset_id, valid, created_at)
      SELECT r.id, d.organization_id, d.id, r.status = 'published' AND coalesce((r.report ->> 'valid')::boolean, false), r.created_at
      FROM upload_reports r JOIN datasets d ON d.id = r.dataset_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS upload_reports_outcome ON upload_reports`);
    await q.query(`DROP FUNCTION IF EXISTS record_upload_outcome()`);
    await q.query(`DROP TABLE IF EXISTS upload_outcomes`);
    await q.query(`DROP TABLE IF EXISTS plan_item_leads`);
    await q.query(`DROP INDEX IF EXISTS datasets_plan_item`);
    await q.query(`ALTER TABLE datasets DROP COLUMN IF EXISTS plan_item`);
  }
}
