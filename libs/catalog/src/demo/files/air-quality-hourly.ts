/**
 * 示例数据: synthetic hourly air quality at six monitoring stations in 衡阳市, 2026-09-01 00:00 to 2026-09-30 23:00,
 * in the column layout the national stations publish. Concentrations come from a small weather-driven model
 * (regional pollution episodes, rainy days, rush-hour NO2, afternoon ozone); AQI, quality and primary pollutant
 * are computed from them with the hourly convention of libs/validation/src/standards/aqi.
 *
 * Column meanings here follow the labels: `x` is the hour's value, `x_24h` the mean of the last 24 hours, `o3_8h`
 * the mean of the last 8 hours and `o3_8h_24h` the highest `o3_8h` of the last 24 hours (the value a daily
 * report needs). The real CNEMC feed fills the ozone columns differently (see aqi.ts); this file does not copy that.
 */
import { computeHourlyAqi } from '../../../../validation/src/standards/aqi';
import { Cell, fixed, formatHour, toCsv } from './csv-text';
import { SeededRandom } from './prng';

export const AIR_QUALITY_HOURLY_HEADER = [
  'station_code', 'area', 'station_name', 'time', 'aqi', 'quality', 'primary_pollutant',
  'so2', 'so2_24h', 'no2', 'no2_24h', 'pm10', 'pm10_24h', 'co', 'co_24h',
  'o3', 'o3_24h', 'o3_8h', 'o3_8h_24h', 'pm2_5', 'pm2_5_24h',
] as const;

interface StationProfile {
  code: string;
  name: string;
  /** Multiplies NO2 and CO: how much traffic the site sees. */
  traffic: number;
  /** Multiplies SO2. */
  industry: number;
  /** Multiplies particulate matter. */
  dust: number;
  /** Multiplies the afternoon ozone build-up; lower where fresh NO titrates it. */
  ozone: number;
}

// Demo stations. Codes and names are those listed for 衡阳市 in the CNEMC snapshots of 2017/2018 (shared/data/
// air_quality); the current list was not verified and every value in this file is synthetic.
const STATIONS: readonly StationProfile[] = [
  { code: '2456A', name: '原169医院', traffic: 0.9, industry: 1.0, dust: 1.0, ozone: 1.05 },
  { code: '2457A', name: '衡阳化工总厂', traffic: 1.0, industry: 1.6, dust: 1.1, ozone: 1.0 },
  { code: '2458A', name: '珠晖区环保局', traffic: 1.2, industry: 1.1, dust: 1.05, ozone: 0.95 },
  { code: '2459A', name: '市委党校', traffic: 0.8, industry: 0.9, dust: 0.95, ozone: 1.1 },
  { code: '2460A', name: '市监测站', traffic: 1.3, industry: 1.0, dust: 1.0, ozone: 0.9 },
  { code: '2461A', name: '真空机电公司', traffic: 1.0, industry: 1.2, dust: 1.1, ozone: 1.0 },
];

const AREA = '衡阳市';
const SEED = 20260901;
const START = Date.UTC(2026, 8, 1, 0);
const DAYS = 30;
// Two simulated days before September so that the first published 24-hour averages are full.
const WARM_UP_HOURS = 48;
const MISSING_RATE = 0.005;

type Pollutant = 'so2' | 'no2' | 'pm10' | 'co' | 'o3' | 'pm2_5';
const POLLUTANTS: readonly Pollutant[] = ['so2', 'no2', 'pm10', 'co', 'o3', 'pm2_5'];
type Series = Record<Pollutant, Array<number | null>>;

interface DayWeather {
  /** Regional stagnation factor shared by all stations (log-AR(1) across days). */
  episode: number;
  rainy: boolean;
  /** 0..1, drives photochemical ozone. */
  sunshine: number;
}

function simulateWeather(random: SeededRandom, days: number): DayWeather[] {
  const weather: DayWeather[] = [];
  let logEpisode = 0;
  for (let day = 0; day < days; day++) {
    logEpisode = 0.6 * logEpisode + random.normal(0, 0.28);
    const rainy = random.chance(0.2);
    weather.push({
      episode: Math.exp(logEpisode) * (rainy ? 0.6 : 1),
      rainy,
      sunshine: rainy ? random.between(0.1, 0.35) : random.between(0.55, 1),
    });
  }
  return weather;
}

/** Bell curve around an hour of the day. */
function bell(hourOfDay: number, peak: number, width: number): number {
  return Math.exp(-(((hourOfDay - peak) / width) ** 2));
}

/** Blends neighbouring days so the regional level drifts instead of stepping at midnight. */
function regional(weather: DayWeather[], hour: number): number {
  const position = hour / 24 - 0.5;
  const day = Math.max(0, Math.min(weather.length - 1, Math.floor(position)));
  const next = Math.min(weather.length - 1, day + 1);
  const share = Math.max(0, Math.min(1, position - day));
  return weather[day].episode * (1 - share) + weather[next].episode * share;
}

/** AR(1) noise in log space, so consecutive hours stay close like real analyser readings. */
function noiseSeries(random: SeededRandom, length: number, sd: number): number[] {
  const values: number[] = [];
  let current = 0;
  for (let i = 0; i < length; i++) {
    current = 0.8 * current + random.normal(0, sd);
    values.push(Math.exp(current));
  }
  return values;
}

