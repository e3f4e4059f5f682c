/**
 * Air quality index after HJ 633-2012 (技术规定(试行) for the AQI), concentrations in μg/m³ except CO in mg/m³.
 *
 * Hourly convention, measured against the real CNEMC station feed (test/conformance/aqi-cnemc.conformance-spec.ts):
 * - SO2, NO2, CO and O3 use the 1-hour concentration against their 1-hour breakpoints;
 * - PM10 and PM2.5 use the 1-hour concentration against the 24-hour breakpoints (there is no 1-hour table);
 * - the 8-hour ozone average does not enter the hourly AQI.
 * With this convention the published `aqi` is reproduced for 1475 of 1475 rows of cnemc_stations_2018-02-20T07
 * and 1462 of 1462 rows of cnemc_stations_2017-07-07T16 (every row with a published AQI; missing pollutants are
 * simply left out); quality (category) and primary pollutants also agree in every one of those rows (947 and 477
 * rows name a primary pollutant, ties such as "颗粒物(PM10),细颗粒物(PM2.5)" included; none does at AQI <= 50).
 * That only holds when the hourly ozone is read from the feed's column labelled `o3_24h`: the column labelled
 * `o3` is >= `o3_24h` in every row (it behaves like a running daily maximum), and reading it as the hourly value
 * matches only 1057 of 1214 complete rows (2018) and 777 of 1324 (2017); every miss then has ozone as the
 * largest sub-index, the computed AQI above the published one. The labels of that feed are therefore not
 * taken at face value.
 * Alternatives, on the same 1475 / 1462 rows (hourly ozone from o3_24h): rating PM10/PM2.5 by their 24-hour
 * averages matches 56 / 517 rows; adding an 8-hour ozone sub-index (from o3_8h_24h) matches 1272 / 614; rounding
 * to nearest instead of up matches 1108 / 1155.
 *
 * Choices where the standard leaves room:
 * - a sub-index is rounded up (ceil) to an integer, as the published feed does;
 * - above the top breakpoint of a table the sub-index is capped at 500 (the scale ends there);
 * - SO2 1 h above 800 and O3 8 h above 800 give null: HJ 633-2012 table 1 notes send the caller to the 24-hour
 *   SO2 / 1-hour O3 sub-index instead, which computeHourlyAqi / computeDailyAqi do;
 * - negative or non-finite concentrations count as missing (analysers report small negatives around zero).
 */

export type AqiPollutant = 'SO2' | 'NO2' | 'PM10' | 'PM2.5' | 'CO' | 'O3';

/** The averaging periods HJ 633-2012 table 1 has breakpoints for, per pollutant. */
export interface AqiPeriods {
  SO2: '1h' | '24h';
  NO2: '1h' | '24h';
  PM10: '24h';
  'PM2.5': '24h';
  CO: '1h' | '24h';
  O3: '1h' | '8h';
}

export type AqiLevel = 1 | 2 | 3 | 4 | 5 | 6;
export type AqiCategory = '优' | '良' | '轻度污染' | '中度污染' | '重度污染' | '严重污染';

/** Sub-index names of an hourly report. */
export type HourlyIndexName = AqiPollutant;
/** Sub-index names of a daily report: the daily report rates ozone both as 1-hour maximum and 8-hour maximum. */
export type DailyIndexName = AqiPollutant | 'O3_8h';

// HJ 633-2012 table 1: the sub-index values at the breakpoints.
export const IAQI_LEVELS: readonly number[] = [0, 50, 100, 150, 200, 300, 400, 500];

type BreakpointTables = { [P in AqiPollutant]: { [T in AqiPeriods[P]]: readonly number[] } };

