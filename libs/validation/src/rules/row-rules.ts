import { MessageText, isValidUscc, messageText } from '@opendata/common';
import { CellValue } from '../check/cell-readers';
import { TableSchema } from '../schema/table-schema';
import { AqiResult, computeDailyAqi, computeHourlyAqi } from '../standards/aqi';
import { WaterFactor, classifyWater } from '../standards/water-quality';

/** A rule over one row's read values; reports each declared field that disagrees with the standard. */
export type RowRule = (values: Array<CellValue | null>, report: (fieldIndex: number, message: MessageText) => void) => void;

type Values = Array<CellValue | null>;
const num = (v: CellValue | null | undefined): number | null => (typeof v === 'number' ? v : null);

/** 首要污染物 as written by stations (细颗粒物(PM2.5), 臭氧1小时 ...) to the index names. */
const POLLUTANT_ALIASES: Array<[RegExp, string]> = [
  [/PM\s*2\.5|细颗粒物/i, 'PM2.5'],
  [/PM\s*10|可吸入颗粒物|^颗粒物/i, 'PM10'],
  [/O3[-_\s]*8|臭氧\s*8|8\s*小时/i, 'O3_8h'],
  [/O3|臭氧/i, 'O3'],
  [/SO2|二氧化硫/i, 'SO2'],
  [/NO2|二氧化氮/i, 'NO2'],
  [/CO|一氧化碳/i, 'CO'],
];

export function pollutantSet(declared: string): string[] {
  return declared
    .split(/[,，、;；/\s]+/)
    .filter((part) => part && !/^[-—–]+$/.test(part))
    .map((part) => POLLUTANT_ALIASES.find(([pattern]) => pattern.test(part))?.[1] ?? part)
    .sort();
}

/**
 * 首要污染物 cells, read once each: a feed has a handful of distinct values (a station names one pollutant, two
 * at a tie), and the rule runs on every row. Bounded, in case a file writes free text there.
 */
class PollutantSets {
  private readonly seen = new Map<string, string>();

  /** The pollutants the cell names, sorted and joined. */
  of(declared: string): string {
    let set = this.seen.get(declared);
    if (set === undefined) {
      set = pollutantSet(declared).join();
      if (this.seen.size < 1000) this.seen.set(declared, set);
    }
    return set;
  }
}

function aqiRule(schema: TableSchema, compute: (v: Values) => AqiResult<string>): RowRule | null {
  const [aqi, quality, primary] = positionsOf(schema, ['aqi', 'quality', 'primary_pollutant']);
  if (aqi < 0) return null;
  const pollutants = new PollutantSets();
  return (values, report) => {
    const declared = num(values[aqi]);
    if (declared === null) return;
    const result = compute(values);
    if (result.aqi === null) return;
    if (result.aqi !== declared) {
      report(aqi, messageText('rule.aqi', { aqi: result.aqi, subIndexes: subIndexes(result), found: declared }));
      return; // category and primary pollutant follow from the AQI; one disagreement is enough to report
    }
    if (quality >= 0 && typeof values[quality] === 'string' && values[quality] !== result.category) {
      report(quality, messageText('rule.aqiCategory', { aqi: result.aqi, category: String(result.category), found: String(values[quality]) }));
    }
    if (primary >= 0) {
      const found = typeof values[primary] === 'string' ? pollutants.of(values[primary] as string) : '';
      const expected = result.primaryPollutants.length < 2 ? (result.primaryPollutants[0] ?? '') : [...result.primaryPollutants].sort().join();
      if (found !== expected) {
        report(primary, messageText('rule.primaryPollutant', { aqi: result.aqi, expected: expected || messageText('rule.noPollutantBelow50'), found: found || messageText('rule.noPollutant') }));
      }
    }
  };
}

