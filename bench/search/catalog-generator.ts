import { SEARCH_VECTOR_SQL, THEMES, searchDocument } from '@opendata/catalog';
import { Client } from 'pg';

/**
 * A synthetic catalogue shaped like a city portal's: ~80 recurring publication topics of the city's bureaus,
 * published per district and year, with the tags, themes and formats such records carry. Deterministic.
 */
interface Topic {
  org: string;
  words: string;
  en: string;
  tags: string[];
  themes: [string, string];
  formats: string[];
}

const T = (org: string, words: string, en: string, tags: string[], gov: string, eu: string, formats = ['CSV']): Topic => ({
  org,
  words,
  en,
  tags,
  themes: [gov, eu],
  formats,
});

const TOPICS: Topic[] = [
  T('hy-env-bureau', '环境空气质量小时数据', 'hourly air quality', ['空气质量', 'AQI', 'PM2.5'], 'GOV_ECOLOGY', 'ENVI', ['CSV', 'JSON']),
  T('hy-env-bureau', '空气质量日报', 'daily air quality report', ['空气质量', '日报'], 'GOV_ECOLOGY', 'ENVI'),
  T('hy-env-bureau', '空气质量月度排名', 'monthly air quality ranking', ['空气质量', '排名'], 'GOV_ECOLOGY', 'ENVI', ['XLSX']),
  T('hy-env-bureau', '地表水水质监测数据', 'surface water quality', ['水质', '地表水', '湘江'], 'GOV_ECOLOGY', 'ENVI'),
  T('hy-env-bureau', '集中式饮用水源地水质', 'drinking water sources', ['饮用水源', '水质'], 'GOV_ECOLOGY', 'ENVI'),
  T('hy-env-bureau', '重点污染源监测数据', 'key pollution sources', ['污染源', '排放'], 'GOV_ECOLOGY', 'ENVI'),
  T('hy-env-bureau', '环境信用评价结果', 'environmental credit ratings', ['环境信用', '企业'], 'GOV_CREDIT', 'ENVI', ['XLSX']),
  T('hy-env-bureau', '环境行政处罚决定', 'environmental penalties', ['行政处罚', '双公示'], 'GOV_CREDIT', 'JUST'),
  T('hy-hr-social-security-bureau', '社会保险参保人数统计', 'social insurance enrolment', ['社保', '参保', '养老保险'], 'GOV_SOCIAL_SECURITY', 'SOCI'),
  T('hy-hr-social-security-bureau', '社会保险基金收支情况', 'social insurance funds', ['社保', '基金', '收支'], 'GOV_SOCIAL_SECURITY', 'ECON'),
  T('hy-hr-social-security-bureau', '城镇登记失业率', 'registered unemployment', ['失业保险', '就业'], 'GOV_SOCIAL_SECURITY', 'ECON'),
  T('hy-hr-social-security-bureau', '职业技能培训补贴发放', 'vocational training subsidies', ['就业', '培训', '补贴'], 'GOV_PUBLIC_SERVICE', 'EDUC'),
  T('hy-hr-social-security-bureau', '工伤保险待遇支付', 'work injury insurance benefits', ['工伤保险', '待遇'], 'GOV_SOCIAL_SECURITY', 'SOCI'),
  T('hy-housing-construction-bureau', '公租房配租结果', 'public rental housing allocation', ['公租房', '配租', '保障房'], 'GOV_URBAN_RURAL', 'SOCI'),
  T('hy-housing-construction-bureau', '公租房房源及入住情况', 'public rental housing stock', ['公租房', '房源'], 'GOV_URBAN_RURAL', 'REGI'),
  T('hy-housing-construction-bureau', '棚户区改造项目进展', 'shanty town renovation', ['棚户区', '棚改'], 'GOV_URBAN_RURAL', 'REGI'),
  T('hy-housing-construction-bureau', '建筑工程施工许可', 'construction permits', ['施工许可', '行政许可'], 'GOV_URBAN_RURAL', 'GOVE'),
  T('hy-housing-construction-bureau', '商品房预售许可', 'pre-sale permits', ['商品房', '预售'], 'GOV_URBAN_RURAL', 'ECON'),
  T('hy-housing-provident-fund-centre', '住房公积金缴存情况', 'housing provident fund deposits', ['公积金', '缴存'], 'GOV_SOCIAL_SECURITY', 'ECON'),
  T('hy-housing-provident-fund-centre', '住房公积金贷款发放', 'housing provident fund loans', ['公积金', '贷款'], 'GOV_SOCIAL_SECURITY', 'ECON'),
  T('hy-finance-bureau', '政府预算', 'government budget', ['预算', '预决算', '财政'], 'GOV_DEPARTMENT', 'ECON', ['XLSX', 'PDF']),
  T('hy-finance-bureau', '政府决算', 'government final accounts', ['决算', '预决算', '财政'], 'GOV_DEPARTMENT', 'ECON', ['XLSX', 'PDF']),
  T('hy-finance-bureau', '部门三公经费', 'official spending', ['三公经费', '财政'], 'GOV_DEPARTMENT', 'GOVE', ['XLSX']),
  T('hy-finance-bureau', '政府采购合同', 'public procurement contracts', ['政府采购', '合同'], 'GOV_DEPARTMENT', 'ECON'),
  T('hy-finance-bureau', '政府购买服务目录', 'government service purchases', ['购买服务', '目录'], 'GOV_PUBLIC_SERVICE', 'GOVE'),
  T('hy-legal-affairs-office', '行政处罚决定公示', 'administrative penalty decisions', ['行政处罚', '双公示'], 'GOV_CREDIT', 'JUST'),
  T('hy-legal-affairs-office', '行政许可决定公示', 'administrative licensing decisions', ['行政许可', '双公示'], 'GOV_CREDIT', 'GOVE'),
  T('hy-legal-affairs-office', '规范性文件目录', 'normative documents', ['规范性文件', '政策'], 'GOV_DEPARTMENT', 'GOVE', ['JSON']),
  T('hy-development-reform', '重大建设项目进展', 'major construction projects', ['重大项目', '建设'], 'GOV_URBAN_RURAL', 'ECON'),
  T('hy-development-reform', '价格监测数据', 'price monitoring', ['价格', '物价', '监测'], 'GOV_PRICE', 'ECON'),
  T('hy-development-reform', '企业信用信息', 'enterprise credit information', ['信用', '企业'], 'GOV_CREDIT', 'ECON', ['JSON']),
  T('hy-land-resources-bureau', '征地批复信息', 'land acquisition approvals', ['征地', '一书四方案'], 'GOV_GEOSPATIAL', 'REGI'),
  T('hy-land-resources-bureau', '国有建设用地供应结果', 'land supply results', ['土地', '出让'], 'GOV_GEOSPATIAL', 'REGI'),
  T('hy-civil-affairs-bureau', '城乡低保对象名单', 'minimum living allowance', ['低保', '救助'], 'GOV_SOCIAL_SECURITY', 'SOCI'),
  T('hy-civil-affairs-bureau', '特困人员供养情况', 'support for persons in extreme poverty', ['特困人员', '救助'], 'GOV_SOCIAL_SECURITY', 'SOCI'),
  T('hy-civil-affairs-bureau', '社会组织登记信息', 'registered social organizations', ['社会组织', '登记'], 'GOV_LEGAL_ENTITY', 'SOCI'),
  T('hy-civil-affairs-bureau', '养老机构名录', 'elderly care institutions', ['养老', '机构'], 'GOV_PUBLIC_SERVICE', 'SOCI'),
  T('hy-work-safety-bureau', '安全生产事故统计', 'work safety accidents', ['安全生产', '事故'], 'GOV_WORK_SAFETY', 'JUST'),
  T('hy-work-safety-bureau', '重大隐患挂牌督办', 'major hazards under supervision', ['安全生产', '隐患'], 'GOV_WORK_SAFETY', 'JUST'),
  T('hy-soe-commission', '国有企业主要经济指标', 'state-owned enterprises', ['国有企业', '国资'], 'GOV_DEPARTMENT', 'ECON'),
  T('hy-agriculture-commission', '扶贫资金分配使用', 'poverty alleviation funds', ['扶贫', '精准扶贫', '资金'], 'GOV_PUBLIC_SERVICE', 'AGRI'),
  T('hy-agriculture-commission', '农产品价格', 'farm product prices', ['农产品', '价格'], 'GOV_PRICE', 'AGRI'),
  T('hy-industry-commerce-bureau', '企业登记注册信息', 'company registrations', ['企业', '登记'], 'GOV_LEGAL_ENTITY', 'ECON', ['JSON']),
  T('hy-industry-commerce-bureau', '经营异常名录', 'abnormal operations list', ['经营异常', '信用'], 'GOV_CREDIT', 'ECON'),
  T('hy-public-resource-trading-centre', '公共资源交易成交信息', 'public resource trading', ['公共资源交易', '招投标'], 'GOV_PUBLIC_SERVICE', 'ECON'),
  T('hy-gov-service-centre', '政务服务事项目录', 'government service catalogue', ['政务服务', '办事指南'], 'GOV_PUBLIC_SERVICE', 'GOVE', ['JSON']),
  T('hy-gov-service-centre', '便民服务中心名录', 'service centres', ['便民服务', '网点'], 'GOV_PUBLIC_SERVICE', 'REGI'),
  T('hy-education-bureau', '中小学招生计划', 'school enrolment plans', ['招生计划', '教育'], 'GOV_PUBLIC_SERVICE', 'EDUC'),
  T('hy-education-bureau', '学校名录及学位', 'schools and places', ['学校', '学位'], 'GOV_PUBLIC_SERVICE', 'EDUC'),
  T('hy-health-family-planning-commission', '医疗服务价格', 'medical service prices', ['医疗', '收费', '价格'], 'GOV_HEALTH', 'HEAL'),
  T('hy-health-family-planning-commission', '医疗机构名录', 'medical institutions', ['医疗机构', '医院'], 'GOV_HEALTH', 'HEAL', ['JSON']),
  T('hy-health-family-planning-commission', '法定传染病疫情', 'notifiable infectious diseases', ['传染病', '疫情'], 'GOV_HEALTH', 'HEAL'),
  T('hy-science-technology-bureau', '科技项目立项', 'science project grants', ['科技项目', '立项'], 'GOV_DEPARTMENT', 'TECH'),
  T('hy-e-government-office', '12345热线受理情况', '12345 hotline', ['12345热线', '受理量', '满意率'], 'GOV_PUBLIC_SERVICE', 'GOVE'),
  T('hy-e-government-office', '政府网站信息公开统计', 'website disclosure statistics', ['政务公开', '网站'], 'GOV_DEPARTMENT', 'GOVE'),
  T('hy-statistics-bureau', '国民经济主要指标', 'main economic indicators', ['统计', '经济', 'GDP'], 'GOV_DEPARTMENT', 'ECON', ['XLSX']),
  T('hy-statistics-bureau', '常住人口统计', 'resident population', ['人口', '统计'], 'GOV_POPULATION', 'SOCI', ['XLSX']),
  T('hy-statistics-bureau', '居民消费价格指数', 'consumer price index', ['CPI', '价格', '统计'], 'GOV_PRICE', 'ECON', ['XLSX']),
  T('hy-gov-office', '建议提案办理结果', 'replies to proposals', ['建议提案', '人大建议', '政协提案'], 'GOV_DEPARTMENT', 'GOVE', ['PDF']),
  T('hy-gov-office', '政府工作报告目标任务', 'government work report targets', ['政府工作报告', '督查'], 'GOV_DEPARTMENT', 'GOVE'),
];