export const AQI_BREAKPOINTS: BreakpointTables = {
  SO2: {
    // HJ 633-2012 table 1: 1-hour table ends at IAQI 200 (800 μg/m³); above that the 24-hour value is used.
    '1h': [0, 150, 500, 650, 800],
    // HJ 633-2012 table 1
    '24h': [0, 50, 150, 475, 800, 1600, 2100, 2620],
  },
  NO2: {
    // HJ 633-2012 table 1
    '1h': [0, 100, 200, 700, 1200, 2340, 3090, 3840],
    // HJ 633-2012 table 1
    '24h': [0, 40, 80, 180, 280, 565, 750, 940],
  },
  PM10: {
    // HJ 633-2012 table 1
    '24h': [0, 50, 150, 250, 350, 420, 500, 600],
  },
  'PM2.5': {
    // HJ 633-2012 table 1
    '24h': [0, 35, 75, 115, 150, 250, 350, 500],
  },
  CO: {
    // HJ 633-2012 table 1 (mg/m³)
    '1h': [0, 5, 10, 35, 60, 90, 120, 150],
    // HJ 633-2012 table 1 (mg/m³)
    '24h': [0, 2, 4, 14, 24, 36, 48, 60],
  },
  O3: {
    // HJ 633-2012 table 1
    '1h': [0, 160, 200, 300, 400, 800, 1000, 1200],
    // HJ 633-2012 table 1: 8-hour table ends at IAQI 300 (800 μg/m³); above that the 1-hour value is used.
    '8h': [0, 100, 160, 215, 265, 800],
  },
};

/** How stations name pollutants in the 首要污染物 field, for reading published data. */
export const POLLUTANT_NAMES_ZH: Record<DailyIndexName, string> = {
  SO2: '二氧化硫',
  NO2: '二氧化氮',
  PM10: '颗粒物(PM10)',
  'PM2.5': '细颗粒物(PM2.5)',
  CO: '一氧化碳',
  O3: '臭氧1小时',
  O3_8h: '臭氧8小时',
};

// Float noise in the linear formula (e.g. 100.00000000000001 at an exact breakpoint) must not round up a level.
const CEIL_TOLERANCE = 1e-9;

