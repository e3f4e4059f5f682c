/**
 * Publication deadlines as pure date arithmetic (plan items 10, 26, 27, 30). Dates are calendar dates in the
 * city's time zone (China Standard Time, UTC+8 all year), written YYYY-MM-DD; a deadline counted in days is met
 * by anything published up to the end of its due day, one counted in hours by the due instant.
 */

/** Days that differ from the Monday-to-Friday week: `false` = public holiday, `true` = make-up working day (调休). */
export type WorkingCalendar = ReadonlyMap<string, boolean>;

export type DeadlineRule =
  /** 更新周期: the next publication is due one period after the last one. */
  | { kind: 'frequency'; period: Period }
  /** Within N calendar days of an event (e.g. 预决算 within 20 days of approval). */
  | { kind: 'within-days'; days: number; eventOn: string }
  /** Within N working days of an event (e.g. 政策解读 within 3 working days of the document). */
  | { kind: 'within-working-days'; days: number; eventOn: string }
  /** Each month's data by day D of the following month (clamped to the month's length). */
  | { kind: 'monthly-by-day'; day: number };

/** Sub-daily periods are counted in hours from the publication instant; the others in calendar days and months. */
export type Period = { months: number } | { days: number } | { hours: number };

export interface DeadlinePeriod {
  dueAt: Date;
  /** The publication that closed the period; null when it is still open. */
  publishedAt: Date | null;
  onTime: boolean;
}

/** What is known of a rule's deadlines without a clock: the closed periods and when the open one falls due. */
export interface Schedule {
  periods: DeadlinePeriod[];
  /** Due time of the open period; null when nothing more is due. */
  nextDueAt: Date | null;
}

export interface Timeline {
  /** Closed periods, and the open one when its due time has passed (counted as late). */
  periods: DeadlinePeriod[];
  nextDueAt: Date | null;
  overdue: boolean;
}

const CST_OFFSET_MS = 8 * 3600_000;

