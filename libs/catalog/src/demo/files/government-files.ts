/**
 * 示例数据 of the government's general offices (plan items 1, 4, 25, 27, 29, 30, 34): 12345 hotline statistics,
 * administrative penalty decisions (双公示), major administrative decisions, power and responsibility lists,
 * normative documents, the handling of deputies' proposals, key economic indicators and the open data
 * inventory. Parties, numbers and figures are synthetic.
 */
import { DEMO_DATASETS } from '../demo-datasets';
import { DEMO_ORGANIZATIONS } from '../demo-organizations';
import { Cell, fixed } from './csv-text';
import { DemoFile, demoTable, field } from './demo-table';
import { COUNTIES, addDays, companies, months, round, uscc } from './hengyang';

const HOTLINE_HEADER = ['period_start', 'period_end', 'handling_unit', 'division_code', 'received', 'handled', 'completed', 'completion_rate', 'on_time_rate', 'callbacks', 'satisfaction_rate', 'consultations', 'help_requests', 'complaints', 'reports', 'suggestions', 'remarks'] as const;
const HOTLINE_DEPARTMENTS: ReadonlyArray<[name: string, size: number]> = [
  ['衡阳市住房和城乡建设局', 900], ['衡阳市人力资源和社会保障局', 800], ['衡阳市城市管理和综合执法局', 1100], ['衡阳市市场监督管理局', 700],
  ['衡阳市公安局交通警察支队', 650], ['衡阳市水务投资集团有限公司', 500], ['国网衡阳供电公司', 450], ['衡阳市教育局', 380],
];

const hotline = demoTable({
  key: 'hotline-12345',
  dataset: 'hengyang-12345-hotline-statistics',
  fileName: '衡阳市12345政府服务热线受理办理情况_2024年10月-2026年9月_示例数据.csv',
  description: '示例数据：12345热线2024年10月至2026年9月逐月各承办单位的受理量、办理量、办结率和满意率，合计行为各单位之和，由程序生成。',
  standard: { id: 'hotline-12345', header: HOTLINE_HEADER },
  rows: (random) =>
    months('2024-10', 24).flatMap((month) => {
      const start = `${month}-01`;
      const end = addDays(`${months(month, 2)[1]}-01`, -1);
      const season = [7, 8].includes(Number(month.slice(5))) ? 1.25 : 1;
      const units = [...COUNTIES.map((c) => [c.name, c.population * 28, c.code] as const), ...HOTLINE_DEPARTMENTS.map(([n, s]) => [n, s, null] as const)].map(([unit, size, code]) => {
        const received = Math.round(size * season * random.between(0.85, 1.15));
        const handled = Math.round(received * random.between(0.88, 0.96));
        const completed = Math.round(handled * random.between(0.94, 0.995));
        const onTime = Math.round(completed * random.between(0.9, 0.99));
        const callbacks = Math.round(completed * random.between(0.5, 0.7));
        const satisfied = Math.round(callbacks * random.between(0.9, 0.985));
        const kinds = [0.44, 0.16, 0.27, 0.05].map((share) => Math.round(received * share * random.between(0.95, 1.05)));
        return { unit, code, counts: [received, handled, completed, onTime, callbacks, satisfied, ...kinds, received - kinds.reduce((a, b) => a + b, 0)] };
      });
      const total = units[0].counts.map((_, i) => units.reduce((sum, u) => sum + u.counts[i], 0));
      const row = (unit: string, code: string | null, [received, handled, completed, onTime, callbacks, satisfied, ...kinds]: number[], remarks: string | null): Cell[] =>
        [start, end, unit, code, received, handled, completed, fixed((100 * completed) / handled, 1), fixed((100 * onTime) / completed, 1), callbacks, fixed((100 * satisfied) / callbacks, 1), ...kinds, remarks];
      return [row('合计', '430400', total, '全市12345热线'), ...units.map((u) => row(u.unit, u.code, u.counts, null))];
    }),
});

