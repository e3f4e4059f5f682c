/**
 * Surface water class after GB 3838-2002 by single-factor evaluation: every factor is rated against table 1 and
 * the worst rating is the section's class; worse than class V is 劣V (6).
 *
 * Measured against the real CNEMC automatic-station snapshot (test/conformance/water-class-cnemc.conformance-spec.ts,
 * cnemc_surface_water_2026-08-21_page1, 480 rows, 水质类别 1..6 and -1 once):
 * - 水质类别 is computed from pH, 溶解氧, 高锰酸盐指数, 氨氮 and 总磷; total nitrogen never enters it, not even at
 *   lake and reservoir points (密云水库: TN 3.46 mg/L, published class I). Leaving out dissolved oxygen drops the
 *   agreement from 465 to 330 rows; pH outside 6-9 gives 劣V in all 9 rows where it occurs.
 * - Rating every section as a river reproduces 465 of 480 rows (96.9 %). 14 of the 15 misses are lake points
 *   (白洋淀 南刘庄/光淀张庄, 太湖 拖山/乌龟山南/五里湖心/锡东水厂, 巢湖 湖滨/黄麓/龟山/西半湖湖心, 西湖 小金山/三潭岛,
 *   镜泊湖 三道/电视塔) whose published class is exactly the lake total-phosphorus rating; the 15th is 安固桥 with every
 *   factor missing, published as -1 (no evaluation), which classifyWater answers with null.
 *   So 479 of 480 rows equal either the river or the lake rating without total nitrogen; with total nitrogen
 *   the lake rating explains only 8 of the 15 misses.
 * - The water body type cannot be read from the feed: taking names with 湖/库 as lakes matches only 460 rows,
 *   because reservoir inlet/outlet sections and even 大伙房水库 and 音河水库 are rated with the river limits,
 *   while most lake points have neither character in their name. Callers must know the section's type.
 *
 * classifyWater follows the standard (total nitrogen counts for lakes); pass `ignore: ['totalNitrogen']` to
 * reproduce CNEMC's published class.
 */

export type WaterFactor =
  | 'pH'
  | 'dissolvedOxygen'
  | 'permanganateIndex'
  | 'cod'
  | 'bod5'
  | 'ammoniaNitrogen'
  | 'totalPhosphorus'
  | 'totalNitrogen'
  | 'mercury'
  | 'cadmium'
  | 'lead'
  | 'arsenic'
  | 'chromium6'
  | 'faecalColiform';

/** 'lake' covers lakes and reservoirs (湖、库), which GB 3838-2002 rates differently for phosphorus and nitrogen. */
export type WaterBody = 'river' | 'lake';
export type WaterClass = 1 | 2 | 3 | 4 | 5 | 6;
export type WaterClassLabel = 'I' | 'II' | 'III' | 'IV' | 'V' | '劣V';
/**
 * Chinese labels with the Unicode Roman numerals (U+2160..U+2164), as the standard's text and the ministry's
 * bulletins print them; the ASCII labels are in WaterClassLabel.
 */
export type WaterClassLabelZh = 'Ⅰ类' | 'Ⅱ类' | 'Ⅲ类' | 'Ⅳ类' | 'Ⅴ类' | '劣Ⅴ类';

export const WATER_CLASS_LABELS: Record<WaterClass, WaterClassLabel> = {
  1: 'I',
  2: 'II',
  3: 'III',
  4: 'IV',
  5: 'V',
  6: '劣V',
};

export const WATER_CLASS_LABELS_ZH: Record<WaterClass, WaterClassLabelZh> = {
  1: 'Ⅰ类',
  2: 'Ⅱ类',
  3: 'Ⅲ类',
  4: 'Ⅳ类',
  5: 'Ⅴ类',
  6: '劣Ⅴ类',
};

/** Names as the national automatic stations head their columns. */
export const WATER_FACTOR_NAMES_ZH: Record<WaterFactor, string> = {
  pH: 'pH',
  dissolvedOxygen: '溶解氧',
  permanganateIndex: '高锰酸盐指数',
  cod: '化学需氧量',
  bod5: '五日生化需氧量',
  ammoniaNitrogen: '氨氮',
  totalPhosphorus: '总磷',
  totalNitrogen: '总氮',
  mercury: '汞',
  cadmium: '镉',
  lead: '铅',
  arsenic: '砷',
  chromium6: '六价铬',
  faecalColiform: '粪大肠菌群',
};

type Limits = readonly [number, number, number, number, number];

/** Limits for classes I..V; 'atMost' factors must not exceed them, 'atLeast' (dissolved oxygen) must reach them. */
interface FactorLimits {
  direction: 'atMost' | 'atLeast';
  river?: Limits;
  lake?: Limits;
}