function isUsable(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/**
 * Individual air quality index of one pollutant: linear interpolation between breakpoints, rounded up.
 * Null when the concentration is missing/invalid or beyond a table that the standard says not to extend
 * (SO2 1 h and O3 8 h above 800); 500 beyond the top of every other table.
 */
export function iaqi<P extends AqiPollutant>(
  pollutant: P,
  period: AqiPeriods[P],
  concentration: number | null | undefined,
): number | null {
  if (!isUsable(concentration)) return null;
  const table = (AQI_BREAKPOINTS[pollutant] as Record<string, readonly number[] | undefined>)[period];
  if (!table) throw new Error(`HJ 633-2012 has no ${period} breakpoints for ${pollutant}`);
  const top = table.length - 1;
  if (concentration > table[top]) return top < IAQI_LEVELS.length - 1 ? null : 500;
  let i = 1;
  while (concentration > table[i]) i++;
  const [bpLo, bpHi] = [table[i - 1], table[i]];
  const [iLo, iHi] = [IAQI_LEVELS[i - 1], IAQI_LEVELS[i]];
  const exact = ((iHi - iLo) * (concentration - bpLo)) / (bpHi - bpLo) + iLo;
  // The tolerance can push C = 0 to -0 after ceil; the segment's lower level is the floor anyway.
  return Math.max(iLo, Math.ceil(exact - CEIL_TOLERANCE));
}

export function aqiLevel(aqi: number): AqiLevel {
  if (aqi <= 50) return 1;
  if (aqi <= 100) return 2;
  if (aqi <= 150) return 3;
  if (aqi <= 200) return 4;
  if (aqi <= 300) return 5;
  return 6;
}

const CATEGORIES: Record<AqiLevel, AqiCategory> = {
  1: '优',
  2: '良',
  3: '轻度污染',
  4: '中度污染',
  5: '重度污染',
  6: '严重污染',
};

export function aqiCategory(aqi: number): AqiCategory {
  return CATEGORIES[aqiLevel(aqi)];
}

export interface AqiResult<K extends string> {
  /** Null only when no sub-index could be computed at all. */
  aqi: number | null;
  iaqi: Record<K, number | null>;
  /** Highest sub-index pollutant(s), in the order of the iaqi record; empty when AQI <= 50. */
  primaryPollutants: K[];
  level: AqiLevel | null;
  category: AqiCategory | null;
  /** 超标污染物: sub-index above 100. */
  exceeding: K[];
}

// Written with plain loops: uploads recompute the AQI of every row, millions of times.
function summarize<K extends string>(subIndexes: Record<K, number | null>): AqiResult<K> {
  let aqi = -1;
  for (const name in subIndexes) {
    const value = subIndexes[name];
    if (value !== null && value > aqi) aqi = value;
  }
  if (aqi < 0) return { aqi: null, iaqi: subIndexes, primaryPollutants: [], level: null, category: null, exceeding: [] };
  const primaryPollutants: K[] = [];
  const exceeding: K[] = [];
  for (const name in subIndexes) {
    const value = subIndexes[name];
    if (value === null) continue;
    if (aqi > 50 && value === aqi) primaryPollutants.push(name);
    if (value > 100) exceeding.push(name);
  }
  return { aqi, iaqi: subIndexes, primaryPollutants, level: aqiLevel(aqi), category: aqiCategory(aqi), exceeding };
}

/** One hour at one station; `so2_24h` is only consulted when the 1-hour SO2 is above 800. */
export interface HourlyConcentrations {
  so2?: number | null;
  so2_24h?: number | null;
  no2?: number | null;
  pm10?: number | null;
  pm2_5?: number | null;
  co?: number | null;
  o3?: number | null;
}

function so2SubIndex(oneHour: number | null | undefined, day: number | null | undefined): number | null {
  const fromHour = iaqi('SO2', '1h', oneHour);
  if (fromHour !== null || !isUsable(oneHour)) return fromHour;
  return iaqi('SO2', '24h', day);
}

/** Hourly AQI with the convention the CNEMC feed uses (see the top of this file). */
export function computeHourlyAqi(row: HourlyConcentrations): AqiResult<HourlyIndexName> {
  return summarize<HourlyIndexName>({
    SO2: so2SubIndex(row.so2, row.so2_24h),
    NO2: iaqi('NO2', '1h', row.no2),
    PM10: iaqi('PM10', '24h', row.pm10),
    'PM2.5': iaqi('PM2.5', '24h', row.pm2_5),
    CO: iaqi('CO', '1h', row.co),
    O3: iaqi('O3', '1h', row.o3),
  });
}

/** One day at one station: 24-hour averages, the day's highest 1-hour ozone and highest 8-hour ozone average. */
export interface DailyConcentrations {
  so2_24h?: number | null;
  no2_24h?: number | null;
  pm10_24h?: number | null;
  pm2_5_24h?: number | null;
  co_24h?: number | null;
  o3_1h_max?: number | null;
  o3_8h_max?: number | null;
}

/** Daily AQI: 24-hour tables, ozone rated on both its daily 1-hour and 8-hour maxima. */
export function computeDailyAqi(row: DailyConcentrations): AqiResult<DailyIndexName> {
  // Above 800 the 8-hour table stops and the 1-hour sub-index stands in for it (HJ 633-2012 table 1 note); the
  // daily report rates the 1-hour maximum anyway, so O3_8h stays null rather than duplicating it as a tie.
  return summarize<DailyIndexName>({
    SO2: iaqi('SO2', '24h', row.so2_24h),
    NO2: iaqi('NO2', '24h', row.no2_24h),
    PM10: iaqi('PM10', '24h', row.pm10_24h),
    'PM2.5': iaqi('PM2.5', '24h', row.pm2_5_24h),
    CO: iaqi('CO', '24h', row.co_24h),
    O3: iaqi('O3', '1h', row.o3_1h_max),
    O3_8h: iaqi('O3', '8h', row.o3_8h_max),
  });
}
