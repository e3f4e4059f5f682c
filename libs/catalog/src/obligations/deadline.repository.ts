import { Injectable } from '@nestjs/common';
import { SqlRepository, Tx } from '@opendata/database';
import { DataSource } from 'typeorm';
import { DeadlineFacts, Obligation, ObligationKind, RuleSchedule, scheduleRules } from './dataset-deadlines';
import { WorkingCalendar } from './deadlines';

/**
 * Bumped whenever the deadline arithmetic changes: at start the stored deadlines are rebuilt once for the new
 * rules (2: sub-daily frequencies counted in hours).
 */
export const DEADLINE_RULES_VERSION = 2;

export interface OverdueRow {
  datasetId: string;
  dueAt: Date;
}

export interface OrganizationDeadlineRow {
  organizationId: string;
  datasets: number;
  overdue: number;
  periods: number;
  onTime: number;
}

const OBLIGATION_COLUMNS = `id, dataset_id, kind, days, to_char(event_on, 'YYYY-MM-DD') AS event_on, label, basis`;

/**
 * The stored deadlines (dataset_deadlines): for each rule of each dataset, when its open period falls due and
 * how many closed periods were on time. They change only when the data does (a release, a changed 更新周期,
 * an obligation, the calendar), so the writes that change them refresh them in their own transaction, and
 * every read compares the stored due times with the clock in SQL: an answer is current when it is read.
 */
@Injectable()
export class DeadlineRepository extends SqlRepository {
  /** Recomputes the stored deadlines of the given datasets (all live datasets when null). */
  async refresh(datasetIds: readonly string[] | null, tx?: Tx): Promise<number> {
    const q = this.on(tx);
    const facts = await this.facts(datasetIds, tx);
    const obligations = groupBy(await this.obligationsOf(facts.map((f) => f.id), tx), (o) => o.datasetId);
    const calendar = await this.calendar(tx);
    const rows = facts.flatMap((f) => scheduleRules(f, obligations.get(f.id) ?? [], calendar).map((r) => ({ datasetId: f.id, rule: r })));
    if (datasetIds === null) await q.query(`DELETE FROM dataset_deadlines`);
    else await q.query(`DELETE FROM dataset_deadlines WHERE dataset_id = ANY($1::uuid[])`, [datasetIds]);
    await this.insert(rows, tx);
    return facts.length;
  }

  /** Rebuilds every stored deadline once after the arithmetic changed (DEADLINE_RULES_VERSION); true when it did. */
  ensureCurrentRules(): Promise<boolean> {
    return this.ensureRulesVersion(this.db, DEADLINE_RULES_VERSION);
  }

  /** Rebuilds every stored deadline once per version of the arithmetic, on the given data source; true when it did. */
  async ensureRulesVersion(db: DataSource, version: number): Promise<boolean> {
    return db.transaction(async (m) => {
      // One process rebuilds; the others wait here and find the version recorded.
      await m.query(`LOCK TABLE deadline_rules_version IN EXCLUSIVE MODE`);
      const [row] = await m.query(`SELECT version FROM deadline_rules_version`);
      if (row?.version === version) return false;
      await this.refresh(null, m);
      await m.query(`DELETE FROM deadline_rules_version`);
      await m.query(`INSERT INTO deadline_rules_version (version, rebuilt_at) VALUES ($1, now())`, [version]);
      return true;
    });
  }

  /** Published datasets with a due time before `now`, earliest first. */
  async overdue(now: Date, organizationSlug: string | null, limit: number, tx?: Tx): Promise<OverdueRow[]> {
    const rows: Array<{ dataset_id: string; due_at: Date }> = await this.on(tx).query(
      `SELECT x.dataset_id, min(x.due_at) AS due_at
       FROM dataset_deadlines x
       JOIN datasets d ON d.id = x.dataset_id AND d.deleted_at IS NULL AND d.status = 'published'
       JOIN organizations o ON o.id = d.organization_id
       WHERE x.due_at < $1 AND ($2::text IS NULL OR o.slug = $2)
       GROUP BY x.dataset_id ORDER BY min(x.due_at), x.dataset_id LIMIT $3`,
      [now, organizationSlug, limit],
    );
    return rows.map((r) => ({ datasetId: r.dataset_id, dueAt: r.due_at }));
  }

  /** Per organization with published datasets: how many, how many overdue at `now`, periods counted and on time. */
  async organizationTotals(now: Date, tx?: Tx): Promise<OrganizationDeadlineRow[]> {
    const rows = await this.on(tx).query(
      `WITH per_dataset AS (
         SELECT t.dataset_id, bool_or(t.due_at < $1) AS overdue,
                sum(t.closed_periods + CASE WHEN t.due_at < $1 THEN 1 ELSE 0 END) AS periods, sum(t.closed_on_time) AS on_time
         FROM dataset_deadlines t GROUP BY t.dataset_id)
       SELECT d.organization_id, count(*)::int AS datasets, count(*) FILTER (WHERE x.overdue)::int AS overdue,
              coalesce(sum(x.periods), 0)::int AS periods, coalesce(sum(x.on_time), 0)::int AS on_time
       FROM datasets d LEFT JOIN per_dataset x ON x.dataset_id = d.id
       WHERE d.deleted_at IS NULL AND d.status = 'published'
       GROUP BY d.organization_id`,
      [now],
    );
    return rows.map((r: Record<string, unknown>) => ({
      organizationId: r.organization_id as string,
      datasets: r.datasets as number,
      overdue: r.overdue as number,
      periods: r.periods as number,
      onTime: r.on_time as number,
    }));
  }

