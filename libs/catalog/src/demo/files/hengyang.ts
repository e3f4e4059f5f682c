/**
 * Reference data the demo files share: 衡阳市's county-level divisions (GB/T 2260 codes, the approximate
 * position of each seat of government, population in 10 000s after the 2020 census), some of their towns and
 * streets, and generators of plausible organization names and unified social credit codes. Names of towns are
 * real places; every company, figure and code made here is invented.
 */
import { usccCheckCharacter } from '../../../../common/src/identifiers';
import { SeededRandom } from './prng';

export interface County {
  code: string;
  name: string;
  /** Seat of government, WGS 84 decimal degrees. */
  longitude: number;
  latitude: number;
  population: number;
  urban: boolean;
  towns: readonly string[];
}

export const CITY = { code: '430400', name: '衡阳市', longitude: 112.572, latitude: 26.894 } as const;

export const COUNTIES: readonly County[] = [
  { code: '430405', name: '珠晖区', longitude: 112.62, latitude: 26.894, population: 38, urban: true, towns: ['茶山坳镇', '和平乡', '酃湖乡', '广东路街道', '东风路街道'] },
  { code: '430406', name: '雁峰区', longitude: 112.606, latitude: 26.874, population: 27, urban: true, towns: ['岳屏镇', '雁峰街道', '天马山街道', '先锋街道'] },
  { code: '430407', name: '石鼓区', longitude: 112.598, latitude: 26.917, population: 31, urban: true, towns: ['角山镇', '人民路街道', '青山街道', '潇湘街道'] },
  { code: '430408', name: '蒸湘区', longitude: 112.567, latitude: 26.891, population: 38, urban: true, towns: ['雨母山镇', '呆鹰岭镇', '联合街道', '红湘街道'] },
  { code: '430412', name: '南岳区', longitude: 112.738, latitude: 27.232, population: 7, urban: true, towns: ['南岳镇', '寿岳乡', '祝融街道'] },
  { code: '430421', name: '衡阳县', longitude: 112.371, latitude: 26.97, population: 92, urban: false, towns: ['西渡镇', '演陂镇', '金兰镇', '井头镇', '台源镇'] },
  { code: '430422', name: '衡南县', longitude: 112.678, latitude: 26.739, population: 82, urban: false, towns: ['云集镇', '车江镇', '茶市镇', '廖田镇', '花桥镇'] },
  { code: '430423', name: '衡山县', longitude: 112.868, latitude: 27.23, population: 34, urban: false, towns: ['开云镇', '店门镇', '白果镇', '萱洲镇'] },
  { code: '430424', name: '衡东县', longitude: 112.953, latitude: 27.081, population: 56, urban: false, towns: ['城关镇', '大浦镇', '吴集镇', '新塘镇', '荣桓镇'] },
  { code: '430426', name: '祁东县', longitude: 112.09, latitude: 26.799, population: 80, urban: false, towns: ['洪桥镇', '白地市镇', '归阳镇', '过水坪镇', '黄土铺镇'] },
  { code: '430481', name: '耒阳市', longitude: 112.86, latitude: 26.422, population: 107, urban: false, towns: ['蔡子池街道', '灶市街街道', '大市乡', '哲桥镇', '新市镇'] },
  { code: '430482', name: '常宁市', longitude: 112.4, latitude: 26.421, population: 77, urban: false, towns: ['宜阳街道', '泉峰街道', '西岭镇', '柏坊镇', '荫田镇'] },
];

/** A point near a county seat (within about `km` kilometres), to six decimals. */
export function near(random: SeededRandom, county: Pick<County, 'longitude' | 'latitude'>, km = 6): [number, number] {
  const dx = random.between(-km, km) / 101;
  const dy = random.between(-km, km) / 111;
  return [Number((county.longitude + dx).toFixed(6)), Number((county.latitude + dy).toFixed(6))];
}