const AREAS = ['衡阳市', '珠晖区', '雁峰区', '石鼓区', '蒸湘区', '南岳区', '衡阳县', '衡南县', '衡山县', '衡东县', '祁东县', '耒阳市', '常宁市'];
const PERIODS = ['年度', '第一季度', '第二季度', '第三季度', '第四季度', '上半年', '下半年'];
const YEARS = Array.from({ length: 17 }, (_, i) => 2010 + i);
const OPEN = ['无条件开放', '无条件开放', '无条件开放', '有条件开放'];
const DOMAINS = ['民生保障', '公共服务', '市场监管', null];
const FREQUENCIES = ['每日', '每月', '每季度', '每年', '不定期'];

const themeLabel = new Map(THEMES.map((t) => [t.code, t.labelZh]));

export async function loadCatalog(client: Client, count: number, onProgress: (n: number) => void): Promise<void> {
  const orgs = new Map<string, { id: string; name: string }>(
    (await client.query('SELECT id, slug, name FROM organizations')).rows.map((r) => [r.slug, { id: r.id, name: r.name }]),
  );
  const tagIds = new Map<string, string>();
  const batch = 2000;
  for (let start = 0; start < count; start += batch) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + batch); i++) rows.push(record(i, orgs));
    await insertBatch(client, rows, tagIds);
    onProgress(Math.min(count, start + batch));
  }
  // Settle the freshly written pages (hint bits, visibility map, statistics) before anything is measured.
  for (const table of ['datasets', 'dataset_tags', 'dataset_themes', 'tags', 'resources', 'resource_versions']) {
    await client.query(`VACUUM ANALYZE ${table}`);
  }
}