function subIndexes(result: AqiResult<string>): string {
  return Object.entries(result.iaqi)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

/** Positions of the named fields, looked up once per schema (-1 when absent; v[-1] is undefined). */
function positionsOf(schema: TableSchema, names: string[]): number[] {
  return names.map((name) => schema.fields.findIndex((f) => f.name === name));
}

function hourly(schema: TableSchema): RowRule | null {
  const [so2, so2_24h, no2, pm10, pm2_5, co, o3] = positionsOf(schema, ['so2', 'so2_24h', 'no2', 'pm10', 'pm2_5', 'co', 'o3']);
  return aqiRule(schema, (v) =>
    computeHourlyAqi({ so2: num(v[so2]), so2_24h: num(v[so2_24h]), no2: num(v[no2]), pm10: num(v[pm10]), pm2_5: num(v[pm2_5]), co: num(v[co]), o3: num(v[o3]) }),
  );
}

function daily(schema: TableSchema): RowRule | null {
  // The daily names first; a file with hourly-style names is read through them.
  const [so2, no2, pm10, pm2_5, co, o3, o3_8h] = positionsOf(schema, ['so2_24h', 'no2_24h', 'pm10_24h', 'pm2_5_24h', 'co_24h', 'o3_1h_max', 'o3_8h_max']);
  const [so2b, no2b, pm10b, pm2_5b, cob, o3b, o3_8hb] = positionsOf(schema, ['so2', 'no2', 'pm10', 'pm2_5', 'co', 'o3', 'o3_8h']);
  return aqiRule(schema, (v) =>
    computeDailyAqi({
      so2_24h: num(v[so2] ?? v[so2b]),
      no2_24h: num(v[no2] ?? v[no2b]),
      pm10_24h: num(v[pm10] ?? v[pm10b]),
      pm2_5_24h: num(v[pm2_5] ?? v[pm2_5b]),
      co_24h: num(v[co] ?? v[cob]),
      o3_1h_max: num(v[o3] ?? v[o3b]),
      o3_8h_max: num(v[o3_8h] ?? v[o3_8hb]),
    }),
  );
}

const WATER_FIELDS: Array<[string, WaterFactor]> = [
  ['ph', 'pH'],
  ['dissolved_oxygen', 'dissolvedOxygen'],
  ['permanganate_index', 'permanganateIndex'],
  ['cod', 'cod'],
  ['bod5', 'bod5'],
  ['ammonia_nitrogen', 'ammoniaNitrogen'],
  ['total_phosphorus', 'totalPhosphorus'],
];

/** 水质类别 as written: 1..6, I..V / Ⅰ..Ⅴ with or without 类, 劣V. */
export function waterClassOf(declared: CellValue | null): number | null {
  if (typeof declared === 'number') return declared >= 1 && declared <= 6 ? declared : null;
  if (typeof declared !== 'string') return null;
  const text = declared.normalize('NFKC').replace(/类$/, '').trim().toUpperCase();
  if (/^[1-6]$/.test(text)) return Number(text);
  if (text.startsWith('劣')) return 6;
  return ['I', 'II', 'III', 'IV', 'V'].indexOf(text) + 1 || null;
}

function waterRule(schema: TableSchema): RowRule | null {
  const at = (name: string) => schema.fields.findIndex((f) => f.name === name);
  const declaredAt = at('water_class');
  if (declaredAt < 0) return null;
  const factors = WATER_FIELDS.map(([name, factor]) => [at(name), factor] as const).filter(([i]) => i >= 0);
  const labels = ['', 'Ⅰ类', 'Ⅱ类', 'Ⅲ类', 'Ⅳ类', 'Ⅴ类', '劣Ⅴ类'];
  return (values, report) => {
    const declared = waterClassOf(values[declaredAt]);
    if (declared === null) return;
    // Without total nitrogen: how the national automatic stations publish the class (see water-quality.ts).
    const measured = Object.fromEntries(factors.map(([i, f]) => [f, num(values[i])]));
    const river = classifyWater(measured, 'river', { ignore: ['totalNitrogen'] });
    if (river.waterClass === null || river.waterClass === declared) return;
    // A row does not say whether its section is on a lake or reservoir, whose stricter phosphorus limits a
    // correct class may follow (太湖, 巢湖 ... in the CNEMC feed): the lake rating is accepted as well.
    const lake = classifyWater(measured, 'lake', { ignore: ['totalNitrogen'] });
    if (lake.waterClass === declared) return;
    const found = { waterClass: labels[river.waterClass], factors: river.determiningFactors.join(', '), found: String(values[declaredAt]) };
    report(declaredAt, lake.waterClass !== river.waterClass ? messageText('rule.waterClassLake', { ...found, lakeClass: labels[lake.waterClass!] }) : messageText('rule.waterClass', found));
  };
}

function usccRule(schema: TableSchema): RowRule | null {
  const columns = schema.fields.map((f, i) => [f.name, i] as const).filter(([name]) => /(shxym|cfjgdm|uscc)$/.test(name));
  if (columns.length === 0) return null;
  return (values, report) => {
    for (const [, i] of columns) {
      const v = values[i];
      if (typeof v === 'string' && v.length === 18 && !isValidUscc(v.toUpperCase())) {
        report(i, messageText('rule.uscc', { value: v }));
      }
    }
  };
}

/** The compiled rules a schema declares (x-rules). */
export function compileRowRules(schema: TableSchema): RowRule[] {
  const factories: Record<string, (s: TableSchema) => RowRule | null> = {
    'hj633-hourly-aqi': hourly,
    'hj633-daily-aqi': daily,
    'gb3838-water-class': waterRule,
    'uscc-check': usccRule,
    'resident-id-check': () => null, // unmasked IDs never reach a published table: the personal-data scan blocks them
  };
  return schema.rules.map((id) => factories[id](schema)).filter((rule): rule is RowRule => rule !== null);
}
