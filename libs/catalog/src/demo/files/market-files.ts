/**
 * 示例数据 of the market-supervision and credit publishers (plan items 5, 6, 11, 12, 14, 15, 18): major
 * construction projects, administrative licences (双公示), market entity registrations, public resource
 * transactions, intermediary services, food safety sampling, prices of daily necessities and the municipal
 * state-owned enterprises. Every name, code and figure is synthetic.
 */
import { Cell, fixed } from './csv-text';
import { DemoFile, demoTable, field } from './demo-table';
import { COUNTIES, addDays, companies, countyByPopulation, round } from './hengyang';

const USCC_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$';

const PROJECT_KINDS: ReadonlyArray<[kind: string, names: readonly string[]]> = [
  ['产业项目', ['智能制造产业园', '新材料产业基地', '电子信息产业园', '食品精深加工园', '现代物流园']],
  ['基础设施', ['城市快速路', '湘江大桥', '供水管网改造', '高铁站综合枢纽', '污水处理厂提质']],
  ['社会民生', ['人民医院新院区', '职业教育园', '中学新校区', '养老服务中心', '体育中心']],
  ['生态环保', ['湘江沿岸生态修复', '蒸水河道综合治理', '城市绿道', '垃圾焚烧发电']],
];

const majorProjects = demoTable({
  key: 'major-construction-projects',
  dataset: 'hengyang-major-construction-projects',
  fileName: '衡阳市重点建设项目计划及进展_2026年_示例数据.csv',
  description: '示例数据：36个虚构的市级重点建设项目2026年前三季度的投资计划和完成情况，由程序生成。',
  own: {
    id: 'hy-ndrc-major-projects',
    title: '重点建设项目计划及进展',
    titleEn: 'Major construction projects and progress',
    description: '每行为一个重点建设项目一个季度的总投资、年度计划投资、累计完成投资和形象进度。',
    fields: [
      field('project', '项目名称', 'Project', 'string', { required: true }),
      field('kind', '项目类别', 'Kind', 'string', { enum: PROJECT_KINDS.map(([k]) => k) }),
      field('county', '建设地点', 'Where', 'string'),
      field('owner', '建设单位', 'Owner', 'string'),
      field('total', '总投资', 'Total investment', 'number', { unit: '亿元', minimum: 0 }),
      field('planned', '年度计划投资', 'Planned this year', 'number', { unit: '亿元', minimum: 0 }),
      field('done', '累计完成年度投资', 'Invested this year so far', 'number', { unit: '亿元', minimum: 0 }),
      field('period', '建设起止年限', 'Construction period', 'string'),
      field('progress', '形象进度', 'Progress', 'string'),
      field('quarter', '统计季度', 'Quarter', 'string', { required: true, pattern: '^\\d{4}年第[1-4]季度$' }),
    ],
    primaryKey: ['project', 'quarter'],
  },
  rows: (random) =>
    Array.from({ length: 36 }, (_, i) => {
      const [kind, names] = PROJECT_KINDS[i % 4];
      const county = COUNTIES[i % 12];
      const total = round(random.between(3, 60), 2);
      const start = random.int(2023, 2026);
      return { name: `${county.name}${names[Math.floor(i / 4) % names.length]}项目`, kind, county, total, planned: round(total * random.between(0.15, 0.35), 2), period: `${start}-${start + random.int(2, 4)}`, pace: random.between(0.8, 1.15) };
    }).flatMap((p) =>
      [1, 2, 3].map((q): Cell[] => [p.name, p.kind, p.county.name, `${p.county.name}城市建设投资有限公司`, fixed(p.total, 2), fixed(p.planned, 2),
        fixed(Math.min(p.planned * 1.1, p.planned * 0.25 * q * p.pace), 2), p.period, q === 3 && p.pace > 1 ? '主体工程完工' : random.pick(['土建施工', '主体施工', '设备安装', '基础施工']), `2026年第${q}季度`]),
    ),
});

const LICENCES: ReadonlyArray<[item: string, kind: string, authority: string]> = [
  ['建设项目环境影响评价文件审批', '普通', '衡阳市环境保护局'], ['建筑工程施工许可', '普通', '衡阳市住房和城乡建设局'], ['食品经营许可', '普通', '衡阳市食品药品监督管理局'],
  ['企业投资项目核准', '核准', '衡阳市发展和改革委员会'], ['排污许可', '普通', '衡阳市环境保护局'], ['道路运输经营许可', '普通', '衡阳市交通运输局'],
  ['药品零售企业许可', '普通', '衡阳市食品药品监督管理局'], ['危险化学品经营许可', '普通', '衡阳市安全生产监督管理局'],
];

