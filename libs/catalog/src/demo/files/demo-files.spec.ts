import { parse } from 'csv-parse/sync';
import { isValidResidentId } from '../../../../common/src/identifiers';
import { computeHourlyAqi } from '../../../../validation/src/standards/aqi';
import { classifyWater } from '../../../../validation/src/standards/water-quality';
import { AIR_QUALITY_HOURLY_HEADER, airQualityHourlyCsv } from './air-quality-hourly';
import {
  HOUSING_ALLOCATION_HEADER,
  housingAllocationCsv,
  housingAllocationRecords,
  maskName,
  maskResidentId,
} from './housing-allocation';
import { DEMO_FILES, FLAGSHIP_FILES } from './index';
import { mulberry32 } from './prng';
import { HENGYANG_DIVISIONS, SOCIAL_INSURANCE_HEADER, socialInsuranceCsv } from './social-insurance';
import { SURFACE_WATER_HEADER, surfaceWaterCsv } from './surface-water';

type Row = Record<string, string>;

// Generated once: the air file takes a few hundred milliseconds.
const files = {
  air: airQualityHourlyCsv(),
  water: surfaceWaterCsv(),
  social: socialInsuranceCsv(),
  housing: housingAllocationCsv(),
};

function records(csv: string): Row[] {
  return parse(csv, { columns: true });
}

function headerOf(csv: string): string[] {
  return csv.slice(0, csv.indexOf('\n')).split(',');
}

function num(cell: string): number | null {
  return cell === '' ? null : Number(cell);
}

/** Hundredths as integers, so sums compare exactly. */
function cents(cell: string): number {
  return Math.round(Number(cell) * 100);
}

describe('mulberry32', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const c = mulberry32(2);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('DEMO_FILES', () => {
  it('start with the files of the four flagships, and every file is marked 示例数据', () => {
    expect(FLAGSHIP_FILES.map((f) => f.key)).toEqual([
      'air-quality-hourly',
      'surface-water',
      'social-insurance',
      'housing-allocation',
    ]);
    expect(DEMO_FILES.slice(0, 4)).toEqual(FLAGSHIP_FILES);
    for (const file of DEMO_FILES) {
      expect(file.fileName).toMatch(/示例数据.*\.csv$/);
      expect(file.description).toContain('示例数据');
    }
  });

  const cases = DEMO_FILES.map((f) => [f.key, f] as const);
  it.each(cases)('%s is deterministic, LF-only, BOM-free and rectangular', (_, file) => {
    const text = file.generate();
    expect(file.generate()).toBe(text);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text).not.toContain('\r');
    expect(text.endsWith('\n')).toBe(true);
    const table: string[][] = parse(text);
    expect(table.every((row) => row.length === table[0].length)).toBe(true);
    expect(table.some((row) => row[0].startsWith('#'))).toBe(false);
  });
});

