import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller, requireDatasetWriter } from '@opendata/auth';
import { FieldError, badInput, notFound } from '@opendata/common';
import { DataSource } from 'typeorm';
import { DatasetService } from '../dataset.service';
import { DatasetEntity, OrganizationEntity } from '../entities';
import { writeAs } from '../negative-list/actor';
import { CalendarService } from './calendar.service';
import { DeadlineRule, FREQUENCY_PERIODS, Timeline, WorkingCalendar, endOfLocalDay, localDate, timeline } from './deadlines';
import { releasedVersionSql } from '../review/visibility';

export const OBLIGATION_KINDS = ['within-days', 'within-working-days', 'monthly-by-day'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

/** A statutory publication rule on a dataset, beyond its 更新周期. */
export interface Obligation {
  id: string;
  datasetId: string;
  kind: ObligationKind;
  days: number;
  /** The event the deadline runs from (e.g. the budget's approval), YYYY-MM-DD; null for monthly rules. */
  eventOn: string | null;
  label: string;
  /** The rule's legal basis, e.g. 衡阳市2017年政务公开工作要点 第26项. */
  basis: string | null;
}

export interface ObligationInput {
  datasetId: string;
  kind: ObligationKind;
  days: number;
  eventOn?: string | null;
  label: string;
  basis?: string | null;
}

export interface TimelinessPeriod {
  /** 更新周期 or the obligation's label. */
  rule: string;
  dueAt: Date;
  publishedAt: Date | null;
  onTime: boolean;
}

export interface TimelinessRecord {
  datasetId: string;
  nextDueAt: Date | null;
  overdue: boolean;
  periods: TimelinessPeriod[];
  onTimeCount: number;
  /** On-time share of the counted periods; null when none is counted yet. */
  onTimeRate: number | null;
}

export interface OverdueDataset {
  dataset: DatasetEntity;
  nextDueAt: Date;
}

export interface OrganizationTimeliness {
  organization: OrganizationEntity;
  datasets: number;
  overdue: number;
  periods: number;
  onTime: number;
  onTimeRate: number | null;
}

interface DatasetFacts {
  id: string;
  organizationId: string;
  updateFrequency: string;
  createdOn: string;
  publishedOn: string[];
  publishedAt: Date[];
}

/**
 * Deadlines of published datasets: from their 更新周期 and their statutory obligations, against the days a
 * version was published. A daily job materialises the result (dataset_timeliness) for lists and rates; one
 * dataset's public record is computed live.
 */
@Injectable()
export class TimelinessService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly datasets: DatasetService,
    private readonly calendar: CalendarService,
  ) {}

  async obligationsOf(datasetIds: readonly string[]): Promise<Obligation[]> {
    const rows = await this.db.query(
      `SELECT id, dataset_id, kind, days, to_char(event_on, 'YYYY-MM-DD') AS event_on, label, basis FROM dataset_obligations
       WHERE dataset_id = ANY($1::uuid[]) ORDER BY created_at`,
      [datasetIds],
    );
    return rows.map(obligationFromRow);
  }

  async addObligation(caller: Caller, input: ObligationInput): Promise<Obligation> {
    const dataset = await this.datasets.get(caller, { id: input.datasetId });
    requireDatasetWriter(caller, dataset.organizationId);
    const problems: FieldError[] = [];
    if (!OBLIGATION_KINDS.includes(input.kind)) problems.push({ path: 'kind', message: `must be one of ${OBLIGATION_KINDS.join(', ')}` });
    const maxDays = input.kind === 'monthly-by-day' ? 31 : 366;
    if (!Number.isInteger(input.days) || input.days < 1 || input.days > maxDays) problems.push({ path: 'days', message: `must be an integer from 1 to ${maxDays}` });
    const eventOn = input.eventOn ?? null;
    if (input.kind !== 'monthly-by-day' && !eventOn) problems.push({ path: 'eventOn', message: 'give the date the deadline runs from' });
    if (eventOn && (!/^\d{4}-\d{2}-\d{2}$/.test(eventOn) || Number.isNaN(Date.parse(eventOn)))) problems.push({ path: 'eventOn', message: 'must be a date YYYY-MM-DD' });
    if (!input.label?.trim() || input.label.length > 200) problems.push({ path: 'label', message: 'describe the obligation (1-200 characters)' });
    if (problems.length) throw badInput(problems);
    const rows = await writeAs(this.db, caller, (manager) => manager.query(
      `INSERT INTO dataset_obligations (dataset_id, kind, days, event_on, label, basis, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id, dataset_id, kind, days, to_char(event_on, 'YYYY-MM-DD') AS event_on, label, basis`,
      [dataset.id, input.kind, input.days, input.kind === 'monthly-by-day' ? null : eventOn, input.label.trim(), input.basis?.trim() || null, caller.userId],
    ));
    return obligationFromRow(rows[0]);
  }

  async removeObligation(caller: Caller, id: string): Promise<Obligation> {
    const rows = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.db.query(`SELECT id, dataset_id, kind, days, to_char(event_on, 'YYYY-MM-DD') AS event_on, label, basis FROM dataset_obligations WHERE id = $1`, [id])
      : [];
    if (!rows.length) throw notFound('Obligation', id);
    const obligation = obligationFromRow(rows[0]);
    const dataset = await this.datasets.get(caller, { id: obligation.datasetId });
    requireDatasetWriter(caller, dataset.organizationId);
    await writeAs(this.db, caller, (manager) => manager.query(`DELETE FROM dataset_obligations WHERE id = $1`, [id]));
    return obligation;
  }

  /** One dataset's public on-time record, computed now. */
  async recordOf(caller: Caller, datasetId: string, now = new Date()): Promise<TimelinessRecord> {
    const dataset = await this.datasets.get(caller, { id: datasetId });
    const [facts] = await this.facts([dataset.id]);
    const obligations = await this.obligationsOf([dataset.id]);
    return evaluate(facts ?? emptyFacts(dataset), obligations, localDate(now), await this.calendar.load());
  }

  /** Recomputes every published dataset's deadlines (the daily job). */
  async recompute(now = new Date()): Promise<{ datasets: number; overdue: number }> {
    const [facts, calendar] = await Promise.all([this.facts(null), this.calendar.load()]);
    const obligations = groupBy(await this.obligationsOf(facts.map((f) => f.id)), (o) => o.datasetId);
    const today = localDate(now);
    const records = facts.map((f) => ({ facts: f, record: evaluate(f, obligations.get(f.id) ?? [], today, calendar) }));
    await this.db.transaction(async (manager) => {
      await manager.query(`DELETE FROM dataset_timeliness`);
      await manager.query(
        `INSERT INTO dataset_timeliness (dataset_id, organization_id, next_due_at, overdue, periods, on_time, computed_at)
         SELECT x.*, now() FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::boolean[], $5::int[], $6::int[]) AS x`,
        [
          records.map((r) => r.facts.id),
          records.map((r) => r.facts.organizationId),
          records.map((r) => r.record.nextDueAt),
          records.map((r) => r.record.overdue),
          records.map((r) => r.record.periods.length),
          records.map((r) => r.record.onTimeCount),
        ],
      );
    });
    return { datasets: records.length, overdue: records.filter((r) => r.record.overdue).length };
  }

  /** Published datasets past a deadline at the last recomputation, most overdue first. */
  async overdue(organizationSlug: string | null, limit: number): Promise<OverdueDataset[]> {
    const rows: Array<{ dataset_id: string; next_due_at: Date }> = await this.db.query(
      `SELECT t.dataset_id, t.next_due_at FROM dataset_timeliness t
       JOIN datasets d ON d.id = t.dataset_id AND d.deleted_at IS NULL AND d.status = 'published'
       JOIN organizations o ON o.id = d.organization_id
       WHERE t.overdue AND ($1::text IS NULL OR o.slug = $1)
       ORDER BY t.next_due_at, t.dataset_id LIMIT $2`,
      [organizationSlug, limit],
    );
    const datasets = new Map((await this.datasets.findByIds(rows.map((r) => r.dataset_id))).map((d) => [d.id, d]));
    return rows.filter((r) => datasets.has(r.dataset_id)).map((r) => ({ dataset: datasets.get(r.dataset_id)!, nextDueAt: r.next_due_at }));
  }

  /** Each organization's on-time record at the last recomputation. */
  async organizationRates(): Promise<OrganizationTimeliness[]> {
    const rows = await this.db.query(
      `SELECT o.id, count(t.dataset_id)::int AS datasets, count(*) FILTER (WHERE t.overdue)::int AS overdue,
              coalesce(sum(t.periods), 0)::int AS periods, coalesce(sum(t.on_time), 0)::int AS on_time
       FROM organizations o JOIN dataset_timeliness t ON t.organization_id = o.id
       GROUP BY o.id`,
    );
    const organizations = await this.db.getRepository(OrganizationEntity).find({ order: { name: 'ASC' } });
    const byId = new Map<string, { datasets: number; overdue: number; periods: number; on_time: number }>(rows.map((r: { id: string }) => [r.id, r]));
    return organizations
      .filter((o) => byId.has(o.id))
      .map((organization) => {
        const r = byId.get(organization.id)!;
        return { organization, datasets: r.datasets, overdue: r.overdue, periods: r.periods, onTime: r.on_time, onTimeRate: r.periods ? r.on_time / r.periods : null };
      });
  }

  /** Published live datasets (all, or the given ones) with the instants their versions were published. */
  private async facts(ids: string[] | null): Promise<DatasetFacts[]> {
    const rows = await this.db.query(
      `SELECT d.id, d.organization_id, d.update_frequency, d.created_at,
              coalesce(array_agg(v.created_at ORDER BY v.created_at) FILTER (WHERE v.id IS NOT NULL), '{}') AS published
       FROM datasets d
       LEFT JOIN resources r ON r.dataset_id = d.id AND r.deleted_at IS NULL
       LEFT JOIN resource_versions v ON v.resource_id = r.id AND ${releasedVersionSql('v')}
       WHERE d.deleted_at IS NULL AND d.status = 'published' AND ($1::uuid[] IS NULL OR d.id = ANY($1::uuid[]))
       GROUP BY d.id`,
      [ids],
    );
    return rows.map((r: { id: string; organization_id: string; update_frequency: string; created_at: Date; published: Date[] }) => ({
      id: r.id,
      organizationId: r.organization_id,
      updateFrequency: r.update_frequency,
      createdOn: localDate(r.created_at),
      publishedAt: r.published.map((p) => new Date(p)),
      publishedOn: r.published.map((p) => localDate(new Date(p))),
    }));
  }
}

