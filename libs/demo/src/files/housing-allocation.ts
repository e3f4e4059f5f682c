/**
 * 示例数据: synthetic public-rental housing (公租房) allocation results, as a city publishes them after a lottery.
 * Every person in it is invented; the identity numbers are generated with valid check characters only so that
 * the masking can be proven on realistic input.
 *
 * Masking rule (no national pattern exists, STANDARDS.md 3; personal data must be de-identified before
 * publication):
 * - name: keep the surname, one `*` per character of the given name (张三丰 -> 张**, 欧阳娜 -> 欧阳*); compound
 *   surnames from COMPOUND_SURNAMES are kept whole;
 * - resident ID (18 characters): keep the first 6 (region) and the last 4, the 8 between (the birth date) become
 *   `*` (430405199001011234 -> 430405********1234); an old 15-digit ID keeps its first 6 and last 3, the 6-digit
 *   birth date masked. Anything else is refused rather than published half-masked.
 * No telephone numbers are published at all.
 */
import { residentIdCheckCharacter } from '@opendata/common';
import { Cell, fixed, toCsv } from './csv-text';
import { SeededRandom } from './prng';
import { HENGYANG_DIVISIONS } from './social-insurance';

export const HOUSING_ALLOCATION_HEADER = [
  '项目名称', '批次', '楼栋', '单元', '房号', '申请人(已脱敏)', '身份证号(已脱敏)', '家庭人口', '套型面积(平方米)',
  '月租金(元)', '保障类型', '配租结果', '公示日期',
] as const;

export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '宇文', '长孙', '夏侯', '司徒',
  '端木', '南宫', '独孤', '西门', '百里', '呼延',
];

/** Surname kept, given name replaced by one `*` per character; a two-character 欧阳 reads as surname 欧 + name 阳. */
export function maskName(name: string): string {
  const characters = Array.from(name.trim());
  const compound = COMPOUND_SURNAMES.some((s) => name.startsWith(s)) && characters.length > 2;
  const surnameLength = compound ? 2 : 1;
  return characters.slice(0, surnameLength).join('') + '*'.repeat(Math.max(0, characters.length - surnameLength));
}

/** First 6 and last 4 kept, the 8 birth-date digits masked (15-digit IDs: first 6 and last 3 kept). */
export function maskResidentId(id: string): string {
  const value = id.trim();
  if (/^\d{17}[\dXx]$/.test(value)) return `${value.slice(0, 6)}********${value.slice(14)}`;
  if (/^\d{15}$/.test(value)) return `${value.slice(0, 6)}******${value.slice(12)}`;
  throw new Error('not a resident ID number: refusing to publish it unmasked');
}

const GUARANTEE_TYPES: ReadonlyArray<readonly [string, number]> = [
  ['城镇中等偏下收入住房困难家庭', 5],
  ['新就业无房职工', 3],
  ['外来务工人员', 3],
  ['城镇低保住房困难家庭', 2],
];

interface Project {
  name: string;
  buildings: number;
  /** 元 per m² per month. */
  rentRate: number;
}

// Demo projects with invented names; any likeness to a real estate is accidental.
const PROJECTS: readonly Project[] = [
  { name: '雁城佳园公租房小区', buildings: 6, rentRate: 9.5 },
  { name: '蒸湘和美苑公租房', buildings: 4, rentRate: 10.5 },
  { name: '珠晖安居苑公租房', buildings: 5, rentRate: 8.5 },
  { name: '白沙洲产业园公租房', buildings: 3, rentRate: 11.5 },
];

const BATCHES = [
  { name: '2026年第一批', date: '2026-03-16', size: 190 },
  { name: '2026年第二批', date: '2026-07-20', size: 210 },
] as const;

