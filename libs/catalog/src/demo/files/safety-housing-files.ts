/**
 * 示例数据 of 市安监局 (plan item 9), 市住建局 and 市国土资源局 (item 7): accident statistics and the work-safety
 * blacklist, public rental housing stock, shantytown renovation, land acquisition approvals and state land
 * supply. Every figure, name and code is synthetic.
 */
import { Cell, fixed } from './csv-text';
import { COORDINATES, DemoFile, demoTable, field } from './demo-table';
import { COUNTIES, addDays, companies, countyByPopulation, months, near, quarters, round } from './hengyang';

const USCC_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$';
const SECTORS = ['工矿商贸', '道路交通', '建筑施工', '消防火灾'] as const;

const accidents = demoTable({
  key: 'work-safety-accidents',
  dataset: 'hengyang-work-safety-accident-statistics',
  fileName: '衡阳市生产安全事故统计_2025年10月-2026年9月_示例数据.csv',
  description: '示例数据：12个县市区分行业的月度生产安全事故起数、伤亡人数和直接经济损失，由程序生成，非统计数据。',
  own: {
    id: 'hy-safety-accident-stats',
    title: '生产安全事故月度统计',
    titleEn: 'Monthly work safety accident statistics',
    description: '每行为一个县市区一个行业一个月的事故起数、死亡人数、受伤人数和直接经济损失。',
    standard: '生产安全事故统计调查制度 (应急管理部)',
    fields: [
      field('month', '统计月份', 'Month', 'yearmonth', { required: true }),
      field('division_code', '行政区划代码', 'Division code', 'string', { required: true, pattern: '^4304\\d{2}$' }),
      field('county', '县市区', 'County or district', 'string'),
      field('sector', '行业类别', 'Sector', 'string', { required: true, enum: SECTORS }),
      field('accidents', '事故起数', 'Accidents', 'integer', { unit: '起', minimum: 0 }),
      field('deaths', '死亡人数', 'Deaths', 'integer', { unit: '人', minimum: 0 }),
      field('injuries', '受伤人数', 'Injuries', 'integer', { unit: '人', minimum: 0 }),
      field('loss', '直接经济损失', 'Direct economic loss', 'number', { unit: '万元', minimum: 0 }),
    ],
    primaryKey: ['month', 'division_code', 'sector'],
  },
  rows: (random) =>
    months('2025-10', 12).flatMap((month) =>
      COUNTIES.flatMap((c) =>
        SECTORS.map((sector): Cell[] => {
          const rate = (sector === '道路交通' ? 1.1 : sector === '工矿商贸' ? 0.35 : 0.15) * (c.population / 60);
          const n = Math.max(0, Math.round(rate + random.normal(0, 0.6)));
          const deaths = n ? random.weighted([[0, 5], [1, 3], [2, 0.4]] as const) : 0;
          const injuries = n ? random.int(0, n * 2) : 0;
          return [month, c.code, c.name, sector, n, deaths, injuries, n ? fixed(random.between(2, 40) * n, 1) : '0.0'];
        }),
      ),
    ),
});

