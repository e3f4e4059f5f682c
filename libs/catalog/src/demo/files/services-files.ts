/**
 * 示例数据 of 市政务服务中心, 市民政局, 市教育局 and 市卫计委 (plan items 5, 8, 17, 18, 19, 20, 23, 39): approval
 * results, the catalogue of government services, utility service outlets, grassroots service centres,
 * villages and communities, social organizations, high-school enrolment plans and medical service prices.
 * Every figure is synthetic; applicants who are natural persons are never named.
 */
import { Cell, fixed } from './csv-text';
import { COORDINATES, DemoFile, demoTable, field } from './demo-table';
import { CITY, COUNTIES, addDays, companies, countyByPopulation, near, officePhone, round, uscc } from './hengyang';

const USCC_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$';

const SERVICES: ReadonlyArray<[name: string, kind: string, department: string, legal: number, promised: number, online: boolean]> = [
  ['企业投资项目备案', '其他行政权力', '市发改委', 5, 1, true], ['建设工程规划许可证核发', '行政许可', '市国土资源局', 20, 10, true],
  ['建筑工程施工许可证核发', '行政许可', '市住建局', 15, 5, true], ['食品经营许可', '行政许可', '市食药监局', 20, 7, true],
  ['药品零售企业许可', '行政许可', '市食药监局', 30, 15, true], ['社会团体成立登记', '行政许可', '市民政局', 60, 20, false],
  ['民办非企业单位成立登记', '行政许可', '市民政局', 60, 20, false], ['职业技能鉴定', '公共服务', '市人社局', 30, 15, false],
  ['城乡居民基本养老保险待遇申领', '行政给付', '市人社局', 20, 5, true], ['失业保险金申领', '行政给付', '市人社局', 20, 5, true],
  ['住房公积金提取', '公共服务', '市住房公积金中心', 5, 1, true], ['不动产登记', '行政确认', '市国土资源局', 30, 5, true],
  ['排污许可证核发', '行政许可', '市环保局', 20, 15, true], ['危险化学品经营许可', '行政许可', '市安监局', 30, 15, false],
  ['公共场所卫生许可', '行政许可', '市卫计委', 20, 10, true], ['医疗机构执业登记', '行政许可', '市卫计委', 45, 20, false],
  ['道路运输经营许可', '行政许可', '市交通运输局', 20, 10, true], ['户外广告设置审批', '行政许可', '市城管局', 20, 5, true],
  ['民办学校设立审批', '行政许可', '市教育局', 90, 30, false], ['烟草专卖零售许可', '行政许可', '市烟草专卖局', 20, 10, true],
];

const serviceItems = demoTable({
  key: 'government-service-items',
  dataset: 'hengyang-government-service-items',
  fileName: '衡阳市政务服务事项目录及办事指南_示例数据.csv',
  description: '示例数据：市本级20项常见政务服务事项的类型、实施主体、法定和承诺时限、收费和网上办理情况，由程序生成。',
  own: {
    id: 'hy-service-items',
    title: '政务服务事项目录及办事指南',
    titleEn: 'Catalogue of government services',
    description: '每行为一项政务服务事项：编码、名称、类型、实施主体、法定时限、承诺时限、收费、是否网上可办和咨询电话。',
    standard: '国务院关于加快推进全国一体化在线政务服务平台建设的指导意见 (国发〔2018〕27号)',
    fields: [
      field('code', '事项编码', 'Code', 'string', { required: true }),
      field('name', '事项名称', 'Service', 'string', { required: true }),
      field('kind', '事项类型', 'Kind', 'string', { enum: ['行政许可', '行政给付', '行政确认', '公共服务', '其他行政权力'] }),
      field('department', '实施主体', 'Department', 'string'),
      field('legal_days', '法定办结时限', 'Legal time limit', 'integer', { unit: '工作日', minimum: 0 }),
      field('promised_days', '承诺办结时限', 'Promised time limit', 'integer', { unit: '工作日', minimum: 0 }),
      field('fee', '收费标准', 'Fee', 'string'),
      field('online', '是否网上可办', 'Online', 'string', { enum: ['是', '否'] }),
      field('visits', '最多跑动次数', 'Visits at most', 'integer', { minimum: 0 }),
      field('phone', '咨询电话', 'Telephone', 'string'),
    ],
    primaryKey: ['code'],
  },
  rows: (random) =>
    SERVICES.map(([name, kind, department, legal, promised, online], i): Cell[] => [
      `430400-${String(i + 1).padStart(3, '0')}-${kind === '行政许可' ? 'XK' : 'GG'}`, name, kind, department, legal, promised, random.chance(0.85) ? '不收费' : '按规定标准收取', online ? '是' : '否', online ? 0 : 1, officePhone(random),
    ]),
});