const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['李', 8], ['王', 7], ['刘', 7], ['陈', 7], ['张', 6], ['杨', 5], ['黄', 4], ['周', 4], ['邓', 4], ['罗', 4],
  ['彭', 4], ['谭', 4], ['唐', 4], ['蒋', 3], ['廖', 3], ['曾', 3], ['谢', 3], ['肖', 3], ['欧阳', 2], ['胡', 2],
];
const GIVEN_NAME_CHARACTERS = Array.from('建国军华伟芳娟敏静丽强磊洋勇艳杰涛明超秀兰霞平刚桂英文辉鹏飞玲燕红波');
const REGION_CODES = HENGYANG_DIVISIONS.map((division) => division.code);
const SEED = 2012;

/** One allocation before masking. Test-only: the raw name and ID must never leave this module in a file. */
export interface HousingAllocationRecord {
  project: string;
  batch: string;
  building: string | null;
  unit: string | null;
  room: string | null;
  applicantName: string;
  residentId: string;
  householdSize: number;
  area: number | null;
  monthlyRent: number | null;
  guaranteeType: string;
  result: '已配租' | '轮候';
  announced: string;
}

function fakeResidentId(random: SeededRandom): string {
  const birth = new Date(Date.UTC(1965, 0, 1) + random.int(0, 37 * 365) * 86_400_000);
  const date = birth.toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `${random.pick(REGION_CODES)}${date}${String(random.int(1, 999)).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

function fakeName(random: SeededRandom): string {
  const givenLength = random.chance(0.25) ? 1 : 2;
  const given = Array.from({ length: givenLength }, () => random.pick(GIVEN_NAME_CHARACTERS)).join('');
  return random.weighted(SURNAMES) + given;
}

function freeRoom(random: SeededRandom, project: Project, taken: Set<string>): [string, string, string] {
  for (;;) {
    const place: [string, string, string] = [
      `${random.int(1, project.buildings)}栋`,
      `${random.int(1, 3)}单元`,
      `${random.int(2, 18)}${String(random.int(1, 4)).padStart(2, '0')}`,
    ];
    const key = `${project.name}/${place.join('/')}`;
    if (!taken.has(key)) {
      taken.add(key);
      return place;
    }
  }
}

type Batch = (typeof BATCHES)[number];

function allocation(random: SeededRandom, batch: Batch, taken: Set<string>): HousingAllocationRecord {
  const project = random.pick(PROJECTS);
  const householdSize = random.weighted([[1, 3], [2, 3], [3, 4], [4, 2], [5, 1]] as const);
  const allocated = random.chance(0.8);
  const [building, unit, room] = allocated ? freeRoom(random, project, taken) : [null, null, null];
  // 公租房 units stay within 60 m²; bigger households get the bigger plans.
  const plan = householdSize <= 2 ? random.between(35, 45) : random.between(45, 60);
  const area = allocated ? Number(fixed(plan, 2)) : null;
  return {
    project: project.name,
    batch: batch.name,
    building,
    unit,
    room,
    applicantName: fakeName(random),
    residentId: fakeResidentId(random),
    householdSize,
    area,
    monthlyRent: area === null ? null : Math.round(area * project.rentRate),
    guaranteeType: random.weighted(GUARANTEE_TYPES),
    result: allocated ? '已配租' : '轮候',
    announced: batch.date,
  };
}

/** The unmasked records behind the file (for tests proving the masking); identical on every call. */
export function housingAllocationRecords(): HousingAllocationRecord[] {
  const random = new SeededRandom(SEED);
  const taken = new Set<string>();
  return BATCHES.flatMap((batch) => Array.from({ length: batch.size }, () => allocation(random, batch, taken)));
}

/** The whole demo CSV, masked; identical on every call. */
export function housingAllocationCsv(): string {
  const rows: Cell[][] = housingAllocationRecords().map((r) => [
    r.project, r.batch, r.building, r.unit, r.room, maskName(r.applicantName), maskResidentId(r.residentId),
    r.householdSize, r.area === null ? null : fixed(r.area, 2), r.monthlyRent, r.guaranteeType, r.result, r.announced,
  ]);
  return toCsv(HOUSING_ALLOCATION_HEADER, rows);
}