const licensing = demoTable({
  key: 'administrative-licensing',
  dataset: 'hengyang-administrative-licensing-publicity',
  fileName: '衡阳市行政许可信息（双公示）_2026年9月_示例数据.csv',
  description: '示例数据：2026年9月的行政许可决定（双公示行政许可模板），行政相对人均为虚构企业，由程序生成。',
  own: {
    id: 'hy-ndrc-licensing',
    title: '行政许可信息（双公示）',
    titleEn: 'Administrative licences (double publicity)',
    description: '每行为一个行政许可决定，字段取自信用中国双公示行政许可数据模板。',
    standard: '信用中国 行政许可信息数据标准 (双公示模板)',
    fields: [
      field('xk_wsh', '行政许可决定文书号', 'Decision number', 'string', { required: true }),
      field('xk_xmmc', '项目名称', 'Item', 'string', { required: true }),
      field('xk_splb', '审批类别', 'Kind of approval', 'string', { enum: ['普通', '特许', '认可', '核准', '登记', '其他'] }),
      field('xk_xdr_mc', '行政相对人名称', 'Licensee', 'string', { required: true }),
      field('xk_xdr_shxym', '行政相对人统一社会信用代码', 'Licensee code', 'string', { pattern: USCC_PATTERN, required: true }),
      field('xk_jdrq', '许可决定日期', 'Decided on', 'date', { required: true }),
      field('xk_jzq', '许可截止期', 'Valid until', 'date'),
      field('xk_xkjg', '许可机关', 'Licensing authority', 'string', { required: true }),
    ],
    primaryKey: ['xk_wsh'],
    rules: ['uscc-check'],
  },
  rows: (random) =>
    companies(random, 180).map((c, i): Cell[] => {
      const [item, kind, authority] = random.pick(LICENCES);
      const decided = addDays('2026-09-01', Math.floor(i / 6));
      return [`衡${authority.slice(3, 5)}许〔2026〕${1000 + i}号`, item, kind, c.name, c.uscc, decided, addDays(decided, 365 * random.pick([1, 3, 5])), authority];
    }),
});

const ENTITY_TYPES = ['有限责任公司（自然人投资或控股）', '有限责任公司（自然人独资）', '股份有限公司（非上市）', '个人独资企业', '合伙企业'];

const registrations = demoTable({
  key: 'market-entity-registration',
  dataset: 'hengyang-market-entity-registration',
  fileName: '衡阳市市场主体登记信息_2026年9月_示例数据.csv',
  description: '示例数据：2026年9月新登记的200户虚构企业的类型、注册资本、住所和经营范围，由程序生成。',
  own: {
    id: 'hy-aic-registration',
    title: '市场主体登记信息',
    titleEn: 'Market entity registrations',
    description: '每行为一户新登记的市场主体：统一社会信用代码、名称、类型、注册资本、成立日期、住所、登记机关和经营范围。',
    standard: '企业信息公示暂行条例 (国务院令第654号)',
    fields: [
      field('entity_uscc', '统一社会信用代码', 'Unified social credit code', 'string', { pattern: USCC_PATTERN, required: true }),
      field('name', '企业名称', 'Name', 'string', { required: true }),
      field('type', '市场主体类型', 'Type', 'string'),
      field('capital', '注册资本', 'Registered capital', 'number', { unit: '万元', minimum: 0 }),
      field('founded', '成立日期', 'Founded', 'date', { required: true }),
      field('county', '所在县市区', 'County or district', 'string'),
      field('address', '住所', 'Address', 'string'),
      field('registrar', '登记机关', 'Registered by', 'string'),
      field('scope', '经营范围', 'Business scope', 'string'),
    ],
    primaryKey: ['entity_uscc'],
    rules: ['uscc-check'],
  },
  rows: (random) =>
    companies(random, 200).map((c, i): Cell[] => [
      c.uscc, c.name, random.pick(ENTITY_TYPES), fixed(random.pick([10, 50, 100, 200, 500, 1000, 3000]) * random.pick([1, 1, 2]), 2),
      addDays('2026-09-01', Math.floor(i / 7)), c.county.name, `${c.county.name}${random.pick(c.county.towns)}${random.pick(['解放路', '蒸湘北路', '船山大道', '华新大道', '衡州大道', '人民路'])}${random.int(1, 399)}号`,
      `衡阳市${c.county.name}市场监督管理局`, `${c.trade}相关产品的研发、生产、销售；技术咨询服务。（依法须经批准的项目，经相关部门批准后方可开展经营活动）`,
    ]),
});

