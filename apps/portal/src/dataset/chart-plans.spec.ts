import { classOption, seriesOption, waterClassRank } from './chart-options';
import { chartPlan, COUNT_MEASURE, filtersFor, hasCoordinates, initialValue, metricOf, offersAll, windowStart, type ChartPlan } from './chart-plans';
import { cellText, operatorsFor, toConditions } from './row-filters';
import { wallClock } from './time';

const plan = (id: string): ChartPlan => {
  const found = chartPlan(id);
  if (!found) throw new Error(`no plan for ${id}`);
  return found;
};

describe('chart plans', () => {
  it('has a plan for every standard with something to draw, and maps any file whose fields hold coordinates', () => {
    for (const id of ['air-quality-hourly', 'air-quality-daily', 'surface-water', 'social-insurance', 'hotline-12345', 'budget-final-accounts', 'housing-allocation']) {
      expect(chartPlan(id)).toBeDefined();
    }
    expect(chartPlan('administrative-penalty')).toBeUndefined();
    const field = (name: string, type = 'number') => ({ name, type });
    expect(hasCoordinates([field('station_name', 'string'), field('longitude'), field('latitude')])).toBe(true);
    expect(hasCoordinates([field('name', 'string'), field('longitude')])).toBe(false);
    expect(hasCoordinates([field('longitude', 'string'), field('latitude', 'string')])).toBe(false);
  });

  it('never adds up what must not be added: budgets with final accounts, levels, rates, totals with their parts', () => {
    const budget = plan('budget-final-accounts');
    const kind = budget.filters.find((filter) => filter.field === 'budget_kind')!;
    expect(offersAll(budget, kind, ['决算', '预算'])).toBe(false);
    expect(initialValue(budget, kind, ['决算', '预算'])).toBe('预算');
    // Grouped by budget kind, the kind is no filter: budget and final accounts side by side.
    expect(filtersFor(budget, 'budget_kind').map((filter) => filter.field)).toEqual(['level', 'fund_type', 'department']);
    const insurance = plan('social-insurance');
    const area = insurance.filters.find((filter) => filter.field === 'area')!;
    expect(offersAll(insurance, area, ['南岳区', '衡阳市'])).toBe(false);
    expect(initialValue(insurance, area, ['南岳区', '衡阳市'])).toBe('衡阳市');
    expect(offersAll(insurance, area, ['南岳区', '珠晖区'])).toBe(true);
    expect(metricOf(plan('hotline-12345'), 'on_time_rate')).toEqual({ fn: 'AVG', field: 'on_time_rate' });
    expect(metricOf(plan('hotline-12345'), 'received')).toEqual({ fn: 'SUM', field: 'received' });
    expect(metricOf(plan('housing-allocation'), COUNT_MEASURE)).toEqual({ fn: 'COUNT' });
  });

  it('draws one series per group along ordered x values, a total hidden at first, numbers as the page writes them', () => {
    const groups = [
      { key: { period_start: '2026-02-01', handling_unit: '合计' }, values: [30] },
      { key: { period_start: '2026-01-01', handling_unit: '合计' }, values: [20] },
      { key: { period_start: '2026-01-01', handling_unit: '珠晖区' }, values: [12] },
    ];
    const option = seriesOption(groups, { x: 'period_start', grouping: 'handling_unit', kind: 'line', xTitle: 'x', yTitle: 'y', total: '合计', number: (value) => `${value} 件` }) as {
      xAxis: { data: string[] };
      legend: { selected: Record<string, boolean> };
      series: { name: string; data: (number | null)[] }[];
      tooltip: { valueFormatter: (value: unknown) => string };
    };
    expect(option.xAxis.data).toEqual(['2026-01-01', '2026-02-01']);
    expect(option.series).toEqual([expect.objectContaining({ name: '合计', data: [20, 30] }), expect.objectContaining({ name: '珠晖区', data: [12, null] })]);
    expect(option.legend.selected).toEqual({ 合计: false });
    expect(option.tooltip.valueFormatter(12)).toBe('12 件');
  });

  it('orders and colours water classes as GB 3838 does', () => {
    expect(['劣V类', 'III类', 'II 类', 'Ⅳ类'].map(waterClassRank)).toEqual([6, 3, 2, 4]);
    const option = classOption(
      [
        { key: { section: '归阳', water_class: 'III类' }, values: [3] },
        { key: { section: '归阳', water_class: 'II 类' }, values: [9] },
      ],
      'section',
      'water_class',
      '记录数',
    ) as { series: { name: string; data: number[] }[] };
    expect(option.series.map((series) => [series.name, series.data])).toEqual([
      ['II 类', [9]],
      ['III类', [3]],
    ]);
  });

  it('cuts a long series to its most recent part, written the way the API writes times', () => {
    // The API writes datetimes with their offset: the start is written the same way, in China time.
    const zoned = windowStart('2026-09-01T00:00:00+08:00', '2026-09-30T23:00:00+08:00', 4320);
    expect(zoned).toMatch(/^2026-09-2\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(Date.parse(zoned!)).toBeGreaterThan(Date.parse('2026-09-23T00:00:00+08:00'));
    // 30 days of 6 stations hourly: 4320 points, about 1000 kept, ending at the last reading.
    const start = windowStart('2026-09-01T00:00:00', '2026-09-30T23:00:00', 4320);
    expect(start).toMatch(/^2026-09-2\dT\d\d:\d\d:\d\d$/);
    const kept = (Date.parse('2026-09-30T23:00:00Z') - Date.parse(`${start}Z`)) / 3_600_000;
    expect(kept * 6).toBeLessThanOrEqual(1000);
    expect(kept * 6).toBeGreaterThan(800);
    expect(windowStart('2026-09-01 00:00', '2026-09-30 20:00', 900)).toBeUndefined();
    expect(windowStart('2026-09-01 00:00', '2026-09-30 20:00', 5000)).toMatch(/^2026-09-\d\d \d\d:\d\d$/);
    expect(windowStart('2019', '2025', 5000)).toBeUndefined();
  });
});

describe('preview filters', () => {
  it('offers comparisons by field type and sends numbers as numbers', () => {
    expect(operatorsFor('string')).toEqual(['contains', 'eq']);
    expect(operatorsFor('number')).toEqual(['eq', 'gte', 'lte']);
    const types = new Map([
      ['aqi', 'integer'],
      ['station_name', 'string'],
    ]);
    expect(
      toConditions(
        [
          { field: 'aqi', op: 'gte', value: ' 100 ' },
          { field: 'station_name', op: 'contains', value: '市监测站' },
        ],
        types,
      ),
    ).toEqual([
      { field: 'aqi', gte: 100 },
      { field: 'station_name', contains: '市监测站' },
    ]);
  });

  it('shows datetimes as China wall-clock text and empty cells as nothing', () => {
    expect(wallClock('2026-09-01T08:00:00')).toBe('2026-09-01 08:00');
    expect(wallClock('2026-09-01T00:00:00+08:00')).toBe('2026-09-01 00:00');
    expect(wallClock('2026-08-31T16:00:00Z')).toBe('2026-09-01 00:00');
    expect(wallClock('2026-09-01T00:00:30.000Z')).toBe('2026-09-01 08:00:30');
    expect(wallClock('2026-09-01')).toBe('2026-09-01');
    expect(wallClock('0734-8100171')).toBe('0734-8100171');
    expect(cellText('2026-09-01T08:30:00')).toBe('2026-09-01 08:30');
    expect(cellText(null)).toBe('');
    expect(cellText(3.5)).toBe('3.5');
    expect(cellText({ a: 1 })).toBe('{"a":1}');
  });
});
