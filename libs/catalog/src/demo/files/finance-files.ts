/**
 * 示例数据 of 市财政局 (plan items 24 and 26): the general public budget and final accounts of the city level down
 * to the 项 of the expenditure function classification (政府收支分类科目), the departments' “三公” expenses, and
 * the guiding catalogue of government-purchased services. Amounts are synthetic; subject codes and names follow
 * the national classification.
 */
import { Cell, fixed } from './csv-text';
import { DemoFile, demoTable, field } from './demo-table';
import { DEMO_ORGANIZATIONS } from '../demo-organizations';
import { SeededRandom } from './prng';

const BUDGET_HEADER = ['year', 'budget_kind', 'fund_type', 'department', 'department_code', 'subject_code', 'subject_name', 'level', 'amount', 'basic_expenditure', 'project_expenditure', 'remarks'] as const;

/** 类 -> 款 -> 项 with a rough size of each 项 (万元) for a city level of about 6.6 million people. */
const SUBJECTS: ReadonlyArray<[code: string, name: string, items: ReadonlyArray<[code: string, name: string, items: ReadonlyArray<[code: string, name: string, size: number]>]>]> = [
  ['201', '一般公共服务支出', [
    ['20101', '人大事务', [['2010101', '行政运行', 2600], ['2010108', '代表工作', 480]]],
    ['20103', '政府办公厅（室）及相关机构事务', [['2010301', '行政运行', 5200], ['2010350', '事业运行', 1900]]],
    ['20106', '财政事务', [['2010601', '行政运行', 3100], ['2010699', '其他财政事务支出', 1500]]],
  ]],
  ['204', '公共安全支出', [['20402', '公安', [['2040201', '行政运行', 38000], ['2040220', '执法办案', 9600]]]]],
  ['205', '教育支出', [
    ['20502', '普通教育', [['2050201', '学前教育', 8200], ['2050202', '小学教育', 26000], ['2050203', '初中教育', 21000], ['2050204', '高中教育', 24000]]],
    ['20503', '职业教育', [['2050302', '中等职业教育', 9800]]],
  ]],
  ['206', '科学技术支出', [['20604', '技术研究与开发', [['2060499', '其他技术研究与开发支出', 7600]]]]],
  ['207', '文化旅游体育与传媒支出', [['20701', '文化和旅游', [['2070109', '群众文化', 2300], ['2070111', '文化和旅游市场管理', 900]]]]],
  ['208', '社会保障和就业支出', [
    ['20801', '人力资源和社会保障管理事务', [['2080101', '行政运行', 2900], ['2080109', '社会保险经办机构', 3400]]],
    ['20805', '行政事业单位养老支出', [['2080505', '机关事业单位基本养老保险缴费支出', 31000]]],
    ['20819', '最低生活保障', [['2081901', '城市最低生活保障金支出', 9800], ['2081902', '农村最低生活保障金支出', 4200]]],
  ]],
  ['210', '卫生健康支出', [
    ['21004', '公共卫生', [['2100408', '基本公共卫生服务', 11000], ['2100409', '重大公共卫生服务', 3800]]],
    ['21012', '财政对基本医疗保险基金的补助', [['2101202', '财政对城乡居民基本医疗保险基金的补助', 26000]]],
  ]],
  ['211', '节能环保支出', [['21103', '污染防治', [['2110301', '大气', 5200], ['2110302', '水体', 8800]]]]],
  ['212', '城乡社区支出', [
    ['21203', '城乡社区公共设施', [['2120399', '其他城乡社区公共设施支出', 42000]]],
    ['21205', '城乡社区环境卫生', [['2120501', '城乡社区环境卫生', 16000]]],
  ]],
  ['213', '农林水支出', [
    ['21301', '农业农村', [['2130153', '农田建设', 6400]]],
    ['21305', '巩固脱贫攻坚成果衔接乡村振兴', [['2130504', '农村基础设施建设', 5800]]],
  ]],
  ['214', '交通运输支出', [['21401', '公路水路运输', [['2140106', '公路养护', 7200]]]]],
  ['221', '住房保障支出', [
    ['22101', '保障性安居工程支出', [['2210103', '棚户区改造', 12000]]],
    ['22102', '住房改革支出', [['2210201', '住房公积金', 14000]]],
  ]],
];

