import { chartPlan, hasCoordinates, windowStart } from './chart-plans';
import { cellText, operatorsFor, toConditions, wallClock } from './row-filters';

describe('chart plans', () => {
  it('has a plan for the standards the brief names, and maps only the standards with coordinates', () => {
    for (const id of ['air-quality-hourly', 'surface-water', 'social-insurance', 'hotline-12345', 'budget-final-accounts']) {
      expect(chartPlan(id)).toBeDefined();
    }
    expect(chartPlan('administrative-penalty')).toBeUndefined();
    expect(hasCoordinates('air-quality-hourly')).toBe(true);
    expect(hasCoordinates('surface-water')).toBe(false);
  });

  it('cuts a long series to its most recent part, written the way the API writes times', () => {
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

  it('shows datetimes as wall-clock text and empty cells as nothing', () => {
    expect(wallClock('2026-09-01T08:00:00')).toBe('2026-09-01 08:00');
    expect(cellText('2026-09-01T08:30:00')).toBe('2026-09-01 08:30');
    expect(cellText(null)).toBe('');
    expect(cellText(3.5)).toBe('3.5');
    expect(cellText({ a: 1 })).toBe('{"a":1}');
  });
});