const approvals = demoTable({
  key: 'approval-results',
  dataset: 'hengyang-approval-results',
  fileName: '衡阳市行政审批办件结果公示_2026年9月_示例数据.csv',
  description: '示例数据：2026年9月市政务服务中心办结的审批办件，自然人申请人不公示姓名，企业均为虚构，由程序生成。',
  own: {
    id: 'hy-service-approval-results',
    title: '行政审批办件结果公示',
    titleEn: 'Results of administrative approvals',
    description: '每行为一件办结的审批办件：编号、事项、办理部门、申请单位、受理和办结日期、结果、承诺和实际用时。',
    fields: [
      field('case_no', '办件编号', 'Case number', 'string', { required: true }),
      field('service', '事项名称', 'Service', 'string', { required: true }),
      field('department', '办理部门', 'Department', 'string'),
      field('applicant', '申请单位', 'Applicant', 'string'),
      field('received', '受理日期', 'Received', 'date', { required: true }),
      field('closed', '办结日期', 'Closed', 'date'),
      field('result', '办理结果', 'Result', 'string', { enum: ['准予许可', '不予许可', '办结'] }),
      field('promised_days', '承诺时限', 'Promised days', 'integer', { unit: '工作日', minimum: 0 }),
      field('used_days', '实际用时', 'Days used', 'integer', { unit: '工作日', minimum: 0 }),
      field('overdue', '是否超期', 'Overdue', 'string', { enum: ['是', '否'] }),
    ],
    primaryKey: ['case_no'],
  },
  rows: (random) =>
    companies(random, 240).map((c, i): Cell[] => {
      const [name, kind, department, , promised] = random.pick(SERVICES);
      const used = Math.max(0, Math.min(promised + 2, Math.round(promised * random.between(0.2, 1.05))));
      const received = addDays('2026-08-20', Math.floor(i / 8));
      const person = ['行政给付', '公共服务'].includes(kind) && name !== '企业投资项目备案';
      return [`HYZW2026${String(i + 1).padStart(5, '0')}`, name, department, person ? '个人申请（依法不公示姓名）' : c.name, received, addDays(received, used + Math.floor(used / 5) * 2),
        kind === '行政许可' ? (random.chance(0.97) ? '准予许可' : '不予许可') : '办结', promised, used, used > promised ? '是' : '否'];
    }),
});

const UTILITIES: ReadonlyArray<[industry: string, company: string, outlet: string, fees: string]> = [
  ['供水', '衡阳市水务投资集团有限公司', '供水营业厅', '居民生活用水第一阶梯2.28元/立方米'], ['供电', '国网衡阳供电公司', '供电营业厅', '居民生活用电第一档0.588元/千瓦时'],
  ['供气', '衡阳市天然气有限公司', '燃气营业厅', '居民生活用气第一档3.25元/立方米'],
];

const utilityOutlets = demoTable({
  key: 'utility-service-outlets',
  dataset: 'hengyang-public-utility-service-outlets',
  fileName: '衡阳市供水供电供气服务网点及收费标准_2026年_示例数据.csv',
  description: '示例数据：各县市区供水、供电、供气营业网点的地址、经纬度、服务时间和收费标准，由程序生成，非实际网点。',
  own: {
    id: 'hy-service-utility-outlets',
    title: '供水供电供气服务网点及收费标准',
    titleEn: 'Water, electricity and gas service outlets',
    description: '每行为一个公共企事业单位服务网点：行业、服务单位、地址、经纬度、服务时间、电话和收费标准。',
    fields: [
      field('outlet', '网点名称', 'Outlet', 'string', { required: true }),
      field('industry', '行业', 'Utility', 'string', { enum: ['供水', '供电', '供气'] }),
      field('company', '服务单位', 'Company', 'string'),
      field('county', '县市区', 'County or district', 'string'),
      field('address', '地址', 'Address', 'string'),
      ...COORDINATES,
      field('hours', '服务时间', 'Opening hours', 'string'),
      field('phone', '服务电话', 'Telephone', 'string'),
      field('fees', '收费标准', 'Tariff', 'string'),
    ],
    primaryKey: ['outlet'],
  },
  rows: (random) =>
    COUNTIES.flatMap((c) =>
      UTILITIES.flatMap(([industry, company, outlet, fees]) =>
        c.towns.slice(0, c.urban ? 2 : 1).map((town): Cell[] => [`${company.replace(/有限公司|公司/, '')}${c.name}${town}${outlet}`, industry, company, c.name,
          `${c.name}${town}${random.pick(['解放路', '人民路', '建设路', '中山路'])}${random.int(1, 300)}号`, ...near(random, c, c.urban ? 2.5 : 4), '周一至周日 8:30-17:30', officePhone(random), fees]),
      ),
    ),
});