const PENALTY_HEADER = ['cf_wsh', 'cf_xdr_mc', 'cf_xdr_lb', 'cf_xdr_shxym', 'cf_wfxw', 'cf_sy', 'cf_yj', 'cf_cflb', 'cf_nr', 'cf_nr_fk', 'cf_jdrq', 'cf_yxq', 'cf_gsjzq', 'cf_cfjg', 'cf_cfjgdm', 'cf_sjly', 'bz'] as const;
const OFFENCES: ReadonlyArray<[authority: string, prefix: string, offence: string, fact: string, basis: string, fine: [number, number]]> = [
  ['hy-env-bureau', '衡环罚', '超标排放大气污染物', '经监测，其废气排放口颗粒物排放浓度超过国家规定的排放标准', '《中华人民共和国大气污染防治法》第九十九条第二项', [10, 50]],
  ['hy-env-bureau', '衡环罚', '未依法取得排污许可证排放污染物', '未取得排污许可证擅自排放水污染物', '《排污许可管理条例》第三十三条', [20, 60]],
  ['hy-food-drug-administration', '衡食药罚', '经营不符合食品安全标准的食品', '经抽检，其经营的食品中检出超限量使用的食品添加剂', '《中华人民共和国食品安全法》第一百二十四条', [5, 15]],
  ['hy-work-safety-bureau', '衡安监罚', '未按规定开展安全生产教育培训', '未对从业人员进行安全生产教育和培训', '《中华人民共和国安全生产法》第九十七条', [1, 5]],
  ['hy-industry-commerce-bureau', '衡工商罚', '发布虚假广告', '在其经营场所及网络平台发布含有虚假内容的广告', '《中华人民共和国广告法》第五十五条', [2, 20]],
  ['hy-price-bureau', '衡价罚', '不执行明码标价规定', '经营场所销售的商品未按规定明码标价', '《价格违法行为行政处罚规定》第十三条', [0.5, 2]],
  ['hy-housing-construction-bureau', '衡住建罚', '未取得施工许可证擅自施工', '建设项目未取得施工许可证即开工建设', '《建筑工程施工许可管理办法》第十二条', [3, 10]],
];

const penalties = demoTable({
  key: 'administrative-penalties',
  dataset: 'hengyang-administrative-penalty-decisions',
  fileName: '衡阳市行政处罚决定信息（双公示）_2026年7-9月_示例数据.csv',
  description: '示例数据：2026年7-9月的行政处罚决定（信用中国双公示模板），当事人均为虚构，自然人姓名已隐去，由程序生成。',
  standard: { id: 'administrative-penalty', header: PENALTY_HEADER },
  rows: (random) => {
    const authorities = new Map(DEMO_ORGANIZATIONS.map((o) => [o.slug, o]));
    return companies(random, 160).map((c, i): Cell[] => {
      const [slug, prefix, offence, fact, basis, [low, high]] = random.pick(OFFENCES);
      const authority = authorities.get(slug)!;
      const kind = random.weighted([['法人及非法人组织', 8], ['个体工商户', 2], ['自然人', 1]] as const);
      const party = kind === '法人及非法人组织' ? c.name : kind === '个体工商户' ? `${c.county.name}${random.pick(['湘味', '好运', '惠民', '便民'])}${random.pick(['餐馆', '副食店', '建材店'])}` : `${random.pick(['王', '李', '张', '刘', '陈', '周'])}某某`;
      const code = kind === '法人及非法人组织' ? c.uscc : kind === '个体工商户' ? uscc(random, c.county.code, '92') : null;
      const fine = round(random.between(low, high), 1);
      const decided = addDays('2026-07-01', Math.floor(i * 0.57));
      const warning = fine < 1 && random.chance(0.5);
      return [`${prefix}〔2026〕${100 + i}号`, party, kind, code, offence, `当事人${fact}。`, basis, warning ? '警告;罚款' : '罚款', `${warning ? '警告，并' : ''}处罚款人民币${fine}万元`, fine,
        decided, addDays(decided, 365), addDays(decided, 365 * 3), authority.name, authority.uscc, authority.name, null];
    });
  },
});