/** The date in China Standard Time of an instant. */
export function localDate(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of a date in China Standard Time. */
export function endOfLocalDay(date: string): Date {
  return new Date(`${date}T23:59:59.999+08:00`);
}

function parts(date: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function format(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return format(y, m, d + days);
}

/** Calendar months later, on the same day or the month's last day when it is shorter (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Day `day` of the month `months` after the date's month, clamped to that month's length. */
export function dayOfMonthAfter(date: string, months: number, day: number): string {
  const first = addMonths(date.slice(0, 8) + '01', months);
  const [y, m] = parts(first);
  return format(y, m, Math.min(day, daysInMonth(y, m)));
}

/** ISO weekday, 1 = Monday ... 7 = Sunday. */
export function weekday(date: string): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  return calendar.get(date) ?? weekday(date) <= 5;
}

/** The N-th working day after a date (the date itself not counted). */
export function addWorkingDays(date: string, days: number, calendar: WorkingCalendar): string {
  let current = date;
  for (let left = days; left > 0; ) {
    current = addDays(current, 1);
    if (isWorkingDay(current, calendar)) left--;
  }
  return current;
}

export function addPeriod(date: string, period: Exclude<Period, { hours: number }>): string {
  return 'months' in period ? addMonths(date, period.months) : addDays(date, period.days);
}

const HOUR_MS = 3600_000;

/** When a frequency rule falls due after a publication: hours are counted from the instant, longer periods in calendar days. */
export function dueAfter(published: Date, period: Period): Date {
  if ('hours' in period) return new Date(published.getTime() + period.hours * HOUR_MS);
  return endOfLocalDay(addPeriod(localDate(published), period));
}

/**
 * The deadlines of one rule against the instants something was published, from `start` (when the dataset was
 * opened): the closed periods and the due time of the open one. It does not depend on the time of asking,
 * which is why it can be stored and compared with the clock when read (`timeline`). Rules counted in days
 * count one publication a day (the first); hourly rules count each publication.
 */
export function schedule(rule: DeadlineRule, publishedAt: readonly Date[], start: Date, calendar: WorkingCalendar): Schedule {
  const instants = [...new Set(publishedAt.map((p) => p.getTime()))].sort((a, b) => a - b).map((t) => new Date(t));
  if (rule.kind === 'within-days' || rule.kind === 'within-working-days') {
    const dueOn = rule.kind === 'within-days' ? addDays(rule.eventOn, rule.days) : addWorkingDays(rule.eventOn, rule.days, calendar);
    const dueAt = endOfLocalDay(dueOn);
    const published = instants.find((p) => localDate(p) >= rule.eventOn) ?? null;
    if (published) return { periods: [{ dueAt, publishedAt: published, onTime: published <= dueAt }], nextDueAt: null };
    return { periods: [], nextDueAt: dueAt };
  }
  if (rule.kind === 'frequency' && 'hours' in rule.period) {
    const periods: DeadlinePeriod[] = [];
    let dueAt = dueAfter(start, rule.period);
    for (const p of instants) {
      if (p < start) continue;
      periods.push({ dueAt, publishedAt: p, onTime: p <= dueAt });
      dueAt = dueAfter(p, rule.period);
    }
    return { periods, nextDueAt: dueAt };
  }
  return dailySchedule(rule, instants, localDate(start));
}

function dailySchedule(rule: Extract<DeadlineRule, { kind: 'frequency' | 'monthly-by-day' }>, instants: Date[], startOn: string): Schedule {
  const firstOfDay = new Map<string, Date>();
  for (const p of instants) if (!firstOfDay.has(localDate(p))) firstOfDay.set(localDate(p), p);
  const next = (after: string, due: string | null): string => {
    if (rule.kind === 'frequency') return addPeriod(after, rule.period as Exclude<Period, { hours: number }>);
    const byPublication = dayOfMonthAfter(after, 1, rule.day);
    const byPeriod = due ? dayOfMonthAfter(due, 1, rule.day) : byPublication;
    return byPublication > byPeriod ? byPublication : byPeriod;
  };
  const periods: DeadlinePeriod[] = [];
  let dueOn = next(startOn, null);
  for (const [day, instant] of firstOfDay) {
    if (day < startOn) continue;
    periods.push({ dueAt: endOfLocalDay(dueOn), publishedAt: instant, onTime: day <= dueOn });
    dueOn = next(day, dueOn);
  }
  return { periods, nextDueAt: endOfLocalDay(dueOn) };
}

/** A schedule as seen at `now`: an open period whose due time has passed counts as late. */
export function timeline(rule: DeadlineRule, publishedAt: readonly Date[], start: Date, now: Date, calendar: WorkingCalendar): Timeline {
  return atTime(schedule(rule, publishedAt, start, calendar), now);
}

export function atTime(s: Schedule, now: Date): Timeline {
  const overdue = s.nextDueAt !== null && now > s.nextDueAt;
  return { periods: overdue ? [...s.periods, { dueAt: s.nextDueAt!, publishedAt: null, onTime: false }] : s.periods, nextDueAt: s.nextDueAt, overdue };
}

/**
 * 更新周期 as deadline periods, one per frequency of the vocabulary (EU frequency codes in brackets). Hourly
 * feeds are due an hour after their last publication. A real-time feed (UPDATE_CONT) has no period of its
 * own; the finest cadence a feed of files shows is the hour, so it is held to that: silent for more than an
 * hour, it is late. Irregular datasets have no deadline of their own.
 */
export const FREQUENCY_PERIODS: Record<string, Period | null> = {
  实时: { hours: 1 },
  每小时: { hours: 1 },
  每日: { days: 1 },
  每周: { days: 7 },
  每月: { months: 1 },
  每季度: { months: 3 },
  每半年: { months: 6 },
  每年: { months: 12 },
  不定期: null,
};
