import type { RowMetricFunction } from '../gql/graphql';

/**
 * What the chart of a collection standard shows: a measure (the reader picks which) along `x`, one line per
 * value of a grouping field (the reader picks which); the other grouping fields become filters. Chosen from the
 * standards themselves: AQI and pollutants over time by station (HJ 633), factors by section (GB 3838),
 * insured persons and funds by year and scheme, hotline cases and budgets by period.
 */
export interface ChartPlan {
  x: string;
  /** x is a point in time: long series are cut to their most recent part (1,000 points at most). */
  timeline: boolean;
  groupings: string[];
  measures: string[];
  fn: RowMetricFunction;
  kind: 'line' | 'bar';
  /** Filter values chosen before the reader picks one (e.g. the city as a whole rather than every district). */
  defaults?: Record<string, string>;
  /** A second chart of row counts by a class field, e.g. water quality class by section. */
  classes?: { field: string; by: string };
}

const PLANS: Record<string, ChartPlan> = {
  'air-quality-hourly': {
    x: 'time',
    timeline: true,
    groupings: ['station_name', 'area'],
    measures: ['aqi', 'pm2_5', 'pm10', 'o3', 'no2', 'so2', 'co'],
    fn: 'AVG',
    kind: 'line',
  },
  'air-quality-daily': {
    x: 'date',
    timeline: true,
    groupings: ['station_name', 'area'],
    measures: ['aqi', 'pm2_5_24h', 'pm10_24h', 'o3_8h_max', 'no2_24h', 'so2_24h', 'co_24h'],
    fn: 'AVG',
    kind: 'line',
  },
  'surface-water': {
    x: 'monitoring_time',
    timeline: true,
    groupings: ['section', 'river'],
    measures: ['dissolved_oxygen', 'permanganate_index', 'ammonia_nitrogen', 'total_phosphorus', 'ph', 'water_temperature'],
    fn: 'AVG',
    kind: 'line',
    classes: { field: 'water_class', by: 'section' },
  },
  'social-insurance': {
    x: 'year',
    timeline: false,
    groupings: ['insurance_type', 'area'],
    measures: ['insured', 'fund_income', 'fund_expenditure', 'fund_balance'],
    fn: 'SUM',
    kind: 'line',
    defaults: { area: '衡阳市', insurance_type: '城镇职工基本养老保险' },
  },
  'hotline-12345': {
    x: 'period_start',
    timeline: false,
    groupings: ['handling_unit'],
    measures: ['received', 'handled', 'completed', 'complaints', 'on_time_rate', 'satisfaction_rate'],
    fn: 'SUM',
    kind: 'line',
  },
  'budget-final-accounts': {
    x: 'year',
    timeline: false,
    groupings: ['fund_type', 'budget_kind', 'department'],
    measures: ['amount', 'basic_expenditure', 'project_expenditure'],
    fn: 'SUM',
    kind: 'bar',
    defaults: { level: '类' },
  },
  'housing-allocation': {
    x: 'project',
    timeline: false,
    groupings: ['guarantee_type', 'result'],
    measures: ['household_size', 'area', 'monthly_rent'],
    fn: 'AVG',
    kind: 'bar',
  },
};

/** Collection standards whose rows can carry coordinates (HJ 633 station positions, as the CNEMC feed has them). */
const MAPPED = new Set(['air-quality-hourly', 'air-quality-daily']);

export function chartPlan(schemaId: string): ChartPlan | undefined {
  return PLANS[schemaId];
}

export function hasCoordinates(schemaId: string): boolean {
  return MAPPED.has(schemaId);
}

/** Where a long time series starts so that about `budget` points remain, given the first and last times. */
export function windowStart(first: string, last: string, count: number, budget = 1000): string | undefined {
  if (count <= budget) return undefined;
  const start = parseTime(first);
  const end = parseTime(last);
  if (start === undefined || end === undefined || end <= start) return undefined;
  const from = end - ((end - start) * budget * 0.9) / count;
  return formatLike(last, from);
}

// Times come as the API gives datetimes ("2026-09-30T23:00:00", local time without a zone) or as a standard's
// own text ("2026-09-30 23:00"); both are read as wall-clock times and the start is written back the same way.
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:([ T])(\d{2}):(\d{2})(:\d{2})?)?$/;

function parseTime(value: string): number | undefined {
  const match = WALL_CLOCK.exec(value);
  if (!match) return undefined;
  return Date.UTC(+match[1], +match[2] - 1, +match[3], +(match[5] ?? 0), +(match[6] ?? 0));
}

function formatLike(example: string, time: number): string | undefined {
  const match = WALL_CLOCK.exec(example);
  if (!match) return undefined;
  const iso = new Date(time).toISOString();
  if (!match[4]) return iso.slice(0, 10);
  return `${iso.slice(0, 10)}${match[4]}${iso.slice(11, 16)}${match[7] ? iso.slice(16, 19) : ''}`;
}