function record(i: number, orgs: Map<string, { id: string; name: string }>) {
  const topic = TOPICS[i % TOPICS.length];
  const area = AREAS[Math.floor(i / TOPICS.length) % AREAS.length];
  const year = YEARS[Math.floor(i / (TOPICS.length * AREAS.length)) % YEARS.length];
  const period = PERIODS[Math.floor(i / (TOPICS.length * AREAS.length * YEARS.length)) % PERIODS.length];
  const org = orgs.get(topic.org);
  if (!org) throw new Error(`benchmark topic names an unknown organization: ${topic.org}`);
  const title = `${area}${year}年${period}${topic.words}`;
  const titleEn = `${topic.en}, ${year} (${area})`;
  const description = `本数据集公布${area}${year}年${period}${topic.words}，由${org.name}按照政府信息公开要求整理发布，` +
    `包含统计口径说明、指标名称、数值和更新时间等字段，可用于研究分析和社会监督（基准测试数据）。`;
  const tags = [...topic.tags, area];
  const doc = searchDocument({
    title,
    titleEn,
    description,
    descriptionEn: null,
    tags,
    themeLabels: topic.themes.map((c) => themeLabel.get(c) ?? c),
    organizationName: org.name,
    spatial: area,
  });
  return { i, org, topic, title, titleEn, description, tags, doc, year };
}

