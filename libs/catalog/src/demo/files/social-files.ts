/**
 * 示例数据 of social security and public services (plan items 13, 16, 19, 20, 21, 22): employment subsidies,
 * minimum living allowances, the housing provident fund, poverty-alleviation funds, civil-service recruitment,
 * basic public health providers and science projects.
 * Every figure is synthetic; no person appears.
 */
import { Cell, fixed } from './csv-text';
import { COORDINATES, DemoFile, demoTable, field } from './demo-table';
import { COUNTIES, companies, near, officePhone, quarters } from './hengyang';

const QUARTER_PATTERN = '^\\d{4}年第[1-4]季度$';
const SUBSIDIES: ReadonlyArray<[kind: string, perHead: number, share: number]> = [
  ['职业技能培训补贴', 0.12, 1], ['社会保险补贴', 0.35, 0.5], ['一次性创业补贴', 0.5, 0.12], ['创业担保贷款贴息', 0.9, 0.15], ['求职创业补贴', 0.1, 0.4],
];

const employment = demoTable({
  key: 'employment-subsidies',
  dataset: 'hengyang-employment-subsidies',
  fileName: '衡阳市就业创业补贴发放情况_2024-2026年_示例数据.csv',
  description: '示例数据：12个县市区2024年第3季度至2026年第2季度各类就业创业补贴的享受人次和发放金额，由程序生成。',
  own: {
    id: 'hy-hrss-employment-subsidy',
    title: '就业创业补贴发放情况',
    titleEn: 'Employment and business start-up subsidies',
    description: '每行为一个县市区一个季度一类补贴的享受人次和发放金额；不含个人信息。',
    standard: '就业补助资金管理办法 (财社〔2017〕164号)',
    fields: [
      field('quarter', '统计季度', 'Quarter', 'string', { required: true, pattern: QUARTER_PATTERN }),
      field('division_code', '行政区划代码', 'Division code', 'string', { required: true, pattern: '^4304\\d{2}$' }),
      field('county', '县市区', 'County or district', 'string'),
      field('kind', '补贴类型', 'Subsidy', 'string', { required: true, enum: SUBSIDIES.map(([k]) => k) }),
      field('people', '享受人次', 'Beneficiaries', 'integer', { unit: '人次', minimum: 0 }),
      field('amount', '发放金额', 'Amount paid', 'number', { unit: '万元', minimum: 0 }),
    ],
    primaryKey: ['quarter', 'division_code', 'kind'],
  },
  rows: (random) =>
    quarters(2024, 3, 8).flatMap(({ label, quarter }) =>
      COUNTIES.flatMap((c) =>
        SUBSIDIES.map(([kind, perHead, share]): Cell[] => {
          const people = Math.round(c.population * 9 * share * (quarter === 1 ? 0.7 : 1) * random.between(0.8, 1.2));
          return [label, c.code, c.name, kind, people, fixed(people * perHead * random.between(0.9, 1.1), 2)];
        }),
      ),
    ),
});

