import { DeadlineRule, FREQUENCY_PERIODS, Schedule, WorkingCalendar, atTime, schedule } from './deadlines';

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

/** What a dataset's deadlines are computed from. */
export interface DeadlineFacts {
  id: string;
  organizationId: string;
  updateFrequency: string;
  createdAt: Date;
  /** When each of its versions was released (became public). */
  publishedAt: Date[];
}

/** One rule of a dataset with its schedule; `key` is `frequency` or the obligation's id. */
export interface RuleSchedule {
  key: string;
  /** 更新周期 or the obligation's label. */
  label: string;
  schedule: Schedule;
}

export interface TimelinessPeriod {
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

/** Every rule of a dataset (its 更新周期, then its obligations), scheduled. */
export function scheduleRules(facts: DeadlineFacts, obligations: readonly Obligation[], calendar: WorkingCalendar): RuleSchedule[] {
  const rules: Array<{ key: string; label: string; rule: DeadlineRule }> = [];
  const period = FREQUENCY_PERIODS[facts.updateFrequency] ?? null;
  if (period) rules.push({ key: 'frequency', label: `更新周期: ${facts.updateFrequency}`, rule: { kind: 'frequency', period } });
  for (const o of obligations) {
    const rule: DeadlineRule = o.kind === 'monthly-by-day' ? { kind: o.kind, day: o.days } : { kind: o.kind, days: o.days, eventOn: o.eventOn! };
    rules.push({ key: o.id, label: o.label, rule });
  }
  return rules.map((r) => ({ key: r.key, label: r.label, schedule: schedule(r.rule, facts.publishedAt, facts.createdAt, calendar) }));
}

/** The rules combined as seen at `now`: the earliest open deadline, late if any rule is late. */
export function recordAt(datasetId: string, rules: readonly RuleSchedule[], now: Date): TimelinessRecord {
  const periods: TimelinessPeriod[] = [];
  let next: Date | null = null;
  let overdue = false;
  for (const { label, schedule: s } of rules) {
    const t = atTime(s, now);
    for (const p of t.periods) periods.push({ rule: label, ...p });
    if (t.nextDueAt && (next === null || t.nextDueAt < next)) next = t.nextDueAt;
    overdue ||= t.overdue;
  }
  const onTimeCount = periods.filter((p) => p.onTime).length;
  return { datasetId, nextDueAt: next, overdue, periods, onTimeCount, onTimeRate: periods.length ? onTimeCount / periods.length : null };
}