const blacklist = demoTable({
  key: 'work-safety-blacklist',
  dataset: 'hengyang-work-safety-blacklist',
  fileName: '衡阳市安全生产失信联合惩戒对象名单_示例数据.csv',
  description: '示例数据：24家虚构生产经营单位的纳入原因、事故概况和纳入、移出日期，由程序生成。',
  own: {
    id: 'hy-safety-blacklist',
    title: '安全生产失信联合惩戒对象名单',
    titleEn: 'Work safety blacklist',
    description: '每行为一个被纳入安全生产失信联合惩戒的生产经营单位。',
    standard: '对安全生产领域失信行为开展联合惩戒的实施办法 (安监总办〔2017〕49号)',
    fields: [
      field('company', '单位名称', 'Unit', 'string', { required: true }),
      field('company_uscc', '统一社会信用代码', 'Unified social credit code', 'string', { pattern: USCC_PATTERN, required: true }),
      field('county', '所在县市区', 'County or district', 'string'),
      field('reason', '纳入原因', 'Reason', 'string', { required: true }),
      field('accident_date', '事故发生日期', 'Date of the accident', 'date'),
      field('accident', '事故概况', 'What happened', 'string'),
      field('listed', '纳入日期', 'Listed on', 'date', { required: true }),
      field('removed', '移出日期', 'Removed on', 'date'),
    ],
    primaryKey: ['company_uscc', 'listed'],
    rules: ['uscc-check'],
  },
  rows: (random) =>
    companies(random, 24, ['建筑工程', '矿业', '化工', '物流', '建材']).map((c, i): Cell[] => {
      const accident = addDays('2023-02-01', Math.floor(i * 55 + random.int(0, 30)));
      const listed = addDays(accident, random.int(60, 150));
      const reason = random.pick(['发生较大生产安全责任事故', '发生一般生产安全责任事故且瞒报', '拒不执行安全监管指令', '违法违规组织生产经营']);
      const what = c.trade === '矿业' ? '井下作业发生冒顶事故' : c.trade === '建筑工程' ? '施工现场发生高处坠落事故' : c.trade === '物流' ? '货车违规装载发生侧翻事故' : '生产车间发生爆燃事故';
      return [c.name, c.uscc, c.county.name, reason, accident, `${c.county.name}${random.pick(c.county.towns)}${what}`, listed, listed < '2025-03-01' ? addDays(listed, 365) : null];
    }),
});

const PROJECTS = ['雁城', '湘江', '蒸水', '来雁', '华新', '船山', '酃湖', '岳屏', '石鼓', '耒水', '宜阳', '洪桥'];

const housingStock = demoTable({
  key: 'public-rental-housing-stock',
  dataset: 'hengyang-public-rental-housing-stock',
  fileName: '衡阳市公租房房源及入住情况_2025年第4季度-2026年第3季度_示例数据.csv',
  description: '示例数据：24个公租房项目逐季度的房源、分配、入住和空置套数，含项目经纬度，由程序生成。',
  own: {
    id: 'hy-housing-prh-stock',
    title: '公租房房源及入住情况',
    titleEn: 'Public rental housing stock and occupancy',
    description: '每行为一个公租房项目一个季度的房源套数、已分配、已入住和空置套数。',
    standard: '公共租赁住房管理办法 (住房和城乡建设部令第11号)',
    fields: [
      field('project', '项目名称', 'Project', 'string', { required: true }),
      field('county', '所在县市区', 'County or district', 'string'),
      field('quarter', '统计季度', 'Quarter', 'string', { required: true, pattern: '^\\d{4}年第[1-4]季度$' }),
      field('units', '房源套数', 'Dwellings', 'integer', { unit: '套', minimum: 0 }),
      field('allocated', '已分配套数', 'Allocated', 'integer', { unit: '套', minimum: 0 }),
      field('occupied', '已入住套数', 'Occupied', 'integer', { unit: '套', minimum: 0 }),
      field('vacant', '空置套数', 'Vacant', 'integer', { unit: '套', minimum: 0 }),
      field('average_area', '平均套型面积', 'Average floor area', 'number', { unit: '㎡', minimum: 0 }),
      field('rent', '租金标准', 'Rent', 'number', { unit: '元/㎡·月', minimum: 0 }),
      ...COORDINATES,
    ],
    primaryKey: ['project', 'quarter'],
  },
  rows: (random) =>
    Array.from({ length: 24 }, (_, i) => {
      const county = i < 14 ? COUNTIES[i % 5] : COUNTIES[5 + (i % 7)];
      const units = random.int(12, 90) * 10;
      return { name: `${random.pick(PROJECTS)}${random.pick(['家园', '小区', '佳苑', '公寓'])}${i < 14 ? '' : `（${county.name}）`}`, county, units, area: round(random.between(42, 58), 1), rent: round(random.between(7.5, 11), 1), position: near(random, county, county.urban ? 3 : 5), start: random.between(0.8, 0.95) };
    }).flatMap((p, i) =>
      quarters(2025, 4, 4).map(({ label }, q): Cell[] => {
        const allocated = Math.min(p.units, Math.round(p.units * (p.start + 0.015 * q)));
        const occupied = Math.round(allocated * random.between(0.9, 0.98));
        return [`${p.name}${i + 1}期`, p.county.name, label, p.units, allocated, occupied, p.units - occupied, p.area, p.rent, ...p.position];
      }),
    ),
});

