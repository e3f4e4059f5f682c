/**
 * 示例数据: synthetic readings of five automatic water-quality sections on the Xiang River's Hengyang reach
 * (湘江衡阳段), every 4 hours for September 2026, in the column layout of the national automatic stations.
 * A baseline per section (worse below the city) plus a few rain events whose runoff pulse travels downstream;
 * 水质类别 is computed from the rounded published values with GB 3838-2002 river rules.
 */
import { classifyWater } from '@opendata/validation';
import { Cell, fixed, formatHour, toCsv } from './csv-text';
import { SeededRandom } from './prng';

export const SURFACE_WATER_HEADER = [
  '省份', '流域', '所属地市', '所属河流', '断面名称', '监测时间', '水质类别', '水温', 'pH', '溶解氧',
  '电导率', '浊度', '高锰酸盐指数', '氨氮', '总磷', '总氮',
] as const;

interface SectionProfile {
  name: string;
  /** Hours the runoff pulse needs to reach the section from the top of the reach. */
  lagHours: number;
  permanganate: number;
  ammonia: number;
  phosphorus: number;
  nitrogen: number;
  /** Oxygen below saturation, mg/L: larger below the city's outfalls. */
  oxygenDeficit: number;
}

// Demo sections, upstream to downstream, named after towns along the reach; not the official section list.
const SECTIONS: readonly SectionProfile[] = [
  { name: '归阳', lagHours: 0, permanganate: 2.0, ammonia: 0.1, phosphorus: 0.05, nitrogen: 1.35, oxygenDeficit: 0.5 },
  { name: '松柏', lagHours: 6, permanganate: 2.1, ammonia: 0.12, phosphorus: 0.055, nitrogen: 1.4, oxygenDeficit: 0.6 },
  { name: '云集', lagHours: 12, permanganate: 2.2, ammonia: 0.14, phosphorus: 0.06, nitrogen: 1.45, oxygenDeficit: 0.7 },
  { name: '熬洲', lagHours: 18, permanganate: 2.6, ammonia: 0.22, phosphorus: 0.075, nitrogen: 1.6, oxygenDeficit: 1.1 },
  { name: '大浦', lagHours: 26, permanganate: 2.4, ammonia: 0.18, phosphorus: 0.068, nitrogen: 1.55, oxygenDeficit: 0.9 },
];

const FIXED_COLUMNS = ['湖南省', '长江流域', '衡阳市', '湘江'] as const;
const SEED = 38382002;
const START = Date.UTC(2026, 8, 1, 0);
const STEP_HOURS = 4;
const STEPS = (30 * 24) / STEP_HOURS;

interface RainEvent {
  startHour: number;
  magnitude: number;
}

function rainEvents(random: SeededRandom): RainEvent[] {
  const count = random.int(3, 4);
  return Array.from({ length: count }, () => ({
    startHour: random.int(1, 27) * 24 + random.int(0, 23),
    magnitude: random.between(0.5, 1.1),
  }));
}

/** Runoff at a section: rises over 8 hours, then washes out over about a day and a half. */
function runoff(events: RainEvent[], hour: number): number {
  let total = 0;
  for (const event of events) {
    const since = hour - event.startHour;
    if (since < 0) continue;
    total += event.magnitude * (since < 8 ? since / 8 : Math.exp(-(since - 8) / 36));
  }
  return total;
}

/** Dissolved-oxygen saturation in fresh water, mg/L (polynomial fit, valid 0-40 ℃). */
function oxygenSaturation(temperature: number): number {
  return 14.62 - 0.3898 * temperature + 0.006969 * temperature ** 2 - 0.00005897 * temperature ** 3;
}

/** Daily cycle peaking mid-afternoon, when photosynthesis and heating are strongest. */
function afternoon(hourOfDay: number): number {
  return Math.cos((2 * Math.PI * (hourOfDay - 15)) / 24);
}

function sectionRow(random: SeededRandom, section: SectionProfile, events: RainEvent[], hour: number): Cell[] {
  const rain = runoff(events, hour - section.lagHours);
  const day = hour / 24;
  const daily = afternoon(hour % 24);
  const lognormal = (sd: number) => Math.exp(random.normal(0, sd));
  const temperature = 28.3 - 0.09 * day + 0.5 * daily - 0.8 * rain + random.normal(0, 0.15);
  const saturation = oxygenSaturation(temperature);
  const values = {
    temperature: fixed(temperature, 1),
    pH: fixed(7.55 + 0.15 * daily - 0.15 * rain + random.normal(0, 0.05), 2),
    oxygen: fixed(saturation * (0.93 + 0.05 * daily) - section.oxygenDeficit - 0.5 * rain + random.normal(0, 0.15), 2),
    conductivity: fixed(238 + section.lagHours - 40 * rain + random.normal(0, 5), 1),
    turbidity: fixed(14 * lognormal(0.2) + 85 * rain, 1),
    permanganate: fixed(section.permanganate * (1 + 0.9 * rain) * lognormal(0.06), 2),
    ammonia: fixed(section.ammonia * (1 + 2 * rain) * lognormal(0.12), 3),
    phosphorus: fixed(section.phosphorus * (1 + 1.6 * rain) * lognormal(0.08), 3),
    nitrogen: fixed(section.nitrogen + 0.5 * rain + random.normal(0, 0.06), 2),
  };
  // Classified from the published (rounded) values, so that the file checks out against itself.
  const { labelZh } = classifyWater(
    {
      pH: Number(values.pH),
      dissolvedOxygen: Number(values.oxygen),
      permanganateIndex: Number(values.permanganate),
      ammoniaNitrogen: Number(values.ammonia),
      totalPhosphorus: Number(values.phosphorus),
      totalNitrogen: Number(values.nitrogen),
    },
    'river',
  );
  return [
    ...FIXED_COLUMNS, section.name, formatHour(START, hour), labelZh,
    values.temperature, values.pH, values.oxygen, values.conductivity, values.turbidity,
    values.permanganate, values.ammonia, values.phosphorus, values.nitrogen,
  ];
}

/** The whole demo CSV; identical on every call. */
export function surfaceWaterCsv(): string {
  const random = new SeededRandom(SEED);
  const events = rainEvents(random);
  const rows: Cell[][] = [];
  for (let step = 0; step < STEPS; step++) {
    for (const section of SECTIONS) rows.push(sectionRow(random, section, events, step * STEP_HOURS));
  }
  return toCsv(SURFACE_WATER_HEADER, rows);
}