const TRADES: ReadonlyArray<[kind: string, method: string, buyer: string, base: number]> = [
  ['工程建设', '公开招标', '城市建设投资有限公司', 2800], ['政府采购', '公开招标', '人民医院', 420], ['政府采购', '竞争性磋商', '教育局', 180],
  ['土地矿业权', '挂牌出让', '自然资源局', 9000], ['国有产权', '公开挂牌', '国有资产经营有限公司', 650],
];

const transactions = demoTable({
  key: 'public-resource-transactions',
  dataset: 'hengyang-public-resource-transactions',
  fileName: '衡阳市公共资源交易成交信息_2026年9月_示例数据.csv',
  description: '示例数据：2026年9月工程建设、政府采购、土地矿业权和国有产权交易的成交结果，由程序生成，交易主体均为虚构。',
  own: {
    id: 'hy-trading-transactions',
    title: '公共资源交易成交信息',
    titleEn: 'Public resource transactions',
    description: '每行为一个公共资源交易项目的成交结果。',
    standard: '公共资源交易平台管理暂行办法 (国家发展改革委令第39号)',
    fields: [
      field('project_no', '项目编号', 'Project number', 'string', { required: true }),
      field('project', '项目名称', 'Project', 'string', { required: true }),
      field('kind', '交易类型', 'Kind', 'string', { enum: ['工程建设', '政府采购', '土地矿业权', '国有产权'] }),
      field('method', '交易方式', 'Procedure', 'string'),
      field('buyer', '招标人或采购人', 'Tendering party', 'string'),
      field('winner', '中标或成交单位', 'Winner', 'string'),
      field('amount', '成交金额', 'Amount', 'number', { unit: '万元', minimum: 0 }),
      field('date', '成交日期', 'Date', 'date', { required: true }),
      field('county', '县市区', 'County or district', 'string'),
    ],
    primaryKey: ['project_no'],
  },
  rows: (random) =>
    companies(random, 150).map((c, i): Cell[] => {
      const [kind, method, buyer, base] = random.weighted(TRADES.map((t, j) => [t, [5, 4, 3, 1, 1][j]] as const));
      const county = countyByPopulation(random);
      const what = kind === '工程建设' ? `${random.pick(county.towns)}道路提质改造工程施工` : kind === '政府采购' ? random.pick(['医疗设备采购', '教学设备采购', '物业管理服务', '信息化系统建设']) : kind === '土地矿业权' ? `${random.pick(county.towns)}国有建设用地使用权` : '闲置房产租赁权';
      return [`HYGGZY-2026-${String(i + 1).padStart(4, '0')}`, `${county.name}${what}`, kind, method, `${county.name}${buyer}`, c.name,
        fixed(base * random.between(0.2, 2.5), 2), addDays('2026-09-01', Math.floor(i / 5)), county.name];
    }),
});

const INTERMEDIARIES: ReadonlyArray<[service: string, approval: string, department: string, basis: string]> = [
  ['建设项目环境影响报告书（表）编制', '建设项目环境影响评价文件审批', '市环保局', '《中华人民共和国环境影响评价法》'],
  ['建设工程施工图审查', '建筑工程施工许可', '市住建局', '《建设工程质量管理条例》'], ['地质灾害危险性评估', '建设用地审批', '市国土资源局', '《地质灾害防治条例》'],
  ['水土保持方案编制', '生产建设项目水土保持方案审批', '市水利局', '《中华人民共和国水土保持法》'], ['安全评价', '危险化学品经营许可', '市安监局', '《危险化学品安全管理条例》'],
  ['节能评估报告编制', '固定资产投资项目节能审查', '市发改委', '《固定资产投资项目节能审查办法》'], ['防雷装置检测', '防雷装置竣工验收', '市气象局', '《气象灾害防御条例》'],
  ['消防设施检测', '建设工程消防验收', '市住建局', '《中华人民共和国消防法》'], ['房产测绘', '不动产登记', '市国土资源局', '《房产测绘管理办法》'],
];