const grassroots = demoTable({
  key: 'grassroots-service-centres',
  dataset: 'hengyang-grassroots-service-centres',
  fileName: '衡阳市乡镇（街道）便民服务中心名录_2026年_示例数据.csv',
  description: '示例数据：各乡镇（街道）便民服务中心的地址、经纬度、窗口数和进驻事项数，由程序生成，坐标为近似位置。',
  own: {
    id: 'hy-service-grassroots-centres',
    title: '乡镇（街道）便民服务中心名录',
    titleEn: 'Township and street service centres',
    description: '每行为一个乡镇（街道）便民服务中心。',
    fields: [
      field('name', '名称', 'Centre', 'string', { required: true }),
      field('kind', '类型', 'Kind', 'string', { enum: ['乡镇便民服务中心', '街道便民服务中心'] }),
      field('county', '县市区', 'County or district', 'string'),
      field('address', '地址', 'Address', 'string'),
      ...COORDINATES,
      field('windows', '服务窗口数', 'Service windows', 'integer', { minimum: 0 }),
      field('items', '进驻事项数', 'Services available', 'integer', { minimum: 0 }),
      field('hours', '服务时间', 'Opening hours', 'string'),
      field('phone', '联系电话', 'Telephone', 'string'),
    ],
    primaryKey: ['name'],
  },
  rows: (random) =>
    COUNTIES.flatMap((c) =>
      c.towns.map((town): Cell[] => {
        const street = town.endsWith('街道');
        return [`${c.name}${town}便民服务中心`, street ? '街道便民服务中心' : '乡镇便民服务中心', c.name, `${c.name}${town}人民政府（办事处）一楼`, ...near(random, c, c.urban ? 3 : 14),
          random.int(4, 12), random.int(60, 180), '工作日 8:30-12:00，14:30-17:30', officePhone(random)];
      }),
    ),
});

const villages = demoTable({
  key: 'villages-and-communities',
  dataset: 'hengyang-villages-and-communities',
  fileName: '衡阳市村（社区）基本信息_2025年_示例数据.csv',
  description: '示例数据：各乡镇（街道）下辖村（社区）的类型、户数、人口和面积，村（社区）名称和数字由程序生成。',
  own: {
    id: 'hy-civil-villages',
    title: '村（社区）基本信息',
    titleEn: 'Villages and urban communities',
    description: '每行为一个村民委员会或社区居民委员会的基本信息。',
    standard: 'GB/T 2260 行政区划代码; 统计用区划代码和城乡划分代码',
    fields: [
      field('year', '统计年度', 'Year', 'year', { required: true }),
      field('county', '县市区', 'County or district', 'string', { required: true }),
      field('town', '乡镇（街道）', 'Township or street', 'string', { required: true }),
      field('name', '村（社区）名称', 'Village or community', 'string', { required: true }),
      field('kind', '类型', 'Kind', 'string', { enum: ['行政村', '社区'] }),
      field('households', '户籍户数', 'Registered households', 'integer', { unit: '户', minimum: 0 }),
      field('population', '户籍人口', 'Registered population', 'integer', { unit: '人', minimum: 0 }),
      field('area', '面积', 'Area', 'number', { unit: '平方公里', minimum: 0 }),
    ],
    primaryKey: ['county', 'town', 'name'],
  },
  rows: (random) => {
    const stems = ['新华', '团结', '和平', '兴隆', '清水', '石塘', '枫树', '金桥', '长江', '双江', '桃源', '石门', '白沙', '龙塘', '大塘', '高塘', '荷花', '竹山', '杨梅', '东湖'];
    return COUNTIES.flatMap((c) =>
      c.towns.flatMap((town) => {
        const community = town.endsWith('街道') || c.urban;
        return Array.from({ length: community ? 4 : 6 }, (_, i): Cell[] => {
          const households = community ? random.int(1500, 4200) : random.int(300, 1100);
          return [2025, c.name, town, `${stems[(i * 7 + town.length) % stems.length]}${community ? '社区' : '村'}`, community ? '社区' : '行政村', households,
            Math.round(households * random.between(2.6, 3.4)), fixed(community ? random.between(0.4, 2.5) : random.between(3, 12), 2)];
        });
      }),
    );
  },
});

