/**
 * Measures how well computeHourlyAqi reproduces the AQI published in two real CNEMC hourly snapshots
 * (../shared/data/air_quality, see its SOURCES.txt). The numbers asserted here are the ones quoted at the top
 * of libs/validation/src/standards/aqi.ts, minus a small margin.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sharedData } from './shared-data';
import { parse } from 'csv-parse/sync';
import {
  AqiCategory,
  HourlyConcentrations,
  POLLUTANT_NAMES_ZH,
  computeHourlyAqi,
  iaqi,
} from '../../libs/validation/src/standards/aqi';

const DATA_DIR = sharedData('air_quality');
const MISSING = new Set(['-;', '--', '—', 'NA', '']);
const POLLUTANTS = ['so2', 'no2', 'pm10', 'pm2_5', 'co', 'o3'] as const;

type FeedRow = Record<string, string>;

function value(cell: string | undefined): number | null {
  if (cell === undefined || MISSING.has(cell.trim())) return null;
  const parsed = Number(cell);
  return Number.isFinite(parsed) ? parsed : null;
}

function readFeed(fileName: string): FeedRow[] {
  return parse(readFileSync(resolve(DATA_DIR, fileName), 'utf8'), { columns: true, skip_empty_lines: true });
}

/** The feed's hourly ozone sits in the column labelled o3_24h (see aqi.ts); `ozoneColumn` lets us test both. */
function concentrations(row: FeedRow, ozoneColumn: 'o3' | 'o3_24h'): HourlyConcentrations {
  return {
    so2: value(row.so2),
    so2_24h: value(row.so2_24h),
    no2: value(row.no2),
    pm10: value(row.pm10),
    pm2_5: value(row.pm2_5),
    co: value(row.co),
    o3: value(row[ozoneColumn]),
  };
}

const NAME_BY_ZH = new Map(Object.entries(POLLUTANT_NAMES_ZH).map(([name, zh]) => [zh, name]));

function publishedPrimary(row: FeedRow): string[] | null {
  if (MISSING.has(row.primarypollutant.trim())) return null;
  return row.primarypollutant.split(',').map((zh) => NAME_BY_ZH.get(zh.trim()) ?? `?${zh}`);
}

interface Agreement {
  rows: number;
  aqi: number;
  category: number;
  /** Rows naming a primary pollutant. */
  primaryRows: number;
  /** Rows whose primary pollutants (possibly none) equal the computed ones. */
  primary: number;
}

function measure(rows: FeedRow[], ozoneColumn: 'o3' | 'o3_24h'): Agreement {
  const tally: Agreement = { rows: 0, aqi: 0, category: 0, primaryRows: 0, primary: 0 };
  for (const row of rows) {
    const published = value(row.aqi);
    if (published === null) continue;
    const result = computeHourlyAqi(concentrations(row, ozoneColumn));
    tally.rows++;
    if (result.aqi === published) tally.aqi++;
    if (result.category === (row.quality as AqiCategory)) tally.category++;
    // A row without a published primary pollutant must get none either (AQI <= 50).
    const primary = publishedPrimary(row) ?? [];
    if (primary.length > 0) tally.primaryRows++;
    if (JSON.stringify(primary) === JSON.stringify(result.primaryPollutants)) tally.primary++;
  }
  return tally;
}

function complete(rows: FeedRow[], ozoneColumn: 'o3' | 'o3_24h'): FeedRow[] {
  const columns = [...POLLUTANTS.filter((name) => name !== 'o3'), ozoneColumn, 'aqi'];
  return rows.filter((row) => columns.every((column) => value(row[column]) !== null));
}

describe.each([
  // file, rows with a published AQI, complete rows (o3 column), matches there
  ['cnemc_stations_2018-02-20T07.derived.csv', 1475, 1214, 1057],
  ['cnemc_stations_2017-07-07T16.derived.csv', 1462, 1324, 777],
])('CNEMC hourly snapshot %s', (fileName, publishedRows, completeRows, labelFaithfulMatches) => {
  const rows = readFeed(fileName);
  const margin = 0.01;

  it('reproduces the published AQI, category and primary pollutants with the hourly ozone in o3_24h', () => {
    const result = measure(rows, 'o3_24h');
    expect(result.rows).toBe(publishedRows);
    expect(result.aqi / result.rows).toBeGreaterThanOrEqual(1 - margin);
    expect(result.category / result.rows).toBeGreaterThanOrEqual(1 - margin);
    expect(result.primaryRows).toBeGreaterThan(300);
    expect(result.primary / result.rows).toBeGreaterThanOrEqual(1 - margin);
  });

  it('agrees far worse when PM10 and PM2.5 are rated by their 24-hour averages', () => {
    const withDailyPm = rows.filter((row) => {
      const published = value(row.aqi);
      if (published === null) return false;
      const pm = {
        PM10: iaqi('PM10', '24h', value(row.pm10_24h)),
        'PM2.5': iaqi('PM2.5', '24h', value(row.pm2_5_24h)),
      };
      const subIndexes = { ...computeHourlyAqi(concentrations(row, 'o3_24h')).iaqi, ...pm };
      const known = Object.values(subIndexes).filter((x): x is number => x !== null);
      return Math.max(...known) === published;
    });
    // Measured: 56 of 1475 (2018) and 517 of 1462 (2017).
    expect(withDailyPm.length / publishedRows).toBeLessThan(0.4);
  });

  it('agrees clearly worse when the column labelled o3 is taken as the hourly ozone', () => {
    const subset = complete(rows, 'o3_24h').filter((row) => value(row.o3) !== null);
    expect(subset).toHaveLength(completeRows);
    const result = measure(subset, 'o3');
    expect(result.aqi).toBeGreaterThanOrEqual(labelFaithfulMatches - 5);
    expect(result.aqi).toBeLessThanOrEqual(labelFaithfulMatches + 5);
    expect(result.aqi / result.rows).toBeLessThan(0.9);
  });

  it('has the labelled o3 at or above o3_24h in every row, as a running maximum would be', () => {
    const both = rows.filter((row) => value(row.o3) !== null && value(row.o3_24h) !== null);
    expect(both.length).toBeGreaterThan(1400);
    expect(both.every((row) => (value(row.o3) as number) >= (value(row.o3_24h) as number))).toBe(true);
  });
});