const intermediaries = demoTable({
  key: 'intermediary-services',
  dataset: 'hengyang-intermediary-service-list',
  fileName: '衡阳市行政审批中介服务事项清单_示例数据.csv',
  description: '示例数据：市本级保留的行政审批中介服务事项及其设定依据、收费方式，由程序根据常见事项生成。',
  own: {
    id: 'hy-service-intermediary',
    title: '行政审批中介服务事项清单',
    titleEn: 'Intermediary services of administrative approvals',
    description: '每行为一项行政审批中介服务事项：对应审批事项、审批部门、设定依据、机构资质要求和收费依据。',
    fields: [
      field('no', '序号', 'No.', 'integer', { required: true, minimum: 1 }),
      field('service', '中介服务事项名称', 'Intermediary service', 'string', { required: true }),
      field('approval', '对应审批事项', 'Approval it serves', 'string'),
      field('department', '审批部门', 'Approving department', 'string'),
      field('basis', '设定依据', 'Legal basis', 'string'),
      field('qualification', '中介服务机构资质要求', 'Qualification required', 'string'),
      field('fee', '收费依据', 'Fees', 'string'),
      field('kept', '是否保留', 'Kept', 'string', { enum: ['保留', '取消'] }),
    ],
    primaryKey: ['no'],
  },
  rows: (random) =>
    INTERMEDIARIES.flatMap((entry, i) => [entry, [`${entry[0]}（县级权限）`, entry[1], entry[2].replace('市', '县市区'), entry[3]] as const].map((e, j): Cell[] => [
      i * 2 + j + 1, e[0], e[1], e[2], e[3], random.pick(['无资质要求', '具备相应资质的机构', '取得相应资格的专业技术人员']), random.pick(['市场调节价', '政府指导价']), j === 1 && random.chance(0.3) ? '取消' : '保留',
    ])),
});

const FOODS: ReadonlyArray<[food: string, category: string, spec: string, failing: readonly [string, string, string][]]> = [
  ['湘味腊肉', '肉制品', '500克/袋', [['亚硝酸盐(以亚硝酸钠计)', '45mg/kg', '≤30mg/kg']]], ['手工米粉', '粮食加工品', '散装称重', [['二氧化硫残留量', '0.12g/kg', '不得使用']]],
  ['辣椒酱', '调味品', '260克/瓶', [['苯甲酸及其钠盐', '1.6g/kg', '≤1.0g/kg']]], ['纯净水', '饮料', '18.9升/桶', [['铜绿假单胞菌', '检出', '不得检出']]],
  ['豆腐', '豆制品', '散装称重', [['铝的残留量', '160mg/kg', '≤100mg/kg']]], ['鸡蛋', '食用农产品', '散装称重', [['恩诺沙星', '52μg/kg', '不得检出']]],
  ['青菜', '食用农产品', '散装称重', [['毒死蜱', '0.35mg/kg', '≤0.1mg/kg']]], ['茶油', '食用油、油脂及其制品', '5升/桶', [['苯并[a]芘', '14μg/kg', '≤10μg/kg']]],
  ['米酒', '酒类', '500毫升/瓶', [['甜蜜素', '0.15g/kg', '不得使用']]], ['月饼', '糕点', '80克/个', [['菌落总数', '2.1×10⁴CFU/g', '≤1×10⁴CFU/g']]],
];

