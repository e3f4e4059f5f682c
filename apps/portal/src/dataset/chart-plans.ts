import type { RowMetric, RowMetricFunction } from '../gql/graphql';
import { formatLike, parseTime } from './time';

/** A filter the reader may set on a field that is not the current grouping. */
export interface ChartFilter {
  field: string;
  /** The value chosen before the reader picks one (e.g. the budget rather than the final accounts). */
  initial?: string;
  /** No "all" choice: adding its values up would be meaningless (budgets and final accounts, 类 and 款 levels). */
  required?: boolean;
}

/**
 * What the chart of a collection standard shows: a measure (the reader picks which) along `x`, one line or bar
 * per value of a grouping field (the reader picks which), with filters on the other fields. Chosen from the
 * standards themselves: AQI and pollutants over time by station (HJ 633), factors by section (GB 3838),
 * insured persons and funds by year and scheme, hotline cases by handling unit, budgets by kind and subject.
 */
export interface ChartPlan {
  x: string;
  /** x is a point in time: long series are cut to their most recent part (1,000 points at most). */
  timeline: boolean;
  groupings: string[];
  /** Fields measured; COUNT_MEASURE counts rows (households allocated, readings taken). */
  measures: string[];
  fn: RowMetricFunction;
  /** Measures averaged whatever `fn` is: rates and percentages never add up. */
  averaged?: string[];
  kind: 'line' | 'bar';
  filters: ChartFilter[];
  /**
   * Rows that are totals of the others (合计, the city as a whole): as a series they start hidden (the reader
   * shows them from the legend); as a filter they replace "all", which would count everything twice.
   */
  totals?: Record<string, string>;
  /** A second chart of row counts by a class field, e.g. water quality class by section. */
  classes?: { field: string; by: string };
}

export const COUNT_MEASURE = '__rows';

const PLANS: Record<string, ChartPlan> = {
  'air-quality-hourly': {
    x: 'time',
    timeline: true,
    groupings: ['station_name', 'area'],
    measures: ['aqi', 'pm2_5', 'pm10', 'o3', 'no2', 'so2', 'co'],
    fn: 'AVG',
    kind: 'line',
    filters: [{ field: 'area' }, { field: 'station_name' }],
  },
  'air-quality-daily': {
    x: 'date',
    timeline: true,
    groupings: ['station_name', 'area'],
    measures: ['aqi', 'pm2_5_24h', 'pm10_24h', 'o3_8h_max', 'no2_24h', 'so2_24h', 'co_24h'],
    fn: 'AVG',
    kind: 'line',
    filters: [{ field: 'area' }, { field: 'station_name' }],
  },
  'surface-water': {
    x: 'monitoring_time',
    timeline: true,
    groupings: ['section', 'river'],
    measures: ['dissolved_oxygen', 'permanganate_index', 'ammonia_nitrogen', 'total_phosphorus', 'ph', 'water_temperature'],
    fn: 'AVG',
    kind: 'line',
    filters: [{ field: 'river' }, { field: 'section' }],
    classes: { field: 'water_class', by: 'section' },
  },
  'social-insurance': {
    x: 'year',
    timeline: false,
    groupings: ['insurance_type', 'area'],
    measures: ['insured', 'fund_income', 'fund_expenditure', 'fund_balance'],
    fn: 'SUM',
    kind: 'line',
    filters: [{ field: 'area' }, { field: 'insurance_type', initial: '城镇职工基本养老保险', required: true }],
    totals: { area: '衡阳市' },
  },
  'hotline-12345': {
    x: 'period_start',
    timeline: false,
    groupings: ['handling_unit'],
    measures: ['received', 'handled', 'completed', 'complaints', 'on_time_rate', 'satisfaction_rate'],
    fn: 'SUM',
    averaged: ['on_time_rate', 'satisfaction_rate'],
    kind: 'line',
    filters: [],
    totals: { handling_unit: '合计' },
  },
  'budget-final-accounts': {
    x: 'year',
    timeline: false,
    groupings: ['budget_kind', 'subject_name', 'fund_type'],
    measures: ['amount', 'basic_expenditure', 'project_expenditure'],
    fn: 'SUM',
    kind: 'bar',
    filters: [{ field: 'budget_kind', initial: '预算', required: true }, { field: 'level', initial: '类', required: true }, { field: 'fund_type' }, { field: 'department' }],
  },
  'housing-allocation': {
    x: 'project',
    timeline: false,
    groupings: ['guarantee_type', 'result'],
    measures: [COUNT_MEASURE, 'household_size', 'area', 'monthly_rent'],
    fn: 'AVG',
    kind: 'bar',
    filters: [{ field: 'result' }, { field: 'guarantee_type' }],
  },
};

export function chartPlan(schemaId: string): ChartPlan | undefined {
  return PLANS[schemaId];
}

/** The aggregate metric of a measure under a plan. */
export function metricOf(plan: ChartPlan, measure: string): RowMetric {
  if (measure === COUNT_MEASURE) return { fn: 'COUNT' };
  return { fn: plan.averaged?.includes(measure) ? 'AVG' : plan.fn, field: measure };
}

/** The filters offered while the reader groups by `grouping`. */
export function filtersFor(plan: ChartPlan, grouping: string): ChartFilter[] {
  return plan.filters.filter((filter) => filter.field !== grouping);
}

/** The value a filter starts with among the values the file has: its initial one, its total, or the first when required. */
export function initialValue(plan: ChartPlan, filter: ChartFilter, values: string[]): string {
  const total = plan.totals?.[filter.field];
  for (const candidate of [filter.initial, total]) if (candidate && values.includes(candidate)) return candidate;
  return filter.required || total ? (values[0] ?? '') : '';
}

/** Whether a filter offers "all": not when its values must not be added up. */
export function offersAll(plan: ChartPlan, filter: ChartFilter, values: string[]): boolean {
  const total = plan.totals?.[filter.field];
  return !filter.required && !(total && values.includes(total));
}

/** Fields whose rows carry positions: a file of any schema with both is drawn on the map. */
export function hasCoordinates(fields: readonly { name: string; type: string }[]): boolean {
  const numeric = (name: string) => fields.some((field) => field.name === name && (field.type === 'number' || field.type === 'integer'));
  return numeric('longitude') && numeric('latitude');
}

/** Where a long time series starts so that about `budget` points remain, given the first and last times. */
export function windowStart(first: string, last: string, count: number, budget = 1000): string | undefined {
  if (count <= budget) return undefined;
  const start = parseTime(first);
  const end = parseTime(last);
  if (start === undefined || end === undefined || end <= start) return undefined;
  // From a whole hour: a start like 17:12:30 would read as an arbitrary cut.
  const from = Math.floor((end - ((end - start) * budget * 0.9) / count) / 3_600_000) * 3_600_000;
  return formatLike(last, from);
}
