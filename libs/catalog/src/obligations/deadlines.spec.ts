import {
  DeadlineRule,
  FREQUENCY_PERIODS,
  WorkingCalendar,
  addMonths,
  addWorkingDays,
  dayOfMonthAfter,
  endOfLocalDay,
  dueAfter,
  isWorkingDay,
  localDate,
  timeline,
  weekday,
} from './deadlines';
import { UPDATE_FREQUENCIES } from '../metadata/vocabularies';

const NO_HOLIDAYS: WorkingCalendar = new Map();
// A test calendar (not an official one): a three-day holiday from Friday 2026-10-02 and a make-up Saturday.
const CALENDAR: WorkingCalendar = new Map([
  ['2026-10-01', false],
  ['2026-10-02', false],
  ['2026-10-05', false],
  ['2026-10-10', true],
]);

describe('calendar arithmetic', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'], // leap year
    ['2100-01-31', 1, '2100-02-28'], // century, not a leap year
    ['2000-01-31', 1, '2000-02-29'], // 400-year rule
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-12-15', 1, '2027-01-15'], // year end
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2026-01-20', 10, '2026-02-10'],
    ['2026-01-20', 31, '2026-02-28'],
    ['2028-01-20', 30, '2028-02-29'],
    ['2026-12-02', 5, '2027-01-05'],
  ])('day %2$i of the month after %1$s = %3$s', (date, day, expected) => {
    expect(dayOfMonthAfter(date, 1, day)).toBe(expected);
  });

  it.each([
    ['2026-11-23', 1],
    ['2026-11-28', 6],
    ['2026-11-29', 7],
    ['2028-02-29', 2],
  ])('weekday(%s) = %i', (date, expected) => {
    expect(weekday(date)).toBe(expected);
  });

  it.each([
    // from a Friday over a weekend
    ['2026-11-27', 3, NO_HOLIDAYS, '2026-12-02'],
    // from a Wednesday, crossing a month end
    ['2026-09-30', 3, NO_HOLIDAYS, '2026-10-05'],
    // the same with the listed holidays (1, 2 and 5 October) and the make-up Saturday (10 October)
    ['2026-09-30', 3, CALENDAR, '2026-10-08'],
    ['2026-10-08', 2, CALENDAR, '2026-10-10'],
    // leap day
    ['2028-02-25', 2, NO_HOLIDAYS, '2028-02-29'],
  ])('addWorkingDays(%s, %i) = %s', (date, days, calendar, expected) => {
    expect(addWorkingDays(date, days, calendar as WorkingCalendar)).toBe(expected);
  });

  it('reads the calendar before the week', () => {
    expect(isWorkingDay('2026-10-10', CALENDAR)).toBe(true);
    expect(isWorkingDay('2026-10-02', CALENDAR)).toBe(false);
    expect(isWorkingDay('2026-10-09', CALENDAR)).toBe(true);
    expect(isWorkingDay('2026-10-11', CALENDAR)).toBe(false);
  });

  it('dates are taken in China Standard Time', () => {
    expect(localDate(new Date('2026-01-31T16:30:00Z'))).toBe('2026-02-01');
    expect(localDate(new Date('2026-01-31T15:59:59Z'))).toBe('2026-01-31');
    expect(endOfLocalDay('2026-02-01').toISOString()).toBe('2026-02-01T15:59:59.999Z');
  });
});