const foodSampling = demoTable({
  key: 'food-safety-sampling',
  dataset: 'hengyang-food-safety-sampling',
  fileName: '衡阳市食品安全监督抽检结果_2026年第3季度_示例数据.csv',
  description: '示例数据：2026年第3季度食品安全监督抽检的样品、被抽样单位和检验结果，企业名称均为虚构，由程序生成。',
  own: {
    id: 'hy-fda-food-sampling',
    title: '食品安全监督抽检结果',
    titleEn: 'Food safety sampling results',
    description: '每行为一批次抽检样品：食品名称、类别、规格、生产日期、标称生产企业、被抽样单位、检验结果，不合格时列出项目、检验值和标准值。',
    standard: '食品安全抽样检验管理办法 (国家市场监督管理总局令第15号)',
    fields: [
      field('sample_no', '抽样编号', 'Sample number', 'string', { required: true }),
      field('food', '食品名称', 'Food', 'string', { required: true }),
      field('category', '食品类别', 'Category', 'string'),
      field('spec', '规格型号', 'Package', 'string'),
      field('produced', '生产日期', 'Produced', 'date'),
      field('producer', '标称生产企业', 'Stated producer', 'string'),
      field('sampled_unit', '被抽样单位', 'Sampled at', 'string'),
      field('county', '被抽样单位所在县市区', 'County or district', 'string'),
      field('result', '检验结论', 'Result', 'string', { enum: ['合格', '不合格'], required: true }),
      field('failed_item', '不合格项目', 'Failed parameter', 'string'),
      field('measured', '检验结果', 'Measured', 'string'),
      field('limit', '标准值', 'Limit', 'string'),
      field('announced', '公告日期', 'Announced', 'date'),
    ],
    primaryKey: ['sample_no'],
  },
  rows: (random) =>
    companies(random, 60, ['食品', '商贸', '农业开发']).flatMap((seller, i) =>
      Array.from({ length: 4 }, (_, j): Cell[] => {
        const [food, category, spec, failing] = random.pick(FOODS);
        const fail = random.chance(0.035);
        const [item, measured, limit] = failing[0];
        const sampled = addDays('2026-07-01', Math.floor((i * 4 + j) * 0.36));
        return [`DBJ26430400${String(i * 4 + j + 1).padStart(4, '0')}`, food, category, spec, addDays(sampled, -random.int(3, 60)),
          spec.includes('散装') ? null : seller.name.replace(/(商贸|农业开发)/, '食品'), `${seller.county.name}${random.pick(['好又多超市', '农贸市场', '便利店', '生鲜超市'])}${random.pick(seller.county.towns)}店`,
          seller.county.name, fail ? '不合格' : '合格', fail ? item : null, fail ? measured : null, fail ? limit : null, addDays(sampled, 21)];
      }),
    ),
});

const GOODS: ReadonlyArray<[name: string, grade: string, unit: string, price: number, volatility: number]> = [
  ['粳米', '一级', '元/500克', 3.2, 0.01], ['籼米', '一级', '元/500克', 2.8, 0.01], ['菜籽油', '一级桶装', '元/5升', 68, 0.01], ['花生油', '一级桶装', '元/5升', 92, 0.01],
  ['猪肉（精瘦肉）', '鲜', '元/500克', 16.5, 0.04], ['猪肉（五花肉）', '鲜', '元/500克', 14.8, 0.04], ['牛肉', '鲜', '元/500克', 42, 0.015], ['鸡蛋', '新鲜完整', '元/500克', 5.2, 0.03],
  ['白条鸡', '鲜', '元/500克', 13.5, 0.02], ['草鱼', '活', '元/500克', 9.5, 0.03], ['大白菜', '新鲜', '元/500克', 1.6, 0.08], ['白萝卜', '新鲜', '元/500克', 1.5, 0.08],
  ['土豆', '新鲜', '元/500克', 2.4, 0.05], ['西红柿', '新鲜', '元/500克', 3.6, 0.07], ['黄瓜', '新鲜', '元/500克', 3.2, 0.08], ['青椒', '新鲜', '元/500克', 4.2, 0.08],
  ['苹果', '红富士一级', '元/500克', 5.8, 0.03], ['香蕉', '一级', '元/500克', 3.8, 0.04],
];

const prices = demoTable({
  key: 'daily-necessities-prices',
  dataset: 'hengyang-daily-necessities-prices',
  fileName: '衡阳市主要农副产品和生活必需品价格监测_2026年4-9月_示例数据.csv',
  description: '示例数据：18种主要农副产品和生活必需品2026年4-9月每周的零售均价和环比，由程序生成，非监测价格。',
  own: {
    id: 'hy-price-monitoring',
    title: '主要农副产品和生活必需品价格监测',
    titleEn: 'Prices of farm produce and daily necessities',
    description: '每行为一个品种一个监测日的城区零售均价及环比涨跌幅。',
    standard: '重要商品和服务价格监测报告制度 (国家发展改革委)',
    fields: [
      field('date', '监测日期', 'Date', 'date', { required: true }),
      field('item', '品种', 'Item', 'string', { required: true }),
      field('grade', '规格等级', 'Grade', 'string'),
      field('unit', '计量单位', 'Unit', 'string'),
      field('price', '零售均价', 'Average retail price', 'number', { unit: '元', minimum: 0 }),
      field('change', '环比涨跌幅', 'Change on the week before', 'number', { unit: '%' }),
    ],
    primaryKey: ['date', 'item'],
  },
  rows: (random) =>
    GOODS.flatMap(([name, grade, unit, base, volatility]) => {
      let price = base;
      let previous = base;
      return Array.from({ length: 26 }, (_, week): Cell[] => {
        const seasonal = /菜|萝卜|西红柿|黄瓜|青椒/.test(name) ? 1 + 0.25 * Math.sin((week / 26) * Math.PI) : 1;
        price = Math.max(base * 0.6, price * (1 + random.normal(0, volatility)));
        const published = round(price * seasonal, 2);
        const change = week === 0 ? null : fixed((100 * (published - previous)) / previous, 2);
        previous = published;
        return [addDays('2026-04-03', week * 7), name, grade, unit, fixed(published, 2), change];
      });
    }),
});

