/**
 * Measures how well classifyWater reproduces 水质类别 in a real CNEMC automatic-station snapshot
 * (../shared/data/surface_water, see its SOURCES.txt). The numbers asserted here are the ones quoted at the top
 * of libs/validation/src/standards/water-quality.ts, minus a small margin.
 */
import { readFileSync } from 'node:fs';
import { sharedData } from './shared-data';
import { parse } from 'csv-parse/sync';
import {
  ClassifyOptions,
  WaterBody,
  WaterFactor,
  classifyWater,
} from '../../libs/validation/src/standards/water-quality';

const FILE = sharedData('surface_water', 'cnemc_surface_water_2026-08-21_page1.derived.csv');

const COLUMNS: Array<[WaterFactor, string]> = [
  ['pH', 'pH(无量纲)'],
  ['dissolvedOxygen', '溶解氧(mg/L)'],
  ['permanganateIndex', '高锰酸盐指数(mg/L)'],
  ['ammoniaNitrogen', '氨氮(mg/L)'],
  ['totalPhosphorus', '总磷(mg/L)'],
  ['totalNitrogen', '总氮(mg/L)'],
];

interface Section {
  name: string;
  published: number;
  factors: Partial<Record<WaterFactor, number | null>>;
}

function readSections(): Section[] {
  const rows: Array<Record<string, string>> = parse(readFileSync(FILE, 'utf8'), { columns: true });
  return rows.map((row) => ({
    name: row['断面名称'],
    published: Number(row['水质类别']),
    factors: Object.fromEntries(
      COLUMNS.map(([factor, column]) => [factor, row[column] === '--' ? null : Number(row[column])]),
    ),
  }));
}

/** CNEMC writes -1 where it publishes no class. */
function computed(section: Section, waterBody: WaterBody, options: ClassifyOptions): number {
  return classifyWater(section.factors, waterBody, options).waterClass ?? -1;
}

function matches(sections: Section[], predicate: (section: Section) => boolean): number {
  return sections.filter(predicate).length;
}

describe('CNEMC surface water snapshot 2026-08-21 page 1', () => {
  const sections = readSections();
  const cnemc: ClassifyOptions = { ignore: ['totalNitrogen'] };
  const margin = 5;

  it('has the 480 rows the measurement was made on', () => {
    expect(sections).toHaveLength(480);
  });

  it('reproduces 水质类别 for 465 of 480 rows when every section is rated as a river', () => {
    const river = matches(sections, (s) => computed(s, 'river', cnemc) === s.published);
    expect(river).toBeGreaterThanOrEqual(465 - margin);
  });

  it('reproduces all but one row as either the river or the lake rating, without total nitrogen', () => {
    const either = matches(sections, (s) =>
      [computed(s, 'river', cnemc), computed(s, 'lake', cnemc)].includes(s.published),
    );
    expect(either).toBeGreaterThanOrEqual(479 - 1);
  });

  it('explains the river misses by the lake phosphorus limits, and only without total nitrogen', () => {
    const riverMisses = sections.filter((s) => computed(s, 'river', cnemc) !== s.published);
    expect(riverMisses.length).toBeLessThanOrEqual(15 + margin);
    // Measured: 14 of the 15 misses equal the lake rating without total nitrogen, 8 with it.
    expect(matches(riverMisses, (s) => computed(s, 'lake', cnemc) === s.published)).toBeGreaterThanOrEqual(13);
    expect(matches(riverMisses, (s) => computed(s, 'lake', {}) === s.published)).toBeLessThanOrEqual(9);
  });

  it('needs dissolved oxygen: leaving it out loses about 135 rows', () => {
    const withoutOxygen = matches(
      sections,
      (s) => computed(s, 'river', { ignore: ['totalNitrogen', 'dissolvedOxygen'] }) === s.published,
    );
    expect(withoutOxygen).toBeLessThan(360);
  });

  it('cannot tell lakes by 湖/库 in the section name better than rating all as rivers', () => {
    const byName = matches(sections, (s) => {
      const waterBody: WaterBody = /[湖库]/.test(s.name) ? 'lake' : 'river';
      return computed(s, waterBody, cnemc) === s.published;
    });
    expect(byName).toBeGreaterThanOrEqual(460 - margin);
    expect(byName).toBeLessThan(465);
  });

  it('publishes -1 exactly where no factor could be rated', () => {
    const unrated = sections.filter((s) => classifyWater(s.factors, 'river', cnemc).waterClass === null);
    expect(unrated.map((s) => s.published)).toEqual([-1]);
  });
});