const shantytowns = demoTable({
  key: 'shantytown-renovation',
  dataset: 'hengyang-shantytown-renovation-plan',
  fileName: '衡阳市棚户区改造年度计划及完成情况_2022-2025年_示例数据.csv',
  description: '示例数据：2022-2025年各县市区棚户区改造项目的计划户数、开工和基本建成套数、完成投资，由程序生成。',
  own: {
    id: 'hy-housing-shantytown',
    title: '棚户区改造年度计划及完成情况',
    titleEn: 'Shantytown renovation plans and progress',
    description: '每行为一个棚户区改造项目一个年度的计划和完成情况。',
    fields: [
      field('year', '年度', 'Year', 'year', { required: true }),
      field('county', '县市区', 'County or district', 'string', { required: true }),
      field('project', '项目名称', 'Project', 'string', { required: true }),
      field('households', '计划改造户数', 'Households planned', 'integer', { unit: '户', minimum: 0 }),
      field('planned_starts', '计划开工套数', 'Starts planned', 'integer', { unit: '套', minimum: 0 }),
      field('starts', '实际开工套数', 'Started', 'integer', { unit: '套', minimum: 0 }),
      field('completed', '基本建成套数', 'Completed', 'integer', { unit: '套', minimum: 0 }),
      field('investment', '完成投资', 'Investment', 'number', { unit: '亿元', minimum: 0 }),
      field('start_rate', '开工率', 'Start rate', 'number', { unit: '%', minimum: 0 }),
    ],
    primaryKey: ['year', 'project'],
  },
  rows: (random) =>
    [2022, 2023, 2024, 2025].flatMap((year) =>
      Array.from({ length: 16 }, (_, i): Cell[] => {
        const county = COUNTIES[i % 12];
        const planned = random.int(8, 60) * 10;
        const starts = Math.round(planned * random.between(0.88, 1.12));
        return [year, county.name, `${county.name}${county.towns[Math.floor(i / 12) % county.towns.length]}${random.pick(['老旧片区', '城中村', '国有工矿', '危旧房'])}棚户区改造项目`,
          Math.round(planned * random.between(0.95, 1.05)), planned, starts, Math.round(starts * random.between(0.45, 0.9)), fixed(starts * random.between(0.012, 0.02), 2), fixed((100 * starts) / planned, 1)];
      }),
    ),
});

const USES = ['工业用地', '住宅用地', '商服用地', '公共管理与公共服务用地', '交通运输用地'] as const;