function emptyFacts(dataset: DatasetEntity): DatasetFacts {
  return { id: dataset.id, organizationId: dataset.organizationId, updateFrequency: dataset.updateFrequency, createdOn: localDate(dataset.createdAt), publishedOn: [], publishedAt: [] };
}

/** Every rule of a dataset evaluated and combined: the earliest open deadline, late if any rule is late. */
function evaluate(facts: DatasetFacts, obligations: Obligation[], today: string, calendar: WorkingCalendar): TimelinessRecord {
  const rules: Array<{ label: string; rule: DeadlineRule }> = [];
  const period = FREQUENCY_PERIODS[facts.updateFrequency] ?? null;
  if (period) rules.push({ label: `更新周期: ${facts.updateFrequency}`, rule: { kind: 'frequency', period } });
  for (const o of obligations) {
    const rule: DeadlineRule = o.kind === 'monthly-by-day' ? { kind: o.kind, day: o.days } : { kind: o.kind, days: o.days, eventOn: o.eventOn! };
    rules.push({ label: o.label, rule });
  }
  const firstInstantOf = (day: string): Date | null => facts.publishedAt[facts.publishedOn.indexOf(day)] ?? null;
  const periods: TimelinessPeriod[] = [];
  let next: string | null = null;
  let overdue = false;
  for (const { label, rule } of rules) {
    const t: Timeline = timeline(rule, facts.publishedOn, facts.createdOn, today, calendar);
    for (const p of t.periods) periods.push({ rule: label, dueAt: endOfLocalDay(p.dueOn), publishedAt: p.publishedOn ? firstInstantOf(p.publishedOn) : null, onTime: p.onTime });
    if (t.nextDueOn && (next === null || t.nextDueOn < next)) next = t.nextDueOn;
    overdue ||= t.overdue;
  }
  const onTimeCount = periods.filter((p) => p.onTime).length;
  return { datasetId: facts.id, nextDueAt: next ? endOfLocalDay(next) : null, overdue, periods, onTimeCount, onTimeRate: periods.length ? onTimeCount / periods.length : null };
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