const dibao = demoTable({
  key: 'minimum-living-allowance',
  dataset: 'hengyang-minimum-living-allowance',
  fileName: '衡阳市城乡低保和特困人员供养情况_2024-2026年_示例数据.csv',
  description: '示例数据：12个县市区逐季度的城乡低保户数、人数、保障标准和特困人员供养人数，由程序生成，非统计数据。',
  own: {
    id: 'hy-civil-dibao',
    title: '城乡低保和特困人员供养情况',
    titleEn: 'Minimum living allowances and support of the destitute',
    description: '每行为一个县市区一个季度的城市、农村低保和特困人员供养统计。',
    standard: '社会救助暂行办法 (国务院令第649号)',
    fields: [
      field('quarter', '统计季度', 'Quarter', 'string', { required: true, pattern: QUARTER_PATTERN }),
      field('division_code', '行政区划代码', 'Division code', 'string', { required: true, pattern: '^4304\\d{2}$' }),
      field('county', '县市区', 'County or district', 'string'),
      field('urban_households', '城市低保户数', 'Urban households', 'integer', { unit: '户', minimum: 0 }),
      field('urban_people', '城市低保人数', 'Urban recipients', 'integer', { unit: '人', minimum: 0 }),
      field('urban_standard', '城市低保标准', 'Urban standard', 'number', { unit: '元/人·月', minimum: 0 }),
      field('rural_households', '农村低保户数', 'Rural households', 'integer', { unit: '户', minimum: 0 }),
      field('rural_people', '农村低保人数', 'Rural recipients', 'integer', { unit: '人', minimum: 0 }),
      field('rural_standard', '农村低保标准', 'Rural standard', 'number', { unit: '元/人·年', minimum: 0 }),
      field('destitute', '特困供养人数', 'Destitute supported', 'integer', { unit: '人', minimum: 0 }),
      field('spending', '当季支出', 'Spending in the quarter', 'number', { unit: '万元', minimum: 0 }),
    ],
    primaryKey: ['quarter', 'division_code'],
  },
  rows: (random) =>
    quarters(2024, 3, 8).flatMap(({ label, year }) =>
      COUNTIES.map((c): Cell[] => {
        const urbanPeople = Math.round(c.population * (c.urban ? 95 : 40) * random.between(0.92, 1.05));
        const ruralPeople = c.urban ? Math.round(c.population * 25) : Math.round(c.population * 300 * random.between(0.92, 1.05));
        const urbanStandard = year >= 2026 ? 720 : year === 2025 ? 700 : 680;
        const ruralStandard = year >= 2026 ? 5520 : year === 2025 ? 5280 : 5040;
        const destitute = Math.round(c.population * (c.urban ? 6 : 28) * random.between(0.95, 1.05));
        const spending = (urbanPeople * urbanStandard * 0.55 * 3 + ruralPeople * (ruralStandard / 12) * 0.5 * 3 + destitute * 600 * 3) / 10_000;
        return [label, c.code, c.name, Math.round(urbanPeople / 1.7), urbanPeople, urbanStandard, Math.round(ruralPeople / 1.9), ruralPeople, ruralStandard, destitute, fixed(spending, 2)];
      }),
    ),
});

const providentFund = demoTable({
  key: 'housing-provident-fund',
  dataset: 'hengyang-housing-provident-fund-operations',
  fileName: '衡阳市住房公积金运行情况_2021-2026年_示例数据.csv',
  description: '示例数据：2021年第1季度至2026年第2季度住房公积金缴存、提取、贷款和余额，余额逐季结转，由程序生成。',
  own: {
    id: 'hy-hpf-operations',
    title: '住房公积金运行情况',
    titleEn: 'Housing provident fund operations',
    description: '每行为一个季度的缴存、提取、个人住房贷款发放和期末余额；缴存余额 = 上季缴存余额 + 当季缴存额 - 当季提取额。',
    standard: '住房公积金管理条例 (国务院令第350号); 全国住房公积金年度报告',
    fields: [
      field('quarter', '统计季度', 'Quarter', 'string', { required: true, pattern: QUARTER_PATTERN }),
      field('units', '实缴单位数', 'Contributing employers', 'integer', { unit: '个', minimum: 0 }),
      field('members', '实缴职工人数', 'Contributing employees', 'integer', { unit: '人', minimum: 0 }),
      field('deposits', '当季缴存额', 'Contributions', 'number', { unit: '亿元', minimum: 0 }),
      field('withdrawals', '当季提取额', 'Withdrawals', 'number', { unit: '亿元', minimum: 0 }),
      field('loans', '当季发放个人住房贷款笔数', 'Mortgages granted', 'integer', { unit: '笔', minimum: 0 }),
      field('loan_amount', '当季发放个人住房贷款金额', 'Mortgage amount granted', 'number', { unit: '亿元', minimum: 0 }),
      field('deposit_balance', '缴存余额', 'Balance of contributions', 'number', { unit: '亿元', minimum: 0 }),
      field('loan_balance', '个人住房贷款余额', 'Balance of mortgages', 'number', { unit: '亿元', minimum: 0 }),
      field('loan_ratio', '个贷率', 'Loans to contributions', 'number', { unit: '%', minimum: 0 }),
    ],
    primaryKey: ['quarter'],
  },
  rows: (random) => {
    // Balances in hundredths of 亿元, so that they carry over exactly.
    let balance = 16_250;
    let loanBalance = 12_480;
    let members = 312_000;
    return quarters(2021, 1, 22).map(({ label }): Cell[] => {
      members = Math.round(members * random.between(1.003, 1.012));
      const deposits = Math.round(members * 0.0042 * random.between(0.95, 1.05) * 100) / 100;
      const depositCents = Math.round(deposits * 100);
      const withdrawalCents = Math.round(depositCents * random.between(0.62, 0.86));
      const loans = random.int(1300, 2100);
      const loanCents = Math.round(loans * random.between(0.36, 0.44));
      balance += depositCents - withdrawalCents;
      loanBalance += loanCents - Math.round(loanBalance * 0.028);
      return [label, Math.round(members / 52), members, fixed(depositCents / 100, 2), fixed(withdrawalCents / 100, 2), loans, fixed(loanCents / 100, 2),
        fixed(balance / 100, 2), fixed(loanBalance / 100, 2), fixed((100 * loanBalance) / balance, 1)];
    });
  },
});