async function insertBatch(client: Client, rows: ReturnType<typeof record>[], tagIds: Map<string, string>): Promise<void> {
  const col = <K>(f: (r: ReturnType<typeof record>) => K) => rows.map(f);
  await client.query('BEGIN');
  const inserted = await client.query(
    `INSERT INTO datasets (slug, organization_id, title, title_en, description, license, open_attribute, open_condition,
        share_attribute, update_frequency, issued, modified, spatial, spatial_code, contact_name, contact_email,
        priority_domain, status, search_vector, search_text, facet_themes, facet_tags, facet_formats)
     SELECT x.slug, x.org::uuid, x.title, x.title_en, x.description, 'CC-BY-4.0', x.open,
            CASE WHEN x.open = '有条件开放' THEN '需签署数据使用协议' END, '无条件共享', x.freq,
            make_date(x.year, 6, 1), make_timestamptz(x.year, 12, 1, 0, 0, 0) + (x.n || ' minutes')::interval, '衡阳市', '430400',
            '信息公开办公室', 'open-data@example.org', x.domain, 'published',
            ${SEARCH_VECTOR_SQL('x.a', 'x.b', 'x.c', 'x.d')}, x.text, x.themes::text[], x.tags::text[], x.formats::text[]
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[],
                 $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[])
       AS x(slug, org, title, title_en, description, open, freq, year, n, domain, a, b, c, d, text, themes, tags, formats)
     RETURNING id`,
    [
      col((r) => `bench-${r.i}`),
      col((r) => r.org.id),
      col((r) => r.title),
      col((r) => r.titleEn),
      col((r) => r.description),
      col((r) => OPEN[r.i % OPEN.length]),
      col((r) => FREQUENCIES[r.i % FREQUENCIES.length]),
      col((r) => r.year),
      col((r) => r.i % 500000),
      col((r) => DOMAINS[r.i % DOMAINS.length]),
      col((r) => r.doc.a),
      col((r) => r.doc.b),
      col((r) => r.doc.c),
      col((r) => r.doc.d),
      col((r) => r.doc.text),
      col((r) => `{${[...r.topic.themes].sort().join(',')}}`),
      col((r) => `{${r.tags.map((t) => `"${t}"`).join(',')}}`),
      col((r) => `{${[...r.topic.formats].sort().join(',')}}`),
    ],
  );
  const ids: string[] = inserted.rows.map((r: { id: string }) => r.id);
  await linkThemesTagsResources(client, rows, ids, tagIds);
  await client.query('COMMIT');
}