const decisions = demoTable({
  key: 'major-administrative-decisions',
  dataset: 'hengyang-major-administrative-decisions',
  fileName: '衡阳市重大行政决策事项目录_2024-2026年_示例数据.csv',
  description: '示例数据：2024-2026年度重大行政决策事项的承办单位、公众参与、专家论证、风险评估、合法性审查和集体讨论情况，由程序生成。',
  own: {
    id: 'hy-legal-major-decisions',
    title: '重大行政决策事项目录',
    titleEn: 'Major administrative decisions',
    description: '每行为一个纳入年度目录的重大行政决策事项及其法定程序的履行情况。',
    standard: '重大行政决策程序暂行条例 (国务院令第713号)',
    fields: [
      field('year', '年度', 'Year', 'year', { required: true }),
      field('decision', '决策事项名称', 'Decision', 'string', { required: true }),
      field('sponsor', '承办单位', 'Prepared by', 'string'),
      field('participation', '公众参与方式', 'Public participation', 'string'),
      field('hearing', '是否听证', 'Hearing held', 'string', { enum: ['是', '否'] }),
      field('experts', '专家论证', 'Expert review', 'string', { enum: ['已论证', '不适用'] }),
      field('risk', '风险评估', 'Risk assessment', 'string', { enum: ['已评估', '不适用'] }),
      field('legality', '合法性审查', 'Legality review', 'string', { enum: ['已审查', '审查中'] }),
      field('decided', '集体讨论决定日期', 'Decided on', 'date'),
      field('status', '状态', 'Status', 'string', { enum: ['已决策', '在办'] }),
    ],
    primaryKey: ['year', 'decision'],
  },
  rows: (random) => {
    const topics: ReadonlyArray<[string, string]> = [['城市公共交通票价调整方案', '市交通运输局'], ['湘江东岸防洪景观带建设规划', '市住建局'], ['中心城区停车收费标准调整', '市发改委'], ['城区学校布局专项规划', '市教育局'],
      ['生活垃圾分类实施方案', '市城管局'], ['城市供水价格调整', '市发改委'], ['老旧小区改造三年行动计划', '市住建局'], ['大气污染防治强化措施', '市环保局'], ['国土空间总体规划', '市国土资源局'], ['养老服务体系建设规划', '市民政局']];
    return [2024, 2025, 2026].flatMap((year, y) =>
      topics.slice(y * 3, y * 3 + 4).map(([topic, sponsor], i): Cell[] => {
        const open = year === 2026 && i > 1;
        return [year, `${topic}（${year}）`, sponsor, random.pick(['网上征求意见', '座谈会', '听证会、网上征求意见', '问卷调查']), /价|收费/.test(topic) ? '是' : '否', '已论证', random.chance(0.8) ? '已评估' : '不适用',
          open ? '审查中' : '已审查', open ? null : addDays(`${year}-03-01`, i * 60 + random.int(0, 20)), open ? '在办' : '已决策'];
      }),
    );
  },
});

const POWER_KINDS = ['行政许可', '行政处罚', '行政强制', '行政征收', '行政给付', '行政检查', '行政确认', '行政奖励', '行政裁决', '其他行政权力'] as const;