const POVERTY_KINDS: ReadonlyArray<[kind: string, names: readonly string[]]> = [
  ['产业发展', ['油茶种植基地', '黄桃产业园', '湘黄鸡养殖', '蔬菜大棚', '稻虾共作']], ['基础设施', ['村组道路硬化', '安全饮水巩固提升', '农田水利设施', '村级光伏电站']],
  ['就业帮扶', ['扶贫车间', '劳务协作培训']], ['教育帮扶', ['困难学生资助']], ['健康帮扶', ['村卫生室标准化建设']],
];

const povertyFunds = demoTable({
  key: 'poverty-alleviation-funds',
  dataset: 'hengyang-poverty-alleviation-funds',
  fileName: '衡阳市衔接推进乡村振兴补助资金分配及项目安排_2024-2025年_示例数据.csv',
  description: '示例数据：2024-2025年度扶贫（衔接推进乡村振兴）资金下达的项目、金额、实施地点和受益户数，由程序生成。',
  own: {
    id: 'hy-agri-poverty-funds',
    title: '扶贫资金分配及项目安排',
    titleEn: 'Poverty-alleviation funds and projects',
    description: '每行为一个资金项目：年度、县市区、项目名称、类型、资金来源、下达金额、实施地点、受益户数和完成情况。',
    standard: '中央财政衔接推进乡村振兴补助资金管理办法 (财农〔2021〕19号)',
    fields: [
      field('year', '年度', 'Year', 'year', { required: true }),
      field('county', '县市区', 'County or district', 'string', { required: true }),
      field('project', '项目名称', 'Project', 'string', { required: true }),
      field('kind', '项目类型', 'Kind', 'string', { enum: POVERTY_KINDS.map(([k]) => k) }),
      field('source', '资金来源', 'Source of funds', 'string', { enum: ['中央', '省级', '市级', '县级'] }),
      field('amount', '下达金额', 'Amount allocated', 'number', { unit: '万元', minimum: 0 }),
      field('place', '实施地点', 'Where', 'string'),
      field('households', '受益户数', 'Households benefiting', 'integer', { unit: '户', minimum: 0 }),
      field('status', '完成情况', 'Status', 'string', { enum: ['已完工', '在建', '未开工'] }),
    ],
    primaryKey: ['year', 'county', 'project'],
  },
  rows: (random) =>
    [2024, 2025].flatMap((year) =>
      COUNTIES.filter((c) => !c.urban).flatMap((c) =>
        Array.from({ length: 10 }, (_, i): Cell[] => {
          const [kind, names] = POVERTY_KINDS[i % POVERTY_KINDS.length];
          const town = c.towns[i % c.towns.length];
          return [year, c.name, `${town}${names[Math.floor(i / POVERTY_KINDS.length) % names.length]}项目（${i + 1}）`, kind, random.weighted([['中央', 5], ['省级', 3], ['市级', 1], ['县级', 1]] as const),
            fixed(random.between(15, 380), 2), `${c.name}${town}`, random.int(20, 600), year === 2025 && random.chance(0.3) ? '在建' : '已完工'];
        }),
      ),
    ),
});