const acquisitions = demoTable({
  key: 'land-acquisition-approvals',
  dataset: 'hengyang-land-acquisition-approvals',
  fileName: '衡阳市征地批复信息_2024-2026年_示例数据.csv',
  description: '示例数据：2024-2026年征收土地批次的批准文号、面积和用途，由程序生成，文号均为虚构。',
  own: {
    id: 'hy-land-acquisition',
    title: '征地批复信息',
    titleEn: 'Land acquisition approvals',
    description: '每行为一个征收土地批次的批准文号、批准机关、批准日期、面积和用途。',
    standard: '中华人民共和国土地管理法 (2019修正) 第四十六条',
    fields: [
      field('approval_no', '批准文号', 'Approval number', 'string', { required: true }),
      field('authority', '批准机关', 'Approved by', 'string'),
      field('approved', '批准日期', 'Approved on', 'date', { required: true }),
      field('batch', '批次名称', 'Batch', 'string', { required: true }),
      field('county', '县市区', 'County or district', 'string'),
      field('area', '征收土地面积', 'Area', 'number', { unit: '公顷', minimum: 0 }),
      field('farmland', '其中农用地', 'of which farmland', 'number', { unit: '公顷', minimum: 0 }),
      field('arable', '其中耕地', 'of which arable land', 'number', { unit: '公顷', minimum: 0 }),
      field('use', '用途', 'Use', 'string'),
    ],
    primaryKey: ['approval_no'],
  },
  rows: (random) =>
    Array.from({ length: 48 }, (_, i): Cell[] => {
      const county = countyByPopulation(random);
      const year = 2024 + Math.floor(i / 18);
      const area = round(random.between(2, 45), 4);
      const farmland = round(area * random.between(0.5, 0.9), 4);
      return [`湘政地〔${year}〕${100 + i * 7}号`, '湖南省人民政府', addDays(`${year}-01-10`, (i % 18) * 19 + random.int(0, 8)),
        `${county.name}${year}年度第${(i % 6) + 1}批次城镇建设用地`, county.name, fixed(area, 4), fixed(farmland, 4), fixed(farmland * random.between(0.3, 0.7), 4), random.pick(USES)];
    }),
});

const landSupply = demoTable({
  key: 'state-land-supply',
  dataset: 'hengyang-state-land-supply',
  fileName: '衡阳市国有建设用地供应结果_2026年1-9月_示例数据.csv',
  description: '示例数据：2026年1-9月国有建设用地供应宗地的面积、用途、供地方式和成交价格，由程序生成。',
  own: {
    id: 'hy-land-supply',
    title: '国有建设用地供应结果',
    titleEn: 'State-owned construction land supplied',
    description: '每行为一宗供应的国有建设用地：位置、面积、用途、供地方式、成交价格和土地使用权人。',
    fields: [
      field('supervision_no', '电子监管号', 'Supervision number', 'string', { required: true }),
      field('project', '项目名称', 'Project', 'string'),
      field('county', '县市区', 'County or district', 'string'),
      field('location', '土地位置', 'Location', 'string'),
      field('area', '面积', 'Area', 'number', { unit: '公顷', minimum: 0 }),
      field('use', '土地用途', 'Use', 'string'),
      field('method', '供地方式', 'How supplied', 'string', { enum: ['划拨', '协议出让', '招标出让', '拍卖出让', '挂牌出让'] }),
      field('price', '成交价格', 'Price', 'number', { unit: '万元', minimum: 0 }),
      field('holder', '土地使用权人', 'Holder', 'string'),
      field('signed', '合同签订日期', 'Contract signed', 'date'),
    ],
    primaryKey: ['supervision_no'],
  },
  rows: (random) =>
    companies(random, 110).map((c, i): Cell[] => {
      const use = random.weighted([[USES[0], 4], [USES[1], 3], [USES[2], 2], [USES[3], 1]] as const);
      const method = use === '公共管理与公共服务用地' ? '划拨' : random.weighted([['挂牌出让', 6], ['拍卖出让', 1], ['协议出让', 1]] as const);
      const area = round(random.between(0.3, 12), 4);
      const price = method === '划拨' ? 0 : round(area * (use === '住宅用地' ? 1800 : use === '商服用地' ? 1200 : 220) * random.between(0.8, 1.3), 2);
      return [`HY2026-${c.county.code.slice(4)}-${String(i + 1).padStart(4, '0')}`, `${c.name}${use === '工业用地' ? '生产基地' : use === '住宅用地' ? '住宅小区' : '建设'}项目`, c.county.name,
        `${c.county.name}${random.pick(c.county.towns)}`, fixed(area, 4), use, method, fixed(price, 2), method === '划拨' ? `${c.county.name}人民政府` : c.name, addDays('2026-01-05', Math.floor(i * 2.4))];
    }),
});

export const SAFETY_HOUSING_FILES: readonly DemoFile[] = [accidents, blacklist, housingStock, shantytowns, acquisitions, landSupply];