async function linkThemesTagsResources(client: Client, rows: ReturnType<typeof record>[], ids: string[], tagIds: Map<string, string>) {
  const newTags = [...new Set(rows.flatMap((r) => r.tags))].filter((t) => !tagIds.has(t));
  if (newTags.length) {
    await client.query('INSERT INTO tags (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING', [newTags]);
    const found = await client.query('SELECT id, name FROM tags WHERE name = ANY($1)', [newTags]);
    for (const t of found.rows) tagIds.set(t.name, t.id);
  }
  const themePairs = rows.flatMap((r, k) => r.topic.themes.map((code) => [ids[k], code]));
  await client.query('INSERT INTO dataset_themes (dataset_id, theme_code) SELECT * FROM unnest($1::uuid[], $2::text[])', [
    themePairs.map((p) => p[0]),
    themePairs.map((p) => p[1]),
  ]);
  const tagTriples = rows.flatMap((r, k) => r.tags.map((t, position) => [ids[k], tagIds.get(t), position + 1]));
  await client.query('INSERT INTO dataset_tags (dataset_id, tag_id, position) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[])', [
    tagTriples.map((p) => p[0]),
    tagTriples.map((p) => p[1]),
    tagTriples.map((p) => p[2]),
  ]);
  const resourceRows = rows.flatMap((r, k) => r.topic.formats.map((format, position) => ({ dataset: ids[k], format, position, name: `${r.title}（${format}）` })));
  const resources = await client.query(
    `INSERT INTO resources (dataset_id, name, position) SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[]) RETURNING id`,
    [resourceRows.map((r) => r.dataset), resourceRows.map((r) => r.name), resourceRows.map((r) => r.position)],
  );
  await client.query(
    `INSERT INTO resource_versions (resource_id, version, format, media_type, byte_size, sha256, object_key, file_name)
     SELECT id, 1, format, 'application/octet-stream', 1024, repeat('0', 64), 'bench/' || id, 'bench.' || lower(format)
     FROM unnest($1::uuid[], $2::text[]) AS x(id, format)`,
    [resources.rows.map((r: { id: string }) => r.id), resourceRows.map((r) => r.format)],
  );
}