const powerLists = demoTable({
  key: 'power-responsibility-lists',
  dataset: 'hengyang-power-responsibility-lists',
  fileName: '衡阳市市直部门权力清单和责任清单_2026年_示例数据.csv',
  description: '示例数据：市直部门的职权事项、类型、设定依据、责任事项和追责情形，事项由程序按部门职责生成。',
  own: {
    id: 'hy-staffing-power-list',
    title: '市直部门权力清单和责任清单',
    titleEn: 'Power and responsibility lists of city departments',
    description: '每行为一项行政职权及其对应的责任事项和追责情形。',
    standard: '关于推行地方各级政府工作部门权力清单制度的指导意见 (中办发〔2015〕21号)',
    fields: [
      field('department', '部门', 'Department', 'string', { required: true }),
      field('code', '职权编码', 'Code', 'string', { required: true }),
      field('power', '职权名称', 'Power', 'string', { required: true }),
      field('kind', '职权类型', 'Kind', 'string', { enum: POWER_KINDS }),
      field('basis', '设定依据', 'Legal basis', 'string'),
      field('responsibility', '责任事项', 'Responsibilities', 'string'),
      field('accountability', '追责情形', 'When officials are held to account', 'string'),
    ],
    primaryKey: ['code'],
  },
  rows: (random) =>
    DEMO_ORGANIZATIONS.filter((o) => o.parentSlug === 'hy-government').flatMap((o, d) =>
      Array.from({ length: 8 }, (_, i): Cell[] => {
        const kind = POWER_KINDS[(d + i) % POWER_KINDS.length];
        const subject = o.name.replace('衡阳市', '').replace(/(局|委员会|办公室|中心)$/, '');
        return [o.name, `HY-${String(d + 1).padStart(2, '0')}-${kind === '行政许可' ? 'XK' : kind === '行政处罚' ? 'CF' : 'QT'}-${String(i + 1).padStart(3, '0')}`, `${subject}领域${kind}事项（${i + 1}）`, kind,
          `《${random.pick(['中华人民共和国行政许可法', '中华人民共和国行政处罚法', '湖南省行政程序规定'])}》及相关法律法规`, '受理、审查、决定、送达、事后监管等环节责任', '不依法履行职责或者滥用职权、玩忽职守的，依法依规追究责任'];
      }),
    ),
});

const normativeDocuments = demoTable({
  key: 'normative-documents',
  dataset: 'hengyang-normative-documents',
  fileName: '衡阳市人民政府规范性文件目录_2022-2026年_示例数据.csv',
  description: '示例数据：2022-2026年市政府规范性文件的文号、名称、发布和施行日期及有效状态，文号和名称由程序生成。',
  own: {
    id: 'hy-office-normative-docs',
    title: '市人民政府规范性文件目录',
    titleEn: 'Normative documents of the city government',
    description: '每行为一件规范性文件：文号、名称、发文机关、成文、发布和施行日期、有效期、状态和是否有解读材料。',
    fields: [
      field('doc_no', '文号', 'Number', 'string', { required: true }),
      field('title', '文件名称', 'Title', 'string', { required: true }),
      field('issuer', '发文机关', 'Issued by', 'string'),
      field('written', '成文日期', 'Written', 'date'),
      field('published', '发布日期', 'Published', 'date'),
      field('effective', '施行日期', 'In force from', 'date'),
      field('expires', '有效期至', 'In force until', 'date'),
      field('status', '状态', 'Status', 'string', { enum: ['有效', '失效', '废止'] }),
      field('interpretation', '解读材料', 'Explanation published', 'string', { enum: ['有', '无'] }),
    ],
    primaryKey: ['doc_no'],
  },
  rows: (random) => {
    const topics = ['城市绿化管理办法', '住房公积金缴存管理办法', '城区停车管理办法', '政府投资项目管理办法', '农村村民住房建设管理办法', '行政规范性文件管理办法', '城市排水管理办法', '地名管理办法', '优化营商环境若干措施', '人才引进实施办法'];
    return Array.from({ length: 60 }, (_, i): Cell[] => {
      const year = 2022 + Math.floor(i / 12);
      const written = addDays(`${year}-01-15`, (i % 12) * 28 + random.int(0, 10));
      const published = addDays(written, random.int(2, 8));
      const expires = addDays(published, 365 * 5);
      return [`衡政发〔${year}〕${(i % 12) + 1}号`, `衡阳市${topics[i % topics.length]}${i >= topics.length ? `（${year}年修订）` : ''}`,
        '衡阳市人民政府', written, published, addDays(published, 30), expires, year <= 2022 && i % 5 === 0 ? '废止' : '有效', random.chance(0.9) ? '有' : '无'];
    });
  },
});