describe('air quality hourly', () => {
  const rows = records(files.air);

  it('has the exact header and 6 stations x 720 hours', () => {
    expect(headerOf(files.air)).toEqual([...AIR_QUALITY_HOURLY_HEADER]);
    expect(rows).toHaveLength(4320);
    expect(new Set(rows.map((r) => r.station_code)).size).toBe(6);
    expect(rows.every((r) => /^\d{4}A$/.test(r.station_code) && r.area === '衡阳市')).toBe(true);
    expect(rows[0].time).toBe('2026-09-01 00:00');
    expect(rows[rows.length - 1].time).toBe('2026-09-30 23:00');
  });

  it('publishes the AQI, quality and primary pollutant that the hourly convention computes, on every row', () => {
    const wrong = rows.filter((r) => {
      const result = computeHourlyAqi({
        so2: num(r.so2), so2_24h: num(r.so2_24h), no2: num(r.no2), pm10: num(r.pm10),
        pm2_5: num(r.pm2_5), co: num(r.co), o3: num(r.o3),
      });
      return (
        String(result.aqi) !== r.aqi ||
        result.category !== r.quality ||
        result.primaryPollutants.join(',') !== r.primary_pollutant
      );
    });
    expect(wrong).toEqual([]);
    expect(rows.some((r) => r.primary_pollutant.includes(','))).toBe(true);
    expect(rows.filter((r) => Number(r.aqi) <= 50).every((r) => r.primary_pollutant === '')).toBe(true);
  });

  it('has 24-hour and 8-hour columns that are moving averages of the hourly values', () => {
    const byStation = new Map<string, Row[]>();
    for (const r of rows) byStation.set(r.station_code, [...(byStation.get(r.station_code) ?? []), r]);
    const mean = (values: Array<number | null>) => {
      const known = values.filter((v): v is number => v !== null);
      return known.reduce((s, v) => s + v, 0) / known.length;
    };
    for (const series of byStation.values()) {
      for (let i = 23; i < series.length; i++) {
        const window = series.slice(i - 23, i + 1);
        expect(Number(series[i].pm2_5_24h)).toBe(Math.round(mean(window.map((r) => num(r.pm2_5)))));
        // CO is published with one decimal: within half a unit of that decimal.
        const coMean = mean(window.map((r) => num(r.co)));
        expect(Math.abs(Number(series[i].co_24h) - coMean)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Number(series[i].o3_8h)).toBe(Math.round(mean(window.slice(16).map((r) => num(r.o3)))));
        expect(Number(series[i].o3_8h_24h)).toBe(Math.max(...window.map((r) => Number(r.o3_8h))));
      }
    }
  });

  it('leaves about 0.5 % of station-hours without one pollutant, never more than one per row', () => {
    const pollutants = ['so2', 'no2', 'pm10', 'co', 'o3', 'pm2_5'];
    const gaps = rows.map((r) => pollutants.filter((p) => r[p] === '').length);
    const withGap = gaps.filter((g) => g > 0).length;
    expect(withGap).toBeGreaterThanOrEqual(8);
    expect(withGap).toBeLessThanOrEqual(45);
    expect(Math.max(...gaps)).toBe(1);
  });

  it('looks like a southern city in September', () => {
    const median = (key: string) => {
      const v = rows.map((r) => num(r[key])).filter((x): x is number => x !== null).sort((a, b) => a - b);
      return v[Math.floor(v.length / 2)];
    };
    expect(median('pm2_5')).toBeGreaterThanOrEqual(15);
    expect(median('pm2_5')).toBeLessThanOrEqual(60);
    expect(median('co')).toBeGreaterThanOrEqual(0.5);
    expect(median('co')).toBeLessThanOrEqual(1.2);
    const hourMean = (hour: string, key: string) => {
      const v = rows
        .filter((r) => r.time.endsWith(` ${hour}:00`))
        .map((r) => num(r[key]))
        .filter((x): x is number => x !== null);
      return v.reduce((s, x) => s + x, 0) / v.length;
    };
    expect(hourMean('15', 'o3')).toBeGreaterThan(3 * hourMean('04', 'o3'));
    expect(hourMean('08', 'no2')).toBeGreaterThan(1.5 * hourMean('14', 'no2'));
  });
});

describe('surface water', () => {
  const rows = records(files.water);

  it('has the exact header and 5 sections every 4 hours for 30 days', () => {
    expect(headerOf(files.water)).toEqual([...SURFACE_WATER_HEADER]);
    expect(rows).toHaveLength(5 * 6 * 30);
    expect(new Set(rows.map((r) => r['断面名称'])).size).toBe(5);
    const fixedColumns = rows.map((r) => [r['省份'], r['流域'], r['所属地市'], r['所属河流']].join());
    expect(new Set(fixedColumns)).toEqual(new Set(['湖南省,长江流域,衡阳市,湘江']));
    expect(rows[rows.length - 1]['监测时间']).toBe('2026-09-30 20:00');
  });

  it('publishes the class that the river rules compute, on every row', () => {
    const wrong = rows.filter((r) => {
      const { labelZh } = classifyWater(
        {
          pH: num(r.pH), dissolvedOxygen: num(r['溶解氧']), permanganateIndex: num(r['高锰酸盐指数']),
          ammoniaNitrogen: num(r['氨氮']), totalPhosphorus: num(r['总磷']),
        },
        'river',
      );
      return labelZh !== r['水质类别'];
    });
    expect(wrong).toEqual([]);
  });

  it('is mostly class II-III with occasional class IV', () => {
    const count = (label: string) => rows.filter((r) => r['水质类别'] === label).length;
    expect(count('Ⅱ类') + count('Ⅲ类')).toBeGreaterThanOrEqual(0.95 * rows.length);
    expect(count('Ⅳ类')).toBeGreaterThan(0);
    expect(count('Ⅴ类') + count('劣Ⅴ类')).toBe(0);
  });
});