/** One budget or final-accounts table: 项 amounts drawn, 款 and 类 their exact sums (in 万元 to two decimals). */
function budgetRows(random: SeededRandom, year: number, kind: '预算' | '决算', growth: number): Cell[][] {
  const rows: Cell[][] = [];
  const cents = (value: number) => Math.round(value * 100);
  const row = (code: string, name: string, level: string, total: number, basic: number | null) =>
    [year, kind, '一般公共预算', '衡阳市本级', '430400000', code, name, level, fixed(total / 100, 2), basic === null ? null : fixed(basic / 100, 2), basic === null ? null : fixed((total - basic) / 100, 2), null];
  for (const [classCode, className, sections] of SUBJECTS) {
    const sectionRows: Cell[][] = [];
    let classTotal = 0;
    let classBasic = 0;
    for (const [sectionCode, sectionName, items] of sections) {
      const itemRows: Cell[][] = [];
      let total = 0;
      let basic = 0;
      for (const [itemCode, itemName, size] of items) {
        const amount = cents(size * growth * random.between(0.92, 1.08) * (kind === '决算' ? random.between(0.94, 1.06) : 1));
        const basicPart = /行政运行|事业运行|养老保险缴费/.test(itemName) ? cents((amount / 100) * random.between(0.82, 0.95)) : 0;
        itemRows.push(row(itemCode, itemName, '项', amount, basicPart));
        total += amount;
        basic += basicPart;
      }
      sectionRows.push(row(sectionCode, sectionName, '款', total, basic), ...itemRows);
      classTotal += total;
      classBasic += basic;
    }
    rows.push(row(classCode, className, '类', classTotal, classBasic), ...sectionRows);
  }
  return rows;
}

const budget = demoTable({
  key: 'government-budget',
  dataset: 'hengyang-government-budget-final-accounts',
  fileName: '衡阳市本级一般公共预算支出预决算（功能分类项级）_2024-2026年_示例数据.csv',
  description: '示例数据：市本级2024、2025年预算和决算及2026年预算的一般公共预算支出，细化到功能分类“项”级科目，金额由程序生成，科目取自政府收支分类科目。',
  standard: { id: 'budget-final-accounts', header: BUDGET_HEADER },
  rows: (random) => {
    const tables: Array<[number, '预算' | '决算', number]> = [[2024, '预算', 1], [2024, '决算', 1.01], [2025, '预算', 1.04], [2025, '决算', 1.05], [2026, '预算', 1.08]];
    return tables.flatMap(([year, kind, growth]) => budgetRows(random, year, kind, growth));
  },
});

const threePublic = demoTable({
  key: 'three-public-expenses',
  dataset: 'hengyang-three-public-expenses',
  fileName: '衡阳市市直部门“三公”经费预决算_2024-2026年_示例数据.csv',
  description: '示例数据：市直部门2024-2026年“三公”经费预算和2024-2025年决算，合计等于各项之和，金额由程序生成。',
  own: {
    id: 'hy-finance-three-public',
    title: '市直部门“三公”经费预决算',
    titleEn: 'Official travel, vehicles and receptions of city departments',
    description: '每行为一个部门一个年度的“三公”经费预算或决算：因公出国（境）费、公务用车购置及运行维护费、公务接待费；合计为各项之和。',
    standard: '衡办发〔2017〕25号 第16项、第26项 (“三公”经费使用公开)',
    fields: [
      field('year', '年度', 'Year', 'year', { required: true }),
      field('kind', '预决算类型', 'Budget or final accounts', 'string', { required: true, enum: ['预算', '决算'] }),
      field('department', '部门名称', 'Department', 'string', { required: true }),
      field('total', '合计', 'Total', 'number', { unit: '万元', minimum: 0 }),
      field('abroad', '因公出国（境）费', 'Official travel abroad', 'number', { unit: '万元', minimum: 0 }),
      field('vehicle_purchase', '公务用车购置费', 'Vehicle purchase', 'number', { unit: '万元', minimum: 0 }),
      field('vehicle_running', '公务用车运行维护费', 'Vehicle running costs', 'number', { unit: '万元', minimum: 0 }),
      field('reception', '公务接待费', 'Official receptions', 'number', { unit: '万元', minimum: 0 }),
    ],
    primaryKey: ['year', 'kind', 'department'],
  },
  rows: (random) => {
    const departments = DEMO_ORGANIZATIONS.filter((o) => o.slug !== 'hy-government').map((o) => o.name);
    const tables: Array<[number, '预算' | '决算']> = [[2024, '预算'], [2024, '决算'], [2025, '预算'], [2025, '决算'], [2026, '预算']];
    return tables.flatMap(([year, kind]) =>
      departments.map((department): Cell[] => {
        const shrink = kind === '决算' ? random.between(0.75, 0.98) : 1;
        const parts = [random.chance(0.15) ? random.between(0, 6) : 0, random.chance(0.1) ? random.between(10, 25) : 0, random.between(3, 22), random.between(1, 9)].map((v) => Math.round(v * shrink * 100));
        return [year, kind, department, fixed(parts.reduce((a, b) => a + b, 0) / 100, 2), ...parts.map((p) => fixed(p / 100, 2))];
      }),
    );
  },
});