const proposals = demoTable({
  key: 'proposal-handling-results',
  dataset: 'hengyang-proposal-handling-results',
  fileName: '衡阳市人大代表建议和政协委员提案办理结果_2024-2025年_示例数据.csv',
  description: '示例数据：2024-2025年人大代表建议和政协委员提案的主办、会办单位、办理结果和代表委员满意度，由程序生成，不含代表委员姓名。',
  own: {
    id: 'hy-office-proposals',
    title: '人大代表建议和政协委员提案办理结果',
    titleEn: "Handling of deputies' suggestions and proposals",
    description: '每行为一件建议或提案的办理情况：A类已解决或采纳，B类正在解决或列入计划，C类因条件限制暂不能解决。',
    fields: [
      field('year', '年度', 'Year', 'year', { required: true }),
      field('kind', '类别', 'Kind', 'string', { required: true, enum: ['人大代表建议', '政协委员提案'] }),
      field('number', '建议提案编号', 'Number', 'string', { required: true }),
      field('title', '标题', 'Title', 'string', { required: true }),
      field('lead', '主办单位', 'Lead agency', 'string'),
      field('partners', '会办单位', 'Other agencies', 'string'),
      field('result', '办理结果', 'Result', 'string', { enum: ['A', 'B', 'C'] }),
      field('answered', '答复日期', 'Answered on', 'date'),
      field('satisfaction', '满意度', 'Satisfaction', 'string', { enum: ['满意', '基本满意', '不满意'] }),
    ],
    primaryKey: ['year', 'kind', 'number'],
  },
  rows: (random) => {
    const agencies = DEMO_ORGANIZATIONS.filter((o) => o.parentSlug === 'hy-government').map((o) => o.name);
    const topics = ['加快老旧小区加装电梯', '改善城区交通拥堵', '加强湘江水环境保护', '完善农村养老服务', '提高中小学课后服务质量', '推进政务服务一网通办', '扶持中小微企业发展', '加强食品安全监管', '增加城区停车位', '规范物业管理'];
    return [2024, 2025].flatMap((year) =>
      (['人大代表建议', '政协委员提案'] as const).flatMap((kind) =>
        Array.from({ length: 45 }, (_, i): Cell[] => {
          const result = random.weighted([['A', 5], ['B', 4], ['C', 1]] as const);
          return [year, kind, `${kind === '人大代表建议' ? 'R' : 'Z'}${year}${String(i + 1).padStart(3, '0')}`, `关于${random.pick(topics)}的${kind === '人大代表建议' ? '建议' : '提案'}`, random.pick(agencies), random.chance(0.5) ? random.pick(agencies) : null,
            result, addDays(`${year}-04-10`, random.int(0, 80)), result === 'C' && random.chance(0.3) ? '基本满意' : random.weighted([['满意', 8], ['基本满意', 2]] as const)];
        }),
      ),
    );
  },
});

const INDICATORS: ReadonlyArray<[name: string, unit: string, base: number, growth: number, quarterly: boolean]> = [
  ['地区生产总值（累计）', '亿元', 4300, 5.8, true], ['规模以上工业增加值增速（累计）', '%', 0, 6.5, false], ['固定资产投资增速（累计）', '%', 0, 5.2, false],
  ['社会消费品零售总额（累计）', '亿元', 1750, 5.5, false], ['一般公共预算收入（累计）', '亿元', 165, 4.1, false], ['城镇居民人均可支配收入（累计）', '元', 43000, 5.0, true],
  ['农村居民人均可支配收入（累计）', '元', 24500, 6.6, true], ['居民消费价格指数（上年同月=100）', '%', 100.3, 0, false],
];