const SOES: ReadonlyArray<[name: string, sector: string, assets: number]> = [
  ['衡阳市城市建设投资有限公司', '城市基础设施建设', 620], ['衡阳市交通建设投资有限公司', '交通运输', 410], ['衡阳市水务投资集团有限公司', '水的生产和供应', 95],
  ['衡阳市国有资产经营有限公司', '资产运营', 180], ['衡阳市产业发展投资集团有限公司', '产业投资', 260], ['衡阳市文化旅游发展集团有限公司', '文化和旅游', 72],
  ['衡阳市公共交通集团有限公司', '公共交通', 18], ['衡阳市农业发展投资有限公司', '农业', 45], ['衡阳市粮食储备有限公司', '粮食储备', 12], ['衡阳市保安服务有限公司', '商务服务', 1.8],
];

const soeOverview = demoTable({
  key: 'municipal-soe-overview',
  dataset: 'hengyang-municipal-soe-overview',
  fileName: '衡阳市市属国有企业基本情况及资产统计_2021-2025年_示例数据.csv',
  description: '示例数据：10家市属国有企业2021-2025年度的资产、负债、营业收入、利润和职工人数，由程序生成，非统计数据。',
  own: {
    id: 'hy-soe-overview',
    title: '市属国有企业基本情况及资产统计',
    titleEn: 'Municipal state-owned enterprises',
    description: '每行为一家市属国有企业一个年度的资产负债、经营和职工情况。',
    standard: '企业国有资产法 (2008); 国有企业财务决算报表',
    fields: [
      field('year', '年度', 'Year', 'year', { required: true }),
      field('company', '企业名称', 'Enterprise', 'string', { required: true }),
      field('company_uscc', '统一社会信用代码', 'Unified social credit code', 'string', { pattern: USCC_PATTERN }),
      field('sector', '所属行业', 'Sector', 'string'),
      field('assets', '资产总额', 'Total assets', 'number', { unit: '亿元', minimum: 0 }),
      field('liabilities', '负债总额', 'Total liabilities', 'number', { unit: '亿元', minimum: 0 }),
      field('equity', '所有者权益', "Owners' equity", 'number', { unit: '亿元' }),
      field('revenue', '营业收入', 'Revenue', 'number', { unit: '亿元', minimum: 0 }),
      field('profit', '利润总额', 'Profit before tax', 'number', { unit: '亿元' }),
      field('employees', '职工人数', 'Employees', 'integer', { unit: '人', minimum: 0 }),
      field('debt_ratio', '资产负债率', 'Debt ratio', 'number', { unit: '%', minimum: 0 }),
    ],
    primaryKey: ['year', 'company'],
    rules: ['uscc-check'],
  },
  rows: (random) =>
    SOES.flatMap(([name, sector, assets0]) => {
      const code = companies(random, 1)[0].uscc;
      let assets = assets0 * 0.8;
      return [2021, 2022, 2023, 2024, 2025].map((year): Cell[] => {
        assets *= random.between(1.02, 1.1);
        const debt = assets * random.between(0.45, 0.68);
        const revenue = assets * random.between(0.04, 0.12) * (sector === '公共交通' || sector === '商务服务' ? 6 : 1);
        return [year, name, code, sector, fixed(assets, 2), fixed(debt, 2), fixed(assets - debt, 2), fixed(revenue, 2), fixed(revenue * random.between(-0.02, 0.08), 2),
          Math.round(80 + assets0 * random.between(3, 6)), fixed((100 * debt) / assets, 1)];
      });
    }),
});

export const MARKET_FILES: readonly DemoFile[] = [majorProjects, licensing, registrations, transactions, intermediaries, foodSampling, prices, soeOverview];