describe('timeline (what overdueDatasets is built from)', () => {
  const monthly: DeadlineRule = { kind: 'frequency', period: { months: 1 } };
  type Row = [string, DeadlineRule, string[], string, string, string | null, boolean, string];

  const cases: Row[] = [
    // rule, publications, start, today -> next due, overdue, on-time string (1 on time, 0 late)
    ['monthly, from a month end, before due', monthly, ['2026-01-31'], '2026-01-01', '2026-02-28', '2026-02-28', false, '1'],
    ['monthly, from a month end, the day after due', monthly, ['2026-01-31'], '2026-01-01', '2026-03-01', '2026-02-28', true, '10'],
    ['monthly, leap February', monthly, ['2028-01-31'], '2028-01-01', '2028-02-29', '2028-02-29', false, '1'],
    ['monthly, leap February passed', monthly, ['2028-01-31'], '2028-01-01', '2028-03-01', '2028-02-29', true, '10'],
    ['monthly, a late publication then on time', monthly, ['2026-03-05', '2026-04-01'], '2026-01-15', '2026-04-20', '2026-05-01', false, '01'],
    ['monthly, two uploads on one day count once', monthly, ['2026-02-10', '2026-02-10'], '2026-01-15', '2026-02-20', '2026-03-10', false, '1'],
    ['weekly over a year end', { kind: 'frequency', period: { days: 7 } }, ['2026-12-28'], '2026-12-22', '2027-01-05', '2027-01-04', true, '10'],
    ['yearly from a leap day', { kind: 'frequency', period: { months: 12 } }, ['2028-02-29'], '2028-01-01', '2029-02-28', '2029-02-28', false, '1'],
    ['never published: due one period after the start', monthly, [], '2026-01-31', '2026-03-01', '2026-02-28', true, '0'],
    // 预决算: within 20 days of approval
    ['20 days, not yet due', { kind: 'within-days', days: 20, eventOn: '2026-02-15' }, [], '2026-01-01', '2026-03-07', '2026-03-07', false, ''],
    ['20 days, passed', { kind: 'within-days', days: 20, eventOn: '2026-02-15' }, [], '2026-01-01', '2026-03-08', '2026-03-07', true, '0'],
    ['20 days, met', { kind: 'within-days', days: 20, eventOn: '2026-02-15' }, ['2026-01-02', '2026-03-07'], '2026-01-01', '2026-04-01', null, false, '1'],
    ['20 days, met late', { kind: 'within-days', days: 20, eventOn: '2026-02-15' }, ['2026-03-08'], '2026-01-01', '2026-04-01', null, false, '0'],
    // 政策解读: within 3 working days, over a weekend and over the listed holidays
    ['3 working days over a weekend', { kind: 'within-working-days', days: 3, eventOn: '2026-11-27' }, [], '2026-11-01', '2026-12-02', '2026-12-02', false, ''],
    ['3 working days, the day after', { kind: 'within-working-days', days: 3, eventOn: '2026-11-27' }, [], '2026-11-01', '2026-12-03', '2026-12-02', true, '0'],
    ['3 working days over the holidays', { kind: 'within-working-days', days: 3, eventOn: '2026-09-30' }, [], '2026-09-01', '2026-10-07', '2026-10-08', false, ''],
    // monthly air-quality data by the 10th of the next month
    ['by the 10th, early publication', { kind: 'monthly-by-day', day: 10 }, ['2026-01-20'], '2026-01-15', '2026-02-15', '2026-03-10', false, '1'],
    ['by the 10th, late', { kind: 'monthly-by-day', day: 10 }, ['2026-02-12'], '2026-01-15', '2026-02-15', '2026-03-10', false, '0'],
    ['by the 31st in February', { kind: 'monthly-by-day', day: 31 }, [], '2026-01-15', '2026-03-01', '2026-02-28', true, '0'],
    ['by the 30th in a leap February', { kind: 'monthly-by-day', day: 30 }, [], '2028-01-15', '2028-02-29', '2028-02-29', false, ''],
    ['by the 5th across a year end', { kind: 'monthly-by-day', day: 5 }, ['2026-12-03'], '2026-11-20', '2027-01-06', '2027-01-05', true, '10'],
  ];

  // Days stand for an instant in the middle of that day in China Standard Time.
  const noon = (day: string) => new Date(`${day}T12:00:00+08:00`);

  it.each(cases)('%s', (_name, rule, published, start, today, nextDueOn, overdue, onTime) => {
    const result = timeline(rule, published.map(noon), noon(start), noon(today), CALENDAR);
    expect(result.nextDueAt).toEqual(nextDueOn ? endOfLocalDay(nextDueOn) : null);
    expect(result.overdue).toBe(overdue);
    expect(result.periods.map((p) => (p.onTime ? '1' : '0')).join('')).toBe(onTime);
  });
});

describe('the next due time of each 更新周期', () => {
  // Published at 10:20 on 31 March 2026, China Standard Time.
  const published = new Date('2026-03-31T10:20:00+08:00');
  const cases: Array<[string, string | null]> = [
    ['实时', '2026-03-31T11:20:00+08:00'],
    ['每小时', '2026-03-31T11:20:00+08:00'],
    ['每日', '2026-04-01T23:59:59.999+08:00'],
    ['每周', '2026-04-07T23:59:59.999+08:00'],
    ['每月', '2026-04-30T23:59:59.999+08:00'],
    ['每季度', '2026-06-30T23:59:59.999+08:00'],
    ['每半年', '2026-09-30T23:59:59.999+08:00'],
    ['每年', '2027-03-31T23:59:59.999+08:00'],
    ['不定期', null],
  ];

  it('covers every frequency of the vocabulary', () => {
    const labels = Object.values(UPDATE_FREQUENCIES).map((f) => f.label);
    expect(cases.map(([label]) => label).sort()).toEqual([...labels].sort());
    expect(Object.keys(FREQUENCY_PERIODS).sort()).toEqual([...labels].sort());
  });

  it.each(cases)('%s', (label, expected) => {
    const period = FREQUENCY_PERIODS[label];
    expect(period ? dueAfter(published, period).toISOString() : null).toBe(expected ? new Date(expected).toISOString() : null);
  });

  it('counts hours across midnight and month ends, where a day-based rule would wait for the end of the next day', () => {
    const hourly = FREQUENCY_PERIODS['每小时']!;
    expect(dueAfter(new Date('2026-03-31T23:30:00+08:00'), hourly).toISOString()).toBe(new Date('2026-04-01T00:30:00+08:00').toISOString());
    expect(dueAfter(new Date('2026-12-31T15:45:00Z'), hourly).toISOString()).toBe('2026-12-31T16:45:00.000Z');
  });

  it('makes an hourly feed overdue a minute after its hour has passed, and counts each publication', () => {
    const rule: DeadlineRule = { kind: 'frequency', period: FREQUENCY_PERIODS['每小时']! };
    const start = new Date('2026-05-01T08:00:00+08:00');
    const published = ['08:30', '09:20', '10:45'].map((t) => new Date(`2026-05-01T${t}:00+08:00`));
    const before = timeline(rule, published, start, new Date('2026-05-01T11:44:00+08:00'), new Map());
    expect(before.nextDueAt?.toISOString()).toBe(new Date('2026-05-01T11:45:00+08:00').toISOString());
    expect(before.overdue).toBe(false);
    // 10:45 came 85 minutes after 09:20: late.
    expect(before.periods.map((p) => (p.onTime ? '1' : '0')).join('')).toBe('110');
    const after = timeline(rule, published, start, new Date('2026-05-01T11:46:00+08:00'), new Map());
    expect(after.overdue).toBe(true);
    expect(after.periods.map((p) => (p.onTime ? '1' : '0')).join('')).toBe('1100');
  });
});
