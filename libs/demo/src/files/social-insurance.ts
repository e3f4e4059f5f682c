/**
 * 示例数据: synthetic social-insurance statistics of 衡阳市 and its 12 county-level divisions, 2019-2025, for the
 * four schemes the 人社 bureau publishes. Magnitudes are sized on a city of about 6.6 million people; none of the
 * figures is real.
 *
 * Consistency built in, so validators have something true to check:
 * - every figure is an exact multiple of 0.01 and the city row is the exact sum of the 12 division rows;
 * - 期末参保人数 = 参保职工 + 离退休人员 for 城镇职工基本养老保险 (both empty for the other schemes);
 * - 累计结存 = previous year's 累计结存 + 基金收入 - 基金支出.
 */
import { Cell, toCsv } from './csv-text';
import { SeededRandom } from './prng';

export const SOCIAL_INSURANCE_HEADER = [
  '统计年度', '行政区划代码', '地区', '险种', '期末参保人数(万人)', '其中参保职工(万人)', '其中离退休人员(万人)',
  '基金收入(亿元)', '基金支出(亿元)', '累计结存(亿元)',
] as const;

export const HENGYANG_CITY = { code: '430400', name: '衡阳市' } as const;

interface Division {
  code: string;
  name: string;
  /** Resident population in 10 000s, rounded; only used to share out the city totals. */
  population: number;
  urban: boolean;
}

// GB/T 2260 codes of 衡阳市's county-level divisions (as of the 2020s; no changes known since 2016).
// Populations approximate the 2020 census.
export const HENGYANG_DIVISIONS: readonly Division[] = [
  { code: '430405', name: '珠晖区', population: 38, urban: true },
  { code: '430406', name: '雁峰区', population: 27, urban: true },
  { code: '430407', name: '石鼓区', population: 31, urban: true },
  { code: '430408', name: '蒸湘区', population: 38, urban: true },
  { code: '430412', name: '南岳区', population: 7, urban: true },
  { code: '430421', name: '衡阳县', population: 92, urban: false },
  { code: '430422', name: '衡南县', population: 82, urban: false },
  { code: '430423', name: '衡山县', population: 34, urban: false },
  { code: '430424', name: '衡东县', population: 56, urban: false },
  { code: '430426', name: '祁东县', population: 80, urban: false },
  { code: '430481', name: '耒阳市', population: 107, urban: false },
  { code: '430482', name: '常宁市', population: 77, urban: false },
];

export const INSURANCE_TYPES = ['城镇职工基本养老保险', '城乡居民基本养老保险', '失业保险', '工伤保险'] as const;
type InsuranceType = (typeof INSURANCE_TYPES)[number];

interface SchemePlan {
  /** City level in 2019: insured persons (10 000s) and fund flows (100 million yuan). */
  insured: number;
  retiredShare?: number;
  income: number;
  expenditure: number;
  /** Balance at the end of 2018. */
  openingBalance: number;
  growth: { insured: number; income: number; expenditure: number };
  /** How much more an urban district takes part than its population alone suggests. */
  urbanAffinity: number;
  /** One-off multipliers of a year's spending (relief and job-retention payments of 2020 and 2022). */
  spendingShocks?: Partial<Record<number, number>>;
}

const PLANS: Record<InsuranceType, SchemePlan> = {
  城镇职工基本养老保险: {
    insured: 118, retiredShare: 0.29, income: 128, expenditure: 122, openingBalance: 65,
    growth: { insured: 0.028, income: 0.06, expenditure: 0.075 }, urbanAffinity: 2.4,
  },
  城乡居民基本养老保险: {
    insured: 345, income: 22, expenditure: 17, openingBalance: 42,
    growth: { insured: -0.006, income: 0.07, expenditure: 0.08 }, urbanAffinity: 0.6,
  },
  失业保险: {
    insured: 42, income: 3.1, expenditure: 2.6, openingBalance: 9.5,
    growth: { insured: 0.03, income: 0.04, expenditure: 0.04 }, urbanAffinity: 2.6,
    spendingShocks: { 2020: 1.6, 2022: 1.3 },
  },
  工伤保险: {
    insured: 58, income: 3.4, expenditure: 2.9, openingBalance: 3.8,
    growth: { insured: 0.04, income: 0.05, expenditure: 0.06 }, urbanAffinity: 2.2,
  },
};