  /** Live datasets (all, or the given ones) with the instants their versions were released. */
  async facts(datasetIds: readonly string[] | null, tx?: Tx): Promise<DeadlineFacts[]> {
    const rows = await this.on(tx).query(
      `SELECT d.id, d.organization_id, d.update_frequency, d.created_at,
              coalesce(array_agg(e.created_at ORDER BY e.created_at) FILTER (WHERE e.id IS NOT NULL), '{}') AS published
       FROM datasets d
       LEFT JOIN resources r ON r.dataset_id = d.id AND r.deleted_at IS NULL
       LEFT JOIN resource_versions v ON v.resource_id = r.id
       LEFT JOIN review_events e ON e.version_id = v.id AND e.action IN ('approve', 'publish')
       WHERE d.deleted_at IS NULL AND ($1::uuid[] IS NULL OR d.id = ANY($1::uuid[]))
       GROUP BY d.id`,
      [datasetIds],
    );
    return rows.map((r: { id: string; organization_id: string; update_frequency: string; created_at: Date; published: Array<Date | string> }) => ({
      id: r.id,
      organizationId: r.organization_id,
      updateFrequency: r.update_frequency,
      createdAt: new Date(r.created_at),
      publishedAt: r.published.map((p) => new Date(p)),
    }));
  }

  async obligationsOf(datasetIds: readonly string[], tx?: Tx): Promise<Obligation[]> {
    const rows = await this.on(tx).query(`SELECT ${OBLIGATION_COLUMNS} FROM dataset_obligations WHERE dataset_id = ANY($1::uuid[]) ORDER BY created_at`, [datasetIds]);
    return rows.map(obligationFromRow);
  }

  async obligation(id: string, tx?: Tx): Promise<Obligation | null> {
    const rows = await this.on(tx).query(`SELECT ${OBLIGATION_COLUMNS} FROM dataset_obligations WHERE id = $1`, [id]);
    return rows.length ? obligationFromRow(rows[0]) : null;
  }

  async insertObligation(o: Omit<Obligation, 'id'>, createdBy: string | null, tx?: Tx): Promise<Obligation> {
    const rows = await this.on(tx).query(
      `INSERT INTO dataset_obligations (dataset_id, kind, days, event_on, label, basis, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING ${OBLIGATION_COLUMNS}`,
      [o.datasetId, o.kind, o.days, o.eventOn, o.label, o.basis, createdBy],
    );
    return obligationFromRow(rows[0]);
  }

  async deleteObligation(id: string, tx?: Tx): Promise<void> {
    await this.on(tx).query(`DELETE FROM dataset_obligations WHERE id = $1`, [id]);
  }

  /** Datasets whose deadlines count working days, which the calendar moves. */
  async datasetsCountingWorkingDays(tx?: Tx): Promise<string[]> {
    const rows: Array<{ dataset_id: string }> = await this.on(tx).query(`SELECT DISTINCT dataset_id FROM dataset_obligations WHERE kind = 'within-working-days'`);
    return rows.map((r) => r.dataset_id);
  }

  async calendar(tx?: Tx): Promise<WorkingCalendar> {
    const rows: Array<{ day: string; working: boolean }> = await this.on(tx).query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, working FROM calendar_days`);
    return new Map(rows.map((r) => [r.day, r.working]));
  }

  private async insert(rows: Array<{ datasetId: string; rule: RuleSchedule }>, tx?: Tx): Promise<void> {
    if (!rows.length) return;
    await this.on(tx).query(
      `INSERT INTO dataset_deadlines (dataset_id, rule_key, due_at, closed_periods, closed_on_time)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::int[], $5::int[])
       ON CONFLICT (dataset_id, rule_key) DO UPDATE
         SET due_at = EXCLUDED.due_at, closed_periods = EXCLUDED.closed_periods, closed_on_time = EXCLUDED.closed_on_time`,
      [
        rows.map((r) => r.datasetId),
        rows.map((r) => r.rule.key),
        rows.map((r) => r.rule.schedule.nextDueAt),
        rows.map((r) => r.rule.schedule.periods.length),
        rows.map((r) => r.rule.schedule.periods.filter((p) => p.onTime).length),
      ],
    );
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function obligationFromRow(row: Record<string, unknown>): Obligation {
  return {
    id: row.id as string,
    datasetId: row.dataset_id as string,
    kind: row.kind as ObligationKind,
    days: Number(row.days),
    eventOn: (row.event_on as string | null) ?? null,
    label: row.label as string,
    basis: (row.basis as string | null) ?? null,
  };
}