const RECRUITERS = ['衡阳市人民政府办公室', '衡阳市发展和改革委员会', '衡阳市财政局', '衡阳市环境保护局', '衡阳市住房和城乡建设局', '衡阳市人力资源和社会保障局', '衡阳市民政局', '衡阳市统计局', '衡阳县人民政府办公室', '耒阳市财政局', '常宁市自然资源局', '祁东县人民法院', '衡南县乡镇机关'];

const civilService = demoTable({
  key: 'civil-service-recruitment',
  dataset: 'hengyang-civil-service-recruitment',
  fileName: '衡阳市公务员考试录用职位及报名统计_2025-2026年_示例数据.csv',
  description: '示例数据：2025、2026年考试录用公务员的职位、招录人数、资格条件和报名人数，由程序生成。',
  own: {
    id: 'hy-hrss-civil-service',
    title: '公务员考试录用职位及报名统计',
    titleEn: 'Civil service recruitment posts and applications',
    description: '每行为一个招录职位：招录机关、职位、人数、学历和专业要求、报名和缴费确认人数、竞争比。',
    standard: '公务员录用规定 (中组部令第4号, 2019)',
    fields: [
      field('year', '年度', 'Year', 'year', { required: true }),
      field('post_code', '职位代码', 'Post code', 'string', { required: true }),
      field('agency', '招录机关', 'Recruiting agency', 'string', { required: true }),
      field('post', '职位名称', 'Post', 'string'),
      field('places', '招录人数', 'Places', 'integer', { unit: '人', minimum: 1 }),
      field('education', '学历要求', 'Education', 'string'),
      field('major', '专业要求', 'Field of study', 'string'),
      field('applicants', '报名人数', 'Applicants', 'integer', { unit: '人', minimum: 0 }),
      field('confirmed', '缴费确认人数', 'Confirmed applicants', 'integer', { unit: '人', minimum: 0 }),
      field('ratio', '竞争比', 'Applicants per place', 'number', { minimum: 0 }),
    ],
    primaryKey: ['year', 'post_code'],
  },
  rows: (random) =>
    [2025, 2026].flatMap((year) =>
      RECRUITERS.flatMap((agency, a) =>
        Array.from({ length: random.int(2, 5) }, (_, i): Cell[] => {
          const places = random.weighted([[1, 6], [2, 3], [3, 1]] as const);
          const applicants = Math.round(places * random.between(15, 160));
          const confirmed = Math.round(applicants * random.between(0.8, 0.95));
          const [post, major] = random.pick([['综合管理', '不限'], ['财务会计', '会计学、财务管理、审计学'], ['文字综合', '汉语言文学、新闻学'], ['信息技术', '计算机科学与技术、软件工程'], ['法律事务', '法学']]);
          return [year, `${year}${String(a + 1).padStart(2, '0')}${String(i + 1).padStart(2, '0')}`, agency, post, places, random.pick(['本科及以上', '本科及以上（学士学位）', '大专及以上']), major, applicants, confirmed, fixed(confirmed / places, 1)];
        }),
      ),
    ),
});

