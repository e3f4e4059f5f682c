import {
  AQI_BREAKPOINTS,
  AqiPeriods,
  AqiPollutant,
  aqiCategory,
  aqiLevel,
  computeDailyAqi,
  computeHourlyAqi,
  iaqi,
} from './aqi';

describe('iaqi (HJ 633-2012 linear formula, rounded up)', () => {
  // Expected values worked out by hand: IAQI = (IH - IL) / (BPH - BPL) * (C - BPL) + IL, then ceil.
  const cases: Array<[AqiPollutant, AqiPeriods[AqiPollutant], number, number | null]> = [
    ['PM2.5', '24h', 0, 0],
    ['PM2.5', '24h', 35, 50],
    ['PM2.5', '24h', 36, 52], // 50/40*1+50 = 51.25
    ['PM2.5', '24h', 38, 54], // 53.75
    ['PM2.5', '24h', 75, 100],
    ['PM2.5', '24h', 76, 102], // 50/40*1+100 = 101.25
    ['PM2.5', '24h', 115, 150],
    ['PM2.5', '24h', 150, 200],
    ['PM2.5', '24h', 250, 300],
    ['PM2.5', '24h', 350, 400],
    ['PM2.5', '24h', 500, 500],
    ['PM10', '24h', 50, 50],
    ['PM10', '24h', 51, 51], // 50.5
    ['PM10', '24h', 93, 72], // 71.5
    ['PM10', '24h', 150, 100],
    ['PM10', '24h', 600, 500],
    ['SO2', '1h', 150, 50],
    ['SO2', '1h', 411, 88], // 50/350*261+50 = 87.29
    ['SO2', '1h', 800, 200],
    ['SO2', '24h', 50, 50],
    ['SO2', '24h', 200, 108], // 50/325*50+100 = 107.69
    ['SO2', '24h', 2620, 500],
    ['NO2', '1h', 129, 65], // 64.5
    ['NO2', '1h', 200, 100],
    ['NO2', '24h', 40, 50],
    ['NO2', '24h', 81, 101], // 100.5
    ['CO', '1h', 0.5, 5],
    ['CO', '1h', 1.1, 11], // 11.000000000000002 in floating point: must not become 12
    ['CO', '1h', 5, 50],
    ['CO', '1h', 10, 100],
    ['CO', '1h', 13.6, 108], // 50/25*3.6+100 = 107.2
    ['CO', '24h', 2, 50],
    ['CO', '24h', 3, 75],
    ['CO', '24h', 4.1, 101], // 100.5
    ['O3', '1h', 160, 50],
    ['O3', '1h', 164, 55],
    ['O3', '1h', 200, 100],
    ['O3', '1h', 1200, 500],
    ['O3', '8h', 100, 50],
    ['O3', '8h', 132, 77], // 50/60*32+50 = 76.67
    ['O3', '8h', 265, 200],
    ['O3', '8h', 800, 300],
  ];

  it.each(cases)('%s %s at %p -> %p', (pollutant, period, concentration, expected) => {
    expect(iaqi(pollutant, period, concentration)).toBe(expected);
  });

  it('is continuous at every breakpoint: the value just above a breakpoint is one more level step', () => {
    expect(iaqi('PM2.5', '24h', 75.01)).toBe(101);
    expect(iaqi('NO2', '1h', 100.01)).toBe(51);
  });

  it('does not compute SO2 from the 1-hour table above 800', () => {
    expect(iaqi('SO2', '1h', 801)).toBeNull();
  });

  it('does not compute O3 from the 8-hour table above 800', () => {
    expect(iaqi('O3', '8h', 801)).toBeNull();
  });

  it('caps every other table at 500 beyond its top breakpoint', () => {
    expect(iaqi('PM2.5', '24h', 501)).toBe(500);
    expect(iaqi('PM10', '24h', 1000)).toBe(500);
    expect(iaqi('CO', '1h', 200)).toBe(500);
    expect(iaqi('O3', '1h', 1500)).toBe(500);
    expect(iaqi('SO2', '24h', 3000)).toBe(500);
  });

  it('treats missing, negative and non-finite concentrations as missing', () => {
    expect(iaqi('PM10', '24h', null)).toBeNull();
    expect(iaqi('PM10', '24h', undefined)).toBeNull();
    expect(iaqi('PM10', '24h', -1)).toBeNull();
    expect(iaqi('PM10', '24h', Number.NaN)).toBeNull();
  });

  it('refuses a period the standard has no table for', () => {
    expect(() => iaqi('PM2.5', '1h' as never, 10)).toThrow(/no 1h breakpoints for PM2.5/);
  });

  it('has eight breakpoints per table except the two that stop early', () => {
    expect(AQI_BREAKPOINTS.SO2['1h']).toHaveLength(5);
    expect(AQI_BREAKPOINTS.O3['8h']).toHaveLength(6);
    expect(AQI_BREAKPOINTS.CO['24h']).toHaveLength(8);
  });
});