const PURCHASED: ReadonlyArray<[level1: string, level2: string, items: readonly string[]]> = [
  ['基本公共服务', '公共教育', ['学前教育普惠服务', '学生课后服务', '教育质量评估']], ['基本公共服务', '养老服务', ['居家养老上门服务', '社区日间照料', '老年人能力评估']],
  ['基本公共服务', '社会救助', ['困难群众走访核查', '临时救助评估']], ['基本公共服务', '医疗卫生', ['家庭医生签约服务', '健康教育宣传']],
  ['社会管理性服务', '社区治理', ['社区网格化管理服务', '社区矫正辅助服务']], ['社会管理性服务', '公共安全', ['交通协管服务', '安全生产检查辅助']],
  ['行业管理与协调性服务', '行业规范', ['行业统计分析', '行业标准制定辅助']], ['技术性服务', '监测评估', ['环境监测', '政策实施效果第三方评估', '财政支出绩效评价']],
  ['技术性服务', '信息化', ['政务信息系统运行维护', '政府网站内容保障']], ['政府履职所需辅助性事项', '后勤服务', ['机关物业管理', '公务用车租赁', '会议服务', '法律顾问服务']],
];

const purchasedServices = demoTable({
  key: 'government-purchased-services',
  dataset: 'hengyang-government-purchased-services-catalogue',
  fileName: '衡阳市政府购买服务指导性目录_2026年_示例数据.csv',
  description: '示例数据：政府购买服务指导性目录的一、二、三级目录、购买主体和承接主体条件，由程序按常见目录结构生成。',
  own: {
    id: 'hy-finance-purchased-services',
    title: '政府购买服务指导性目录',
    titleEn: 'Guiding catalogue of government-purchased services',
    description: '每行为目录中的一项可由政府购买的服务。',
    standard: '政府购买服务管理办法 (财政部令第102号)',
    fields: [
      field('code', '目录编码', 'Code', 'string', { required: true, pattern: '^[A-F]\\d{2}\\d{2}$' }),
      field('level1', '一级目录', 'Category', 'string', { required: true }),
      field('level2', '二级目录', 'Sub-category', 'string', { required: true }),
      field('level3', '三级目录', 'Service', 'string', { required: true }),
      field('buyer', '购买主体', 'Buyer', 'string'),
      field('provider', '承接主体条件', 'Who may provide it', 'string'),
      field('notes', '备注', 'Notes', 'string'),
    ],
    primaryKey: ['code'],
  },
  rows: (random) => {
    const level1s = [...new Set(PURCHASED.map(([l1]) => l1))];
    const seen = new Map<string, number>();
    return PURCHASED.flatMap(([level1, level2, items]) => {
      const l1 = level1s.indexOf(level1);
      const l2 = (seen.get(level1) ?? 0) + 1;
      seen.set(level1, l2);
      return items.map((item, k): Cell[] => [`${'ABCDEF'[l1]}${String(l2).padStart(2, '0')}${String(k + 1).padStart(2, '0')}`, level1, level2, item,
        random.pick(['各级行政机关', '参照公务员法管理的事业单位', '各级行政机关和相关事业单位']), random.pick(['依法成立的社会组织、企业、机构', '具备相应资质的企业和社会组织']), null]);
    });
  },
});

export const FINANCE_FILES: readonly DemoFile[] = [budget, threePublic, purchasedServices];