const health = demoTable({
  key: 'public-health-providers',
  dataset: 'hengyang-basic-public-health-service-providers',
  fileName: '衡阳市基本公共卫生服务提供机构_2026年_示例数据.csv',
  description: '示例数据：各县市区社区卫生服务中心和乡镇卫生院的地址、经纬度、服务项目数和家庭医生团队数，由程序生成。',
  own: {
    id: 'hy-health-phs-providers',
    title: '基本公共卫生服务提供机构',
    titleEn: 'Providers of basic public health services',
    description: '每行为一个提供国家基本公共卫生服务项目的机构。',
    standard: '国家基本公共卫生服务规范 (第三版)',
    fields: [
      field('name', '机构名称', 'Provider', 'string', { required: true }),
      field('kind', '机构类别', 'Kind', 'string', { enum: ['社区卫生服务中心', '乡镇卫生院'] }),
      field('county', '县市区', 'County or district', 'string'),
      field('address', '地址', 'Address', 'string'),
      ...COORDINATES,
      field('services', '服务项目数', 'Services offered', 'integer', { minimum: 0 }),
      field('gp_teams', '家庭医生签约团队数', 'Family doctor teams', 'integer', { minimum: 0 }),
      field('phone', '咨询电话', 'Telephone', 'string'),
    ],
    primaryKey: ['name'],
  },
  rows: (random) =>
    COUNTIES.flatMap((c) =>
      c.towns.map((town): Cell[] => {
        const street = town.endsWith('街道');
        const kind = street || c.urban ? '社区卫生服务中心' : '乡镇卫生院';
        return [`${c.name}${town}${kind === '乡镇卫生院' ? '卫生院' : '社区卫生服务中心'}`, kind, c.name, `${c.name}${town}${random.pick(['健康路', '中心街', '新民路', '建设路'])}${random.int(1, 200)}号`,
          ...near(random, c, c.urban ? 3 : 12), 12, random.int(4, 18), officePhone(random)];
      }),
    ),
});

const science = demoTable({
  key: 'science-projects',
  dataset: 'hengyang-science-technology-projects',
  fileName: '衡阳市科技计划项目立项及经费安排_2025-2026年_示例数据.csv',
  description: '示例数据：2025-2026年市级科技计划项目的承担单位、资助经费和执行期，承担单位均为虚构，由程序生成。',
  own: {
    id: 'hy-sci-projects',
    title: '科技计划项目立项及经费安排',
    titleEn: 'Science and technology projects and funding',
    description: '每行为一个立项的市级科技计划项目。',
    fields: [
      field('project_no', '项目编号', 'Project number', 'string', { required: true }),
      field('title', '项目名称', 'Project', 'string', { required: true }),
      field('programme', '计划类别', 'Programme', 'string'),
      field('owner', '承担单位', 'Carried out by', 'string'),
      field('county', '所在县市区', 'County or district', 'string'),
      field('year', '立项年度', 'Year approved', 'year'),
      field('grant', '市财政资助', 'City grant', 'number', { unit: '万元', minimum: 0 }),
      field('own_funds', '自筹经费', 'Own funds', 'number', { unit: '万元', minimum: 0 }),
      field('period', '执行期', 'Period', 'string'),
      field('status', '项目状态', 'Status', 'string', { enum: ['在研', '已结题', '终止'] }),
    ],
    primaryKey: ['project_no'],
  },
  rows: (random) =>
    companies(random, 70, ['新材料', '电子科技', '医药', '机械制造', '环保科技', '农业开发']).map((c, i): Cell[] => {
      const year = i < 35 ? 2025 : 2026;
      const topic = random.pick(['关键工艺研发', '智能化改造技术研究', '新产品开发与产业化', '检测方法研究', '绿色低碳技术示范']);
      return [`HYKJ${year}${String(i + 1).padStart(3, '0')}`, `${c.trade}${topic}`, random.pick(['重点研发计划', '科技创新平台', '科技成果转化', '农业科技']), c.name, c.county.name, year,
        fixed(random.pick([10, 20, 30, 50, 80]), 2), fixed(random.between(20, 400), 2), `${year}-${year + 2}`, year === 2025 && random.chance(0.2) ? '已结题' : '在研'];
    }),
});

export const SOCIAL_FILES: readonly DemoFile[] = [employment, dibao, providentFund, povertyFunds, civilService, health, science];