describe('aqiLevel / aqiCategory', () => {
  const bounds: Array<[number, number, string]> = [
    [0, 1, '优'],
    [50, 1, '优'],
    [51, 2, '良'],
    [100, 2, '良'],
    [101, 3, '轻度污染'],
    [150, 3, '轻度污染'],
    [151, 4, '中度污染'],
    [200, 4, '中度污染'],
    [201, 5, '重度污染'],
    [300, 5, '重度污染'],
    [301, 6, '严重污染'],
    [500, 6, '严重污染'],
  ];
  it.each(bounds)('AQI %p is level %p (%s)', (aqi, level, category) => {
    expect(aqiLevel(aqi)).toBe(level);
    expect(aqiCategory(aqi)).toBe(category);
  });
});

describe('computeHourlyAqi (CNEMC convention)', () => {
  it('rates PM2.5 by its 1-hour value on the 24-hour table and leaves a missing pollutant out', () => {
    // A real 2018-02-20 07:00 row (万寿西宫, PM10 missing) published as AQI 54, 良, 细颗粒物(PM2.5).
    const result = computeHourlyAqi({ so2: 3, no2: 17, pm10: null, pm2_5: 38, co: 0.7, o3: 84 });
    expect(result.aqi).toBe(54);
    expect(result.iaqi).toEqual({ SO2: 1, NO2: 9, PM10: null, 'PM2.5': 54, CO: 7, O3: 27 });
    expect(result.primaryPollutants).toEqual(['PM2.5']);
    expect(result.level).toBe(2);
    expect(result.category).toBe('良');
    expect(result.exceeding).toEqual([]);
  });

  it('lists every pollutant that ties for the highest sub-index', () => {
    const result = computeHourlyAqi({ so2: 17, no2: 32, pm10: 93, pm2_5: 52, co: 2.0, o3: 34 });
    expect(result.aqi).toBe(72);
    expect(result.primaryPollutants).toEqual(['PM10', 'PM2.5']);
  });

  it('names no primary pollutant at AQI 50 and one at 51', () => {
    expect(computeHourlyAqi({ pm2_5: 35, o3: 20 }).primaryPollutants).toEqual([]);
    const at51 = computeHourlyAqi({ pm10: 51, o3: 20 });
    expect(at51.aqi).toBe(51);
    expect(at51.primaryPollutants).toEqual(['PM10']);
  });

  it('lists sub-indexes above 100 as exceeding, not those at exactly 100', () => {
    const result = computeHourlyAqi({ pm2_5: 76, pm10: 150, o3: 210 });
    expect(result.exceeding).toEqual(['PM2.5', 'O3']);
    expect(result.iaqi.O3).toBe(105);
    expect(result.primaryPollutants).toEqual(['O3']);
    expect(result.category).toBe('轻度污染');
  });

  it('uses the 24-hour SO2 when the 1-hour SO2 is above 800', () => {
    expect(computeHourlyAqi({ so2: 900, so2_24h: 200 }).iaqi.SO2).toBe(108);
    expect(computeHourlyAqi({ so2: 900 }).iaqi.SO2).toBeNull();
    // Below 800 the 24-hour value must not be consulted.
    expect(computeHourlyAqi({ so2: 150, so2_24h: 2000 }).iaqi.SO2).toBe(50);
  });

  it('rates CO in mg/m3', () => {
    expect(computeHourlyAqi({ co: 13.6, pm2_5: 25 }).aqi).toBe(108);
  });

  it('returns no AQI, level or category when nothing was measured', () => {
    const result = computeHourlyAqi({ so2: null, pm2_5: null });
    expect(result).toMatchObject({ aqi: null, level: null, category: null, primaryPollutants: [], exceeding: [] });
  });
});

describe('computeDailyAqi', () => {
  it('rates ozone on both its 1-hour and 8-hour daily maxima', () => {
    const result = computeDailyAqi({ pm2_5_24h: 30, pm10_24h: 45, o3_1h_max: 164, o3_8h_max: 132, co_24h: 0.8 });
    expect(result.iaqi.O3).toBe(55);
    expect(result.iaqi.O3_8h).toBe(77);
    expect(result.aqi).toBe(77);
    expect(result.primaryPollutants).toEqual(['O3_8h']);
  });

  it('uses the 24-hour tables for the other pollutants', () => {
    const result = computeDailyAqi({ so2_24h: 200, no2_24h: 81, co_24h: 4.1 });
    expect(result.iaqi).toMatchObject({ SO2: 108, NO2: 101, CO: 101 });
    expect(result.exceeding).toEqual(['SO2', 'NO2', 'CO']);
  });

  it('falls back on the 1-hour ozone when the 8-hour maximum is above 800', () => {
    const result = computeDailyAqi({ o3_1h_max: 900, o3_8h_max: 820, pm2_5_24h: 40 });
    expect(result.iaqi.O3_8h).toBeNull();
    expect(result.iaqi.O3).toBe(350);
    expect(result.aqi).toBe(350);
    expect(result.primaryPollutants).toEqual(['O3']);
    expect(result.level).toBe(6);
  });
});