/** A county picked with probability proportional to its population. */
export function countyByPopulation(random: SeededRandom, counties: readonly County[] = COUNTIES): County {
  return random.weighted(counties.map((c) => [c, c.population] as const));
}

const BRANDS = ['华泰', '恒远', '湘衡', '雁城', '金源', '博瑞', '湘江', '南岳', '中南', '鑫达', '祥瑞', '宏图', '东方', '天成', '瑞丰', '嘉诚', '永兴', '荣华', '衡鑫', '新湘', '广源', '宏达', '力拓', '信诚', '众合', '和顺', '佳美', '蓝天', '绿源', '振兴'];

export const INDUSTRIES = [
  ['建材', '制造业'], ['化工', '制造业'], ['机械制造', '制造业'], ['食品', '制造业'], ['电子科技', '制造业'], ['物流', '交通运输、仓储和邮政业'],
  ['建筑工程', '建筑业'], ['商贸', '批发和零售业'], ['环保科技', '科学研究和技术服务业'], ['矿业', '采矿业'], ['新材料', '制造业'],
  ['纺织', '制造业'], ['医药', '制造业'], ['房地产开发', '房地产业'], ['餐饮管理', '住宿和餐饮业'], ['农业开发', '农、林、牧、渔业'],
] as const;

/** A made-up company: name, sector (GB/T 4754 门类), county and a unified social credit code that checks out. */
export interface DemoCompany {
  name: string;
  trade: string;
  sector: string;
  county: County;
  uscc: string;
}

export function companies(random: SeededRandom, count: number, trades?: ReadonlyArray<(typeof INDUSTRIES)[number][0]>): DemoCompany[] {
  const seen = new Set<string>();
  const list: DemoCompany[] = [];
  const pool = trades ? INDUSTRIES.filter(([t]) => trades.includes(t)) : INDUSTRIES;
  while (list.length < count) {
    const [trade, sector] = random.pick(pool);
    const county = countyByPopulation(random);
    const name = `衡阳${random.pick(BRANDS)}${trade}${random.chance(0.8) ? '有限公司' : '股份有限公司'}`;
    if (seen.has(name)) continue;
    seen.add(name);
    list.push({ name, trade, sector, county, uscc: uscc(random, county.code, '91') });
  }
  return list;
}

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * A unified social credit code (GB 32100-2015) with a valid check character: registration authority and type
 * (91 enterprise, 52 民办非企业单位, 51 社会团体 ...), the division code, an organization code of the newer MA
 * form (letters keep it from ever reading as a resident ID or card number), and the MOD 31 check.
 */
export function uscc(random: SeededRandom, divisionCode: string, kind: string): string {
  const organization = `MA4${Array.from({ length: 6 }, () => random.pick([...CODE_CHARS])).join('')}`;
  const first17 = `${kind}${divisionCode}${organization}`;
  return `${first17}${usccCheckCharacter(first17)}`;
}

/** Hengyang landline numbers of offices (0734 area code); the demo never publishes a person's number. */
export function officePhone(random: SeededRandom): string {
  return `0734-8${random.int(100000, 999999)}`;
}

/** YYYY-MM-DD of a UTC date. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return isoDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
}

/** The months from `first` (YYYY-MM) on, `count` of them. */
export function months(first: string, count: number): string[] {
  const [year, month] = first.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const m = month - 1 + i;
    return `${year + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

/** Quarters as 2026年第2季度, from (year, quarter), `count` of them. */
export function quarters(year: number, quarter: number, count: number): Array<{ label: string; year: number; quarter: number }> {
  return Array.from({ length: count }, (_, i) => {
    const q = quarter - 1 + i;
    const y = year + Math.floor(q / 4);
    return { label: `${y}年第${(q % 4) + 1}季度`, year: y, quarter: (q % 4) + 1 };
  });
}

/** Rounds to `decimals` places, as a number. */
export function round(value: number, decimals = 0): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** A deterministic seed from a text (the file's key), so files do not share random streams. */
export function seedOf(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}