function simulateStation(random: SeededRandom, station: StationProfile, weather: DayWeather[]): Series {
  const length = weather.length * 24;
  const noise = Object.fromEntries(POLLUTANTS.map((p) => [p, noiseSeries(random, length, 0.1)])) as Record<
    Pollutant,
    number[]
  >;
  const series: Series = { so2: [], no2: [], pm10: [], co: [], o3: [], pm2_5: [] };
  for (let hour = 0; hour < length; hour++) {
    const hourOfDay = hour % 24;
    const today = weather[Math.floor(hour / 24)];
    const level = regional(weather, hour);
    const rush =
      0.7 + 0.6 * bell(hourOfDay, 8, 1.5) + 0.75 * bell(hourOfDay, 19.5, 2.2) - 0.3 * bell(hourOfDay, 14, 2.5);
    const nightPeak = 1 + 0.2 * Math.cos((2 * Math.PI * (hourOfDay - 5)) / 24);
    const pm25 = 33 * station.dust * level * nightPeak * noise.pm2_5[hour];
    const no2 = 25 * station.traffic * rush * Math.sqrt(level) * noise.no2[hour];
    const photochemistry = 165 * station.ozone * today.sunshine * bell(hourOfDay, 14.5, 3.2);
    series.pm2_5.push(Math.max(3, Math.round(pm25)));
    series.pm10.push(Math.max(5, Math.round(pm25 * 1.3 * noise.pm10[hour] + 5 * station.dust)));
    series.no2.push(Math.max(3, Math.round(no2)));
    series.co.push(Math.max(0.2, round1((0.55 + 0.15 * station.traffic * rush) * level ** 0.4 * noise.co[hour])));
    series.so2.push(Math.max(2, Math.round(7 * station.industry * Math.sqrt(level) * noise.so2[hour])));
    series.o3.push(Math.max(2, Math.round((18 + 14 * today.sunshine + photochemistry) * noise.o3[hour] - 0.35 * no2)));
  }
  return series;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Knocks out about 0.5 % of the published station-hours for one pollutant each, as analysers drop out. */
function dropReadings(random: SeededRandom, series: Series): void {
  for (let hour = WARM_UP_HOURS; hour < series.o3.length; hour++) {
    if (random.chance(MISSING_RATE)) series[random.pick(POLLUTANTS)][hour] = null;
  }
}

function windowValues(values: Array<number | null>, end: number, size: number): number[] {
  return values.slice(Math.max(0, end - size + 1), end + 1).filter((v): v is number => v !== null);
}

function movingMean(values: Array<number | null>, end: number, size: number, decimals = 0): number | null {
  const window = windowValues(values, end, size);
  if (window.length === 0) return null;
  const mean = window.reduce((sum, v) => sum + v, 0) / window.length;
  return Number(mean.toFixed(decimals));
}

function eightHourMeans(o3: Array<number | null>): Array<number | null> {
  return o3.map((_, hour) => movingMean(o3, hour, 8));
}

function stationRows(station: StationProfile, series: Series): Cell[][] {
  const o3Eight = eightHourMeans(series.o3);
  const rows: Cell[][] = [];
  for (let hour = WARM_UP_HOURS; hour < series.o3.length; hour++) {
    const at = (p: Pollutant) => series[p][hour];
    const daily = (p: Pollutant) => movingMean(series[p], hour, 24, p === 'co' ? 1 : 0);
    const o3EightMax = Math.max(...windowValues(o3Eight, hour, 24));
    const result = computeHourlyAqi({
      so2: at('so2'), so2_24h: daily('so2'), no2: at('no2'), pm10: at('pm10'),
      pm2_5: at('pm2_5'), co: at('co'), o3: at('o3'),
    });
    const co = (value: number | null) => (value === null ? null : fixed(value, 1));
    rows.push([
      station.code, AREA, station.name, formatHour(START, hour - WARM_UP_HOURS),
      result.aqi, result.category, result.primaryPollutants.join(','),
      at('so2'), daily('so2'), at('no2'), daily('no2'), at('pm10'), daily('pm10'), co(at('co')), co(daily('co')),
      at('o3'), daily('o3'), o3Eight[hour], o3EightMax, at('pm2_5'), daily('pm2_5'),
    ]);
  }
  return rows;
}

/** The rows of the demo file, in header order; identical on every call. */
export function airQualityHourlyRows(): Cell[][] {
  const weather = simulateWeather(new SeededRandom(SEED), DAYS + WARM_UP_HOURS / 24);
  const perStation = STATIONS.map((station, index) => {
    const random = new SeededRandom(SEED + 101 * (index + 1));
    const series = simulateStation(random, station, weather);
    dropReadings(random, series);
    return stationRows(station, series);
  });
  // Hour by hour, all stations together, as a feed publishes them.
  const rows: Cell[][] = [];
  for (let hour = 0; hour < DAYS * 24; hour++) {
    for (const stationRowList of perStation) rows.push(stationRowList[hour]);
  }
  return rows;
}

/** The whole demo CSV; identical on every call. */
export function airQualityHourlyCsv(): string {
  return toCsv(AIR_QUALITY_HOURLY_HEADER, airQualityHourlyRows());
}