const indicators = demoTable({
  key: 'key-economic-indicators',
  dataset: 'hengyang-key-economic-indicators',
  fileName: '衡阳市国民经济主要统计指标_2025-2026年_示例数据.csv',
  description: '示例数据：2025年1月至2026年9月逐月（季度指标按季）发布的主要经济指标累计值和同比增长，由程序生成，非统计数据。',
  own: {
    id: 'hy-stats-indicators',
    title: '国民经济主要统计指标',
    titleEn: 'Key economic indicators',
    description: '每行为一个指标一个月份（季度指标为季末月份）的累计值和比上年同期增长；增速类指标只填增长。',
    standard: '统计法; 地区生产总值统一核算改革',
    fields: [
      field('month', '统计月份', 'Month', 'yearmonth', { required: true }),
      field('indicator', '指标名称', 'Indicator', 'string', { required: true }),
      field('unit', '计量单位', 'Unit', 'string'),
      field('value', '累计值', 'Value to date', 'number'),
      field('growth', '比上年同期增长', 'Growth on a year earlier', 'number', { unit: '%' }),
    ],
    primaryKey: ['month', 'indicator'],
  },
  rows: (random) =>
    months('2025-01', 21).flatMap((month) => {
      const m = Number(month.slice(5));
      return INDICATORS.filter(([, , , , quarterly]) => !quarterly || m % 3 === 0).map(([name, unit, base, growth]): Cell[] => {
        if (base === 0) return [month, name, '%', null, fixed(growth + random.normal(0, 0.6), 1)];
        if (name.startsWith('居民消费价格')) return [month, name, unit, fixed(base + random.normal(0, 0.4), 1), null];
        const year = Number(month.slice(0, 4)) - 2025;
        // Cumulative from January: the year's level (base in 2025, growing) times the share of the year gone.
        const value = base * (1 + growth / 100) ** year * (m / 12) * random.between(0.97, 1.03);
        return [month, name, unit, fixed(value, unit === '元' ? 0 : 2), fixed(growth + random.normal(0, 0.5), 1)];
      });
    }),
});

const inventory = demoTable({
  key: 'open-data-inventory',
  dataset: 'hengyang-open-data-inventory',
  fileName: '衡阳市政府数据资源开放清单_示例数据.csv',
  description: '示例数据：按本平台演示目录编制的政府数据资源开放清单，列出资源名称、提供部门、开放属性和更新周期。',
  own: {
    id: 'hy-egov-open-inventory',
    title: '政府数据资源开放清单',
    titleEn: 'Open government data inventory',
    description: '每行为一项政府数据资源：代码、名称、提供部门、开放属性、更新周期、所属重点领域和公开计划事项。',
    standard: '政务信息资源目录编制指南（试行） (发改高技〔2017〕1272号)',
    fields: [
      field('code', '信息资源代码', 'Resource code', 'string', { required: true }),
      field('name', '数据资源名称', 'Resource', 'string', { required: true }),
      field('provider', '提供部门', 'Provided by', 'string'),
      field('open_attribute', '开放属性', 'Openness', 'string', { enum: ['无条件开放', '有条件开放', '不予开放'] }),
      field('frequency', '更新周期', 'Update frequency', 'string'),
      field('domain', '重点领域', 'Priority domain', 'string'),
      field('plan_item', '公开计划事项', 'Plan item', 'integer', { minimum: 1, maximum: 39 }),
    ],
    primaryKey: ['code'],
  },
  rows: () => {
    const names = new Map(DEMO_ORGANIZATIONS.map((o) => [o.slug, o.name]));
    return DEMO_DATASETS.map((d): Cell[] => [d.resourceCode ?? d.slug, d.title, names.get(d.organization) ?? d.organization, d.openAttribute, d.updateFrequency, d.priorityDomain ?? null, d.planItem]);
  },
});

export const GOVERNMENT_FILES: readonly DemoFile[] = [hotline, penalties, decisions, powerLists, normativeDocuments, proposals, indicators, inventory];