const socialOrganizations = demoTable({
  key: 'social-organizations',
  dataset: 'hengyang-social-organizations',
  fileName: '衡阳市社会组织登记信息_示例数据.csv',
  description: '示例数据：市本级登记的社会团体、民办非企业单位和基金会的名称、代码和业务范围，均为虚构，由程序生成。',
  own: {
    id: 'hy-civil-social-orgs',
    title: '社会组织登记信息',
    titleEn: 'Registered social organizations',
    description: '每行为一个登记的社会组织：统一社会信用代码、名称、类型、业务主管单位、成立日期、注册资金、住所、业务范围和状态。',
    standard: '社会团体登记管理条例; 民办非企业单位登记管理暂行条例; 基金会管理条例',
    fields: [
      field('org_uscc', '统一社会信用代码', 'Unified social credit code', 'string', { pattern: USCC_PATTERN, required: true }),
      field('name', '名称', 'Name', 'string', { required: true }),
      field('kind', '类型', 'Kind', 'string', { enum: ['社会团体', '民办非企业单位', '基金会'] }),
      field('supervisor', '业务主管单位', 'Supervising agency', 'string'),
      field('founded', '成立登记日期', 'Registered on', 'date'),
      field('funds', '注册资金', 'Registered funds', 'number', { unit: '万元', minimum: 0 }),
      field('address', '住所', 'Address', 'string'),
      field('scope', '业务范围', 'Activities', 'string'),
      field('status', '登记状态', 'Status', 'string', { enum: ['正常', '注销', '撤销'] }),
    ],
    primaryKey: ['org_uscc'],
    rules: ['uscc-check'],
  },
  rows: (random) => {
    const topics: ReadonlyArray<[string, string, string]> = [['书法家协会', '市文联', '书法艺术交流、培训、展览'], ['物流行业协会', '市商务局', '行业自律、信息交流、培训'], ['老年大学', '市民政局', '老年教育、文体活动'],
      ['职业培训学校', '市人社局', '职业技能培训'], ['慈善基金会', '市民政局', '扶贫济困、助学助医'], ['青年志愿者协会', '团市委', '志愿服务组织与培训'], ['养老服务中心', '市民政局', '日间照料、居家养老服务'], ['律师协会', '市司法局', '会员服务、行业管理']];
    return Array.from({ length: 120 }, (_, i): Cell[] => {
      const [topic, supervisor, scope] = topics[i % topics.length];
      const county = countyByPopulation(random);
      const kind = topic.includes('基金会') ? '基金会' : /学校|大学|中心/.test(topic) ? '民办非企业单位' : '社会团体';
      const code = kind === '社会团体' ? '51' : kind === '基金会' ? '53' : '52';
      return [uscc(random, CITY.code, code), `衡阳市${county.urban ? '' : county.name}${['雁城', '湘江', '蒸水', '船山', '石鼓', '南岳'][i % 6]}${topic}`, kind, supervisor,
        addDays('2008-03-01', random.int(0, 6500)), fixed(kind === '基金会' ? random.between(200, 800) : random.between(3, 50), 2), `衡阳市${county.name}${random.pick(county.towns)}`, scope, random.chance(0.94) ? '正常' : '注销'];
    });
  },
});

const HIGH_SCHOOLS = ['衡阳市第一中学', '衡阳市第八中学', '衡阳市田家炳实验中学', '衡阳市第五中学', '衡阳市第六中学', '衡阳市铁一中', '衡阳县第一中学', '衡南县第一中学', '衡山县第二中学', '衡东县第一中学', '祁东县育贤中学', '耒阳市第一中学', '常宁市第一中学', '南岳区第一中学', '衡阳市成章实验中学', '衡阳市船山实验中学'];

