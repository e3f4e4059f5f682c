import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-offs that list their files, and deadlines that are current when read.
 *
 * review_events.txid groups the events one act wrote (an approval's record and file releases share it), so
 * that a sign-off can name the files it approved. Events written before this migration have none; they are
 * grouped by their transaction's timestamp, which they share.
 *
 * dataset_deadlines replaces dataset_timeliness, which a daily job recomputed (so lists lagged up to a day):
 * it holds, per rule of each dataset, when its open period falls due and how its closed periods went. Those
 * change only with the data, and readers compare the due times with the clock. The application fills the
 * table at its first start (deadline_rules_version records for which version of the arithmetic it did).
 */
export class WorkflowAndDeadlines1765200000000 implements MigrationInterface {
  name = 'WorkflowAndDeadlines1765200000000';

  async up(q: QueryRunner): Promise<void> {
    // Added without a default first, so that existing rows stay NULL instead of sharing this migration's txid.
    await q.query(`ALTER TABLE review_events ADD COLUMN txid bigint`);
    await q.query(`ALTER TABLE review_events ALTER COLUMN txid SET DEFAULT txid_current()`);

    await q.query(`DROP TABLE dataset_timeliness`);
    await q.query(`
      CREATE TABLE dataset_deadlines (
        dataset_id uuid NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        rule_key text NOT NULL,
        due_at timestamptz,
        closed_periods integer NOT NULL CHECK (closed_periods >= 0),
        closed_on_time integer NOT NULL CHECK (closed_on_time BETWEEN 0 AND closed_periods),
        PRIMARY KEY (dataset_id, rule_key)
      )`);
    await q.query(`CREATE INDEX dataset_deadlines_due ON dataset_deadlines (due_at) WHERE due_at IS NOT NULL`);
    await q.query(`CREATE TABLE deadline_rules_version (version integer NOT NULL, rebuilt_at timestamptz NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS deadline_rules_version`);
    await q.query(`DROP TABLE IF EXISTS dataset_deadlines`);
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
    await q.query(`ALTER TABLE review_events DROP COLUMN txid`);
  }
}