// GB 3838-2002 table 1 (mg/L unless noted). pH is handled apart: the same 6-9 range for classes I-V.
export const WATER_LIMITS: Record<Exclude<WaterFactor, 'pH'>, FactorLimits> = {
  dissolvedOxygen: { direction: 'atLeast', river: [7.5, 6, 5, 3, 2], lake: [7.5, 6, 5, 3, 2] },
  permanganateIndex: { direction: 'atMost', river: [2, 4, 6, 10, 15], lake: [2, 4, 6, 10, 15] },
  cod: { direction: 'atMost', river: [15, 15, 20, 30, 40], lake: [15, 15, 20, 30, 40] },
  bod5: { direction: 'atMost', river: [3, 3, 4, 6, 10], lake: [3, 3, 4, 6, 10] },
  ammoniaNitrogen: { direction: 'atMost', river: [0.15, 0.5, 1.0, 1.5, 2.0], lake: [0.15, 0.5, 1.0, 1.5, 2.0] },
  totalPhosphorus: { direction: 'atMost', river: [0.02, 0.1, 0.2, 0.3, 0.4], lake: [0.01, 0.025, 0.05, 0.1, 0.2] },
  // Only lakes and reservoirs are rated on total nitrogen.
  totalNitrogen: { direction: 'atMost', lake: [0.2, 0.5, 1.0, 1.5, 2.0] },
  mercury: {
    direction: 'atMost',
    river: [0.00005, 0.00005, 0.0001, 0.001, 0.001],
    lake: [0.00005, 0.00005, 0.0001, 0.001, 0.001],
  },
  cadmium: { direction: 'atMost', river: [0.001, 0.005, 0.005, 0.005, 0.01], lake: [0.001, 0.005, 0.005, 0.005, 0.01] },
  lead: { direction: 'atMost', river: [0.01, 0.01, 0.05, 0.05, 0.1], lake: [0.01, 0.01, 0.05, 0.05, 0.1] },
  arsenic: { direction: 'atMost', river: [0.05, 0.05, 0.05, 0.1, 0.1], lake: [0.05, 0.05, 0.05, 0.1, 0.1] },
  chromium6: { direction: 'atMost', river: [0.01, 0.05, 0.05, 0.05, 0.1], lake: [0.01, 0.05, 0.05, 0.05, 0.1] },
  // Per litre.
  faecalColiform: {
    direction: 'atMost',
    river: [200, 2000, 10000, 20000, 40000],
    lake: [200, 2000, 10000, 20000, 40000],
  },
};

// GB 3838-2002 table 1: pH 6-9 for classes I-V.
export const PH_RANGE = { min: 6, max: 9 } as const;

// Order of table 1, so that determining factors come out in a stable, familiar order.
const FACTOR_ORDER: readonly WaterFactor[] = [
  'pH',
  'dissolvedOxygen',
  'permanganateIndex',
  'cod',
  'bod5',
  'ammoniaNitrogen',
  'totalPhosphorus',
  'totalNitrogen',
  'mercury',
  'cadmium',
  'lead',
  'arsenic',
  'chromium6',
  'faecalColiform',
];

export interface WaterClassification {
  /** Null only when no factor could be rated (CNEMC publishes -1 then). */
  waterClass: WaterClass | null;
  label: WaterClassLabel | null;
  labelZh: WaterClassLabelZh | null;
  /** The factors rated at the section's class (several on a tie), in table 1 order. */
  determiningFactors: WaterFactor[];
}

export interface ClassifyOptions {
  /** Factors to leave out, e.g. ['totalNitrogen'] to reproduce CNEMC's published class. */
  ignore?: readonly WaterFactor[];
}

function isUsable(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Class of one factor's value, or null when the factor is not rated for this water body. */
export function factorClass(factor: WaterFactor, value: number, waterBody: WaterBody): WaterClass | null {
  if (factor === 'pH') return value >= PH_RANGE.min && value <= PH_RANGE.max ? 1 : 6;
  const { direction, [waterBody]: limits } = WATER_LIMITS[factor];
  if (!limits) return null;
  const index = limits.findIndex((limit) => (direction === 'atMost' ? value <= limit : value >= limit));
  return (index < 0 ? 6 : index + 1) as WaterClass;
}

/** Single-factor evaluation; missing (null/undefined/NaN) factors are left out. */
export function classifyWater(
  factors: Partial<Record<WaterFactor, number | null>>,
  waterBody: WaterBody,
  options: ClassifyOptions = {},
): WaterClassification {
  const ignored = new Set(options.ignore ?? []);
  const rated: Array<[WaterFactor, WaterClass]> = [];
  for (const factor of FACTOR_ORDER) {
    const value = factors[factor];
    if (ignored.has(factor) || !isUsable(value)) continue;
    const rating = factorClass(factor, value, waterBody);
    if (rating !== null) rated.push([factor, rating]);
  }
  if (rated.length === 0) return { waterClass: null, label: null, labelZh: null, determiningFactors: [] };
  const worst = Math.max(...rated.map(([, rating]) => rating)) as WaterClass;
  return {
    waterClass: worst,
    label: WATER_CLASS_LABELS[worst],
    labelZh: WATER_CLASS_LABELS_ZH[worst],
    determiningFactors: rated.filter(([, rating]) => rating === worst).map(([factor]) => factor),
  };
}