const highSchools = demoTable({
  key: 'high-school-enrolment',
  dataset: 'hengyang-high-school-enrolment-plans',
  fileName: '衡阳市普通高中招生计划_2024-2026年_示例数据.csv',
  description: '示例数据：16所普通高中2024-2026年的招生计划数、统招和指标到校名额，学校名称取自常见校名，数字由程序生成。',
  own: {
    id: 'hy-edu-hs-enrolment',
    title: '普通高中招生计划',
    titleEn: 'High-school enrolment plans',
    description: '每行为一所普通高中一个年度的招生计划。',
    fields: [
      field('year', '年度', 'Year', 'year', { required: true }),
      field('school', '学校名称', 'School', 'string', { required: true }),
      field('county', '县市区', 'County or district', 'string'),
      field('ownership', '办学性质', 'Public or private', 'string', { enum: ['公办', '民办'] }),
      field('plan', '招生计划数', 'Places', 'integer', { unit: '人', minimum: 0 }),
      field('general', '其中统招计划', 'Open admission', 'integer', { unit: '人', minimum: 0 }),
      field('quota', '其中指标到校计划', 'Places allotted to junior schools', 'integer', { unit: '人', minimum: 0 }),
      field('boarding', '是否寄宿', 'Boarding', 'string', { enum: ['是', '否'] }),
    ],
    primaryKey: ['year', 'school'],
  },
  rows: (random) =>
    HIGH_SCHOOLS.flatMap((school, i) => {
      const county = COUNTIES.find((c) => school.startsWith(c.name)) ?? COUNTIES[i % 4];
      const base = random.int(10, 28) * 50;
      return [2024, 2025, 2026].map((year): Cell[] => {
        const plan = Math.round((base * (1 + 0.02 * (year - 2024))) / 10) * 10;
        const quota = Math.round(plan / 20) * 10;
        return [year, school, county.name, /成章|船山/.test(school) ? '民办' : '公办', plan, plan - quota, quota, county.urban ? '否' : '是'];
      });
    }),
});

const MEDICAL: ReadonlyArray<[code: string, name: string, unit: string, price: number]> = [
  ['110200001', '普通门诊诊查费', '次', 10], ['110200002', '副主任医师诊查费', '次', 20], ['110200003', '主任医师诊查费', '次', 30], ['120100001', '重症监护', '小时', 12],
  ['120400001', '肌肉注射', '次', 3], ['120400006', '静脉输液', '组', 8], ['210102015', '数字化摄影(DR)', '片', 70], ['210300001', 'X线计算机体层(CT)平扫', '部位', 220],
  ['210400001', '磁共振扫描(MRI)', '部位', 550], ['220301001', '彩色多普勒超声常规检查', '部位', 120], ['250101001', '血常规检查', '次', 20], ['250301001', '血清总胆固醇测定', '项', 6],
  ['270600001', '病理检查', '例', 160], ['310300001', '视力检查', '次', 4], ['310701001', '常规心电图检查', '次', 25], ['311201001', '产前检查', '次', 25],
  ['330100001', '全身麻醉', '2小时', 720], ['331003001', '阑尾切除术', '次', 1600], ['331501001', '剖宫产术', '次', 2200], ['410000001', '针刺', '次', 18],
];

const medicalPrices = demoTable({
  key: 'medical-service-prices',
  dataset: 'hengyang-medical-service-prices',
  fileName: '衡阳市公立医院医疗服务项目价格_2026年_示例数据.csv',
  description: '示例数据：20项常见医疗服务项目在三级、二级、一级公立医院的收费价格，价格为示意，由程序生成。',
  own: {
    id: 'hy-health-medical-prices',
    title: '公立医院医疗服务项目价格',
    titleEn: 'Prices of medical services at public hospitals',
    description: '每行为一个医疗服务项目：编码、名称、计价单位和三级、二级、一级医院的价格。',
    standard: '全国医疗服务价格项目规范; 湖南省医疗服务价格',
    fields: [
      field('code', '项目编码', 'Code', 'string', { required: true }),
      field('name', '项目名称', 'Service', 'string', { required: true }),
      field('unit', '计价单位', 'Per', 'string'),
      field('tier3', '三级医院价格', 'Price at tertiary hospitals', 'number', { unit: '元', minimum: 0 }),
      field('tier2', '二级医院价格', 'Price at secondary hospitals', 'number', { unit: '元', minimum: 0 }),
      field('tier1', '一级医院价格', 'Price at primary hospitals', 'number', { unit: '元', minimum: 0 }),
      field('notes', '说明', 'Notes', 'string'),
    ],
    primaryKey: ['code'],
  },
  rows: (random) =>
    MEDICAL.map(([code, name, unit, price]): Cell[] => [code, name, unit, fixed(price, 2), fixed(round(price * 0.9, 1), 2), fixed(round(price * 0.8, 1), 2), random.chance(0.3) ? '含一次性耗材' : null]),
});

export const SERVICES_FILES: readonly DemoFile[] = [serviceItems, approvals, utilityOutlets, grassroots, villages, socialOrganizations, highSchools, medicalPrices];