const FIRST_YEAR = 2019;
const LAST_YEAR = 2025;
const SEED = 4304;

/** Figures are kept as integer hundredths so sums and balances are exact. */
interface Figures {
  insured: number;
  employees: number | null;
  retirees: number | null;
  income: number;
  expenditure: number;
  balance: number;
}

function hundredths(value: number): number {
  return Math.round(value * 100);
}

function formatHundredths(value: number | null): string | null {
  if (value === null) return null;
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Each division's share of a scheme, from population, urban affinity and a fixed local quirk. */
function schemeShares(random: SeededRandom, plan: SchemePlan): number[] {
  const weights = HENGYANG_DIVISIONS.map(
    (d) => d.population * (d.urban ? plan.urbanAffinity : 1) * random.between(0.85, 1.15),
  );
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => w / total);
}

function divisionYear(random: SeededRandom, plan: SchemePlan, share: number, year: number, previous: number): Figures {
  const t = year - FIRST_YEAR;
  const jitter = () => 1 + random.normal(0, 0.012);
  const insured = hundredths(plan.insured * (1 + plan.growth.insured) ** t * share * jitter());
  const income = hundredths(plan.income * (1 + plan.growth.income) ** t * share * jitter());
  const shock = plan.spendingShocks?.[year] ?? 1;
  const expenditure = hundredths(plan.expenditure * (1 + plan.growth.expenditure) ** t * shock * share * jitter());
  let employees: number | null = null;
  let retirees: number | null = null;
  if (plan.retiredShare !== undefined) {
    // Retirees grow faster than contributors: the share drifts up by half a point a year.
    retirees = Math.round(insured * (plan.retiredShare + 0.005 * t) * jitter());
    employees = insured - retirees;
  }
  return { insured, employees, retirees, income, expenditure, balance: previous + income - expenditure };
}

function sumFigures(parts: Figures[]): Figures {
  const total = (pick: (f: Figures) => number | null): number | null =>
    parts.some((f) => pick(f) === null) ? null : parts.reduce((sum, f) => sum + (pick(f) as number), 0);
  return {
    insured: total((f) => f.insured) as number,
    employees: total((f) => f.employees),
    retirees: total((f) => f.retirees),
    income: total((f) => f.income) as number,
    expenditure: total((f) => f.expenditure) as number,
    balance: total((f) => f.balance) as number,
  };
}

function row(year: number, code: string, name: string, type: InsuranceType, f: Figures): Cell[] {
  return [
    year, code, name, type, formatHundredths(f.insured), formatHundredths(f.employees), formatHundredths(f.retirees),
    formatHundredths(f.income), formatHundredths(f.expenditure), formatHundredths(f.balance),
  ];
}

/** Per scheme, per year, the 12 division figures (balances carried over year to year). */
function simulateScheme(random: SeededRandom, plan: SchemePlan): Map<number, Figures[]> {
  const shares = schemeShares(random, plan);
  let balances = shares.map((share) => hundredths(plan.openingBalance * share));
  const byYear = new Map<number, Figures[]>();
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const figures = shares.map((share, i) => divisionYear(random, plan, share, year, balances[i]));
    balances = figures.map((f) => f.balance);
    byYear.set(year, figures);
  }
  return byYear;
}

/** The whole demo CSV; identical on every call. */
export function socialInsuranceCsv(): string {
  const random = new SeededRandom(SEED);
  const schemes = INSURANCE_TYPES.map((type) => [type, simulateScheme(random, PLANS[type])] as const);
  const rows: Cell[][] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (const [type, byYear] of schemes) {
      rows.push(row(year, HENGYANG_CITY.code, HENGYANG_CITY.name, type, sumFigures(byYear.get(year) as Figures[])));
    }
    HENGYANG_DIVISIONS.forEach((division, i) => {
      for (const [type, byYear] of schemes) {
        rows.push(row(year, division.code, division.name, type, (byYear.get(year) as Figures[])[i]));
      }
    });
  }
  return toCsv(SOCIAL_INSURANCE_HEADER, rows);
}