describe('social insurance', () => {
  const rows = records(files.social);
  const numeric = SOCIAL_INSURANCE_HEADER.slice(4);

  it('has the exact header and 7 years x 13 areas x 4 schemes', () => {
    expect(headerOf(files.social)).toEqual([...SOCIAL_INSURANCE_HEADER]);
    expect(rows).toHaveLength(7 * 13 * 4);
    const areas = new Map(rows.map((r) => [r['行政区划代码'], r['地区']]));
    expect(Object.fromEntries(areas)).toEqual({
      '430400': '衡阳市',
      ...Object.fromEntries(HENGYANG_DIVISIONS.map((d) => [d.code, d.name])),
    });
  });

  it('has every city figure equal to the sum of its 12 divisions', () => {
    const city = rows.filter((r) => r['行政区划代码'] === '430400');
    expect(city).toHaveLength(28);
    for (const total of city) {
      const parts = rows.filter((r) => r['统计年度'] === total['统计年度'] && r['险种'] === total['险种'] && r !== total);
      expect(parts).toHaveLength(12);
      for (const column of numeric) {
        if (total[column] === '') continue;
        expect(parts.reduce((sum, r) => sum + cents(r[column]), 0)).toBe(cents(total[column]));
      }
    }
  });

  it('splits 城镇职工 insured into employees and retirees, and only that scheme', () => {
    for (const r of rows) {
      if (r['险种'] === '城镇职工基本养老保险') {
        expect(cents(r['其中参保职工(万人)']) + cents(r['其中离退休人员(万人)'])).toBe(cents(r['期末参保人数(万人)']));
      } else {
        expect([r['其中参保职工(万人)'], r['其中离退休人员(万人)']]).toEqual(['', '']);
      }
    }
  });

  it('carries the fund balance over: balance = last balance + income - expenditure, and stays positive', () => {
    for (const r of rows.filter((x) => x['统计年度'] !== '2019')) {
      const previous = rows.find(
        (x) => Number(x['统计年度']) === Number(r['统计年度']) - 1 && x['行政区划代码'] === r['行政区划代码'] && x['险种'] === r['险种'],
      ) as Row;
      expect(cents(r['累计结存(亿元)'])).toBe(cents(previous['累计结存(亿元)']) + cents(r['基金收入(亿元)']) - cents(r['基金支出(亿元)']));
    }
    expect(rows.every((r) => Number(r['累计结存(亿元)']) > 0)).toBe(true);
  });
});

describe('housing allocation', () => {
  const rows = records(files.housing);
  const raw = housingAllocationRecords();

  it('has the exact header and about 400 rows', () => {
    expect(headerOf(files.housing)).toEqual([...HOUSING_ALLOCATION_HEADER]);
    expect(rows.length).toBeGreaterThanOrEqual(380);
    expect(rows.length).toBeLessThanOrEqual(420);
  });

  it('contains no unmasked resident ID and no mobile number', () => {
    expect(files.housing).not.toMatch(/\d{17}[\dXx]/);
    expect(files.housing).not.toMatch(/(?<!\d)(\+?86)?1[3-9]\d{9}(?!\d)/);
    expect(rows.every((r) => /^[1-9]\d{5}\*{8}\d{3}[\dX]$/.test(r['身份证号(已脱敏)']))).toBe(true);
  });

  it('masks real-looking identities: valid IDs underneath, only their mask published', () => {
    expect(raw).toHaveLength(rows.length);
    raw.forEach((record, i) => {
      expect(isValidResidentId(record.residentId)).toBe(true);
      expect(rows[i]['身份证号(已脱敏)']).toBe(maskResidentId(record.residentId));
      expect(rows[i]['申请人(已脱敏)']).toBe(maskName(record.applicantName));
      expect(files.housing).not.toContain(record.residentId);
    });
    expect(rows.every((r) => /^\p{Script=Han}{1,2}\*+$/u.test(r['申请人(已脱敏)']))).toBe(true);
  });

  it('charges 8-12 yuan per m² a month, and leaves waiting households without a flat', () => {
    for (const r of rows) {
      if (r['配租结果'] === '已配租') {
        const rate = Number(r['月租金(元)']) / Number(r['套型面积(平方米)']);
        expect(rate).toBeGreaterThanOrEqual(8);
        expect(rate).toBeLessThanOrEqual(12);
      } else {
        expect(r['配租结果']).toBe('轮候');
        expect([r['房号'], r['月租金(元)']]).toEqual(['', '']);
      }
    }
  });
});

describe('maskName / maskResidentId', () => {
  it.each([
    ['张三丰', '张**'],
    ['李四', '李*'],
    ['欧阳娜', '欧阳*'],
    ['欧阳晓明', '欧阳**'],
    ['欧阳', '欧*'],
  ])('maskName(%s) = %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('keeps the region and the last four characters of an 18-character ID', () => {
    expect(maskResidentId('430405199001011234')).toBe('430405********1234');
    expect(maskResidentId('43040519900101123X')).toBe('430405********123X');
  });

  it('masks the birth date of an old 15-digit ID', () => {
    expect(maskResidentId('430405900101123')).toBe('430405******123');
  });

  it('refuses anything that is not an ID number', () => {
    expect(() => maskResidentId('13912345678')).toThrow();
    expect(() => maskResidentId('')).toThrow();
  });
});
