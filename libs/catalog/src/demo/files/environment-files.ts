/**
 * 示例数据 of 市环保局 (plan item 10): the daily air quality of the six urban stations (computed from the hourly
 * demo file), the counties' monthly ranking, drinking-water sources, key polluters' emissions, environmental
 * complaints and enterprises' environmental credit ratings. Every figure is synthetic.
 */
import { computeDailyAqi } from '../../../../validation/src/standards/aqi';
import { AIR_QUALITY_HOURLY_HEADER, airQualityHourlyRows } from './air-quality-hourly';
import { Cell, fixed } from './csv-text';
import { COORDINATES, DemoFile, demoTable, field } from './demo-table';
import { COUNTIES, addDays, companies, months, near, round } from './hengyang';

/** Positions of the six urban stations of the hourly file (plausible sites in the city's districts). */
const STATION_POSITIONS: Record<string, [number, number]> = {
  '2456A': [112.6065, 26.9051],
  '2457A': [112.6483, 26.9422],
  '2458A': [112.6262, 26.8937],
  '2459A': [112.5741, 26.9118],
  '2460A': [112.5812, 26.8853],
  '2461A': [112.5534, 26.9031],
};

const DAILY_HEADER = ['station_code', 'area', 'station_name', 'date', 'aqi', 'quality', 'primary_pollutant', 'so2_24h', 'no2_24h', 'pm10_24h', 'co_24h', 'o3_1h_max', 'o3_8h_max', 'pm2_5_24h', 'longitude', 'latitude'] as const;

/** Daily values from the hourly demo file: 24-hour means of the day's hours, ozone maxima, HJ 633 daily AQI. */
function dailyAirRows(): Cell[][] {
  const col = (name: (typeof AIR_QUALITY_HOURLY_HEADER)[number]) => AIR_QUALITY_HOURLY_HEADER.indexOf(name);
  const days = new Map<string, Cell[][]>();
  for (const hour of airQualityHourlyRows()) {
    const key = `${hour[col('station_code')]}|${String(hour[col('time')]).slice(0, 10)}`;
    days.set(key, [...(days.get(key) ?? []), hour]);
  }
  const rows: Cell[][] = [];
  for (const [key, hours] of days) {
    const [code, date] = key.split('|');
    const values = (name: (typeof AIR_QUALITY_HOURLY_HEADER)[number]) => hours.map((h) => h[col(name)]).filter((v) => v !== null && v !== '').map(Number);
    const mean = (name: (typeof AIR_QUALITY_HOURLY_HEADER)[number], decimals = 0) => {
      const list = values(name);
      // GB 3095-2012: a 24-hour mean needs at least 20 hourly values.
      return list.length >= 20 ? round(list.reduce((a, b) => a + b, 0) / list.length, decimals) : null;
    };
    const max = (name: (typeof AIR_QUALITY_HOURLY_HEADER)[number]) => (values(name).length ? Math.max(...values(name)) : null);
    const day = { so2_24h: mean('so2'), no2_24h: mean('no2'), pm10_24h: mean('pm10'), co_24h: mean('co', 1), o3_1h_max: max('o3'), o3_8h_max: max('o3_8h'), pm2_5_24h: mean('pm2_5') };
    const aqi = computeDailyAqi(day);
    const [lon, lat] = STATION_POSITIONS[code];
    rows.push([
      code, '衡阳市', hours[0][col('station_name')], date, aqi.aqi, aqi.category, aqi.primaryPollutants.join(','),
      day.so2_24h, day.no2_24h, day.pm10_24h, day.co_24h === null ? null : fixed(day.co_24h, 1), day.o3_1h_max, day.o3_8h_max, day.pm2_5_24h, lon, lat,
    ]);
  }
  return rows;
}

const airDaily = demoTable({
  key: 'air-quality-daily',
  dataset: 'hengyang-air-quality-hourly',
  fileName: '衡阳市环境空气质量日数据_2026年9月_示例数据.csv',
  description: '示例数据：6个城区监测站点2026年9月的日均浓度和日AQI（由小时示例数据计算），含站点经纬度，非实测数据。',
  standard: { id: 'air-quality-daily', header: DAILY_HEADER },
  rows: dailyAirRows,
});

const ranking = demoTable({
  key: 'county-air-ranking',
  dataset: 'hengyang-county-air-quality-monthly-ranking',
  fileName: '衡阳市各县市区空气质量月度排名_2025年10月-2026年9月_示例数据.csv',
  description: '示例数据：12个县市区2025年10月至2026年9月的环境空气质量综合指数、优良天数和排名，含县市区政府驻地经纬度，由程序生成。',
  own: {
    id: 'hy-env-county-air-ranking',
    title: '县市区环境空气质量月度排名',
    titleEn: 'Monthly air quality ranking of counties and districts',
    description: '每行为一个县市区一个月的环境空气质量综合指数、优良天数、颗粒物浓度和排名。',
    standard: 'HJ 663-2013 环境空气质量评价技术规范（试行）; 城市环境空气质量排名技术规定',
    fields: [
      field('month', '月份', 'Month', 'yearmonth', { required: true }),
      field('division_code', '行政区划代码', 'Division code', 'string', { required: true, pattern: '^4304\\d{2}$' }),
      field('county', '县市区', 'County or district', 'string', { required: true }),
      field('composite_index', '环境空气质量综合指数', 'Composite air quality index', 'number', { minimum: 0 }),
      field('good_days', '优良天数', 'Days rated good or excellent', 'integer', { unit: '天', minimum: 0, maximum: 31 }),
      field('good_rate', '优良天数比例', 'Share of good days', 'number', { unit: '%', minimum: 0, maximum: 100 }),
      field('pm2_5', 'PM2.5月均浓度', 'PM2.5 monthly mean', 'number', { unit: 'μg/m³', minimum: 0 }),
      field('pm10', 'PM10月均浓度', 'PM10 monthly mean', 'number', { unit: 'μg/m³', minimum: 0 }),
      field('rank', '综合指数排名', 'Rank (1 = cleanest)', 'integer', { minimum: 1, maximum: 12 }),
      field('index_change', '综合指数同比变化', 'Change of the index on a year earlier', 'number', { unit: '%' }),
      ...COORDINATES,
    ],
    primaryKey: ['month', 'division_code'],
  },
  rows: (random) => {
    const rows: Cell[][] = [];
    for (const month of months('2025-10', 12)) {
      const m = Number(month.slice(5));
      const winter = [12, 1, 2].includes(m) ? 1.45 : [11, 3].includes(m) ? 1.2 : [6, 7, 8].includes(m) ? 0.72 : 0.95;
      const daysIn = new Date(Date.UTC(Number(month.slice(0, 4)), m, 0)).getUTCDate();
      const scored = COUNTIES.map((c) => {
        const local = (c.urban ? 1.08 : 0.95) * (c.name === '南岳区' ? 0.78 : 1) * random.between(0.9, 1.1);
        const pm25 = round(34 * winter * local, 0);
        const pm10 = round(pm25 * random.between(1.35, 1.6), 0);
        const index = round(2.1 + (pm25 / 35) * 1.6 + random.between(-0.15, 0.15), 2);
        const good = Math.min(daysIn, Math.max(8, Math.round(daysIn * (1.18 - 0.32 * winter * local + random.between(-0.04, 0.04)))));
        return { c, pm25, pm10, index, good };
      });
      const order = [...scored].sort((a, b) => a.index - b.index);
      for (const s of scored) {
        rows.push([month, s.c.code, s.c.name, fixed(s.index, 2), s.good, fixed((100 * s.good) / daysIn, 1), s.pm25, s.pm10, order.indexOf(s) + 1, fixed(random.between(-12, 6), 1), s.c.longitude, s.c.latitude]);
      }
    }
    return rows;
  },
});

const SOURCES: ReadonlyArray<[name: string, type: '河流型' | '湖库型', county: number, intake: number]> = [
  ['湘江衡阳城区江东水厂取水口', '河流型', 0, 520], ['湘江衡阳城区松亭水厂取水口', '河流型', 2, 310], ['湘江衡阳城区城北水厂取水口', '河流型', 2, 280],
  ['蒸水衡阳县西渡水厂取水口', '河流型', 5, 95], ['湘江衡南县云集水厂取水口', '河流型', 6, 80], ['湘江衡山县开云水厂取水口', '河流型', 7, 55],
  ['洣水衡东县城关水厂取水口', '河流型', 8, 70], ['祁东县四明水库', '湖库型', 9, 90], ['耒水耒阳市二水厂取水口', '河流型', 10, 140],
  ['常宁市洋泉水库', '湖库型', 11, 85], ['南岳区岳林水库', '湖库型', 4, 22], ['衡阳县斜陂堰水库', '湖库型', 5, 40],
];

const drinkingWater = demoTable({
  key: 'drinking-water-sources',
  dataset: 'hengyang-drinking-water-source-quality',
  fileName: '衡阳市集中式饮用水水源地水质状况_2025年10月-2026年9月_示例数据.csv',
  description: '示例数据：12个城市集中式饮用水水源地逐月取水量和水质达标情况，含取水口经纬度，由程序生成，非监测结果。',
  own: {
    id: 'hy-env-drinking-water-source',
    title: '集中式饮用水水源地水质状况',
    titleEn: 'Water quality of centralised drinking water sources',
    description: '每行为一个水源地一个月的监测结果：取水量、评价标准、是否达标、超标项目和超标倍数。',
    standard: 'GB 3838-2002 地表水环境质量标准 (表1、表2、表3); HJ 664-2013 饮用水水源保护区划分技术规范',
    fields: [
      field('source', '水源地名称', 'Water source', 'string', { required: true }),
      field('source_type', '水源类型', 'Type of source', 'string', { enum: ['河流型', '湖库型'] }),
      field('county', '所在县市区', 'County or district', 'string'),
      field('month', '监测月份', 'Month', 'yearmonth', { required: true }),
      field('intake', '取水量', 'Water drawn', 'number', { unit: '万吨', minimum: 0 }),
      field('standard', '评价标准', 'Standard applied', 'string'),
      field('compliant', '是否达标', 'Compliant', 'string', { enum: ['是', '否'] }),
      field('exceeding_items', '超标项目', 'Parameters above the limit', 'string'),
      field('exceeding_ratio', '超标倍数', 'Times above the limit', 'number', { minimum: 0 }),
      ...COORDINATES,
    ],
    primaryKey: ['source', 'month'],
  },
  rows: (random) =>
    SOURCES.flatMap(([name, type, countyIndex, intake]) => {
      const [lon, lat] = near(random, COUNTIES[countyIndex], 4);
      return months('2025-10', 12).map((month): Cell[] => {
        const summer = [6, 7, 8].includes(Number(month.slice(5)));
        const fails = type === '湖库型' && summer && random.chance(0.25);
        const item = random.pick(['总磷', '锰', '铁']);
        return [name, type, COUNTIES[countyIndex].name, month, round(intake * random.between(0.9, 1.12) * (summer ? 1.08 : 1), 1),
          'GB 3838-2002 Ⅲ类', fails ? '否' : '是', fails ? item : null, fails ? round(random.between(0.1, 0.8), 2) : null, lon, lat];
      });
    }),
});

const POLLUTANT_ITEMS: ReadonlyArray<[item: string, unit: string, limit: number, typical: number]> = [
  ['化学需氧量', 'mg/L', 100, 42], ['氨氮', 'mg/L', 15, 4.2], ['二氧化硫', 'mg/m³', 200, 68], ['氮氧化物', 'mg/m³', 200, 92], ['颗粒物', 'mg/m³', 30, 9.5],
];

const pollutionSources = demoTable({
  key: 'key-pollution-sources',
  dataset: 'hengyang-key-pollution-source-monitoring',
  fileName: '衡阳市重点排污单位污染源日均排放监测数据_2026年9月_示例数据.csv',
  description: '示例数据：12家虚构重点排污单位2026年9月各排放口的日均排放浓度与限值，由程序生成，单位名称和代码均为虚构。',
  own: {
    id: 'hy-env-pollution-source',
    title: '重点排污单位污染源监测数据',
    titleEn: 'Emission monitoring of key polluting units',
    description: '每行为一个排放口一个监测项目一天的日均排放浓度，对照执行标准限值判断是否超标。',
    standard: 'HJ 75-2017 固定污染源烟气排放连续监测技术规范; HJ 355-2019 水污染源在线监测系统运行技术规范',
    fields: [
      field('company', '单位名称', 'Unit', 'string', { required: true }),
      field('company_uscc', '统一社会信用代码', 'Unified social credit code', 'string', { pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$' }),
      field('outlet', '排放口编号', 'Outlet', 'string', { required: true }),
      field('item', '监测项目', 'Parameter', 'string', { required: true }),
      field('date', '监测日期', 'Date', 'date', { required: true }),
      field('concentration', '日均排放浓度', 'Daily mean concentration', 'number', { minimum: 0 }),
      field('unit', '计量单位', 'Unit of measure', 'string'),
      field('limit', '执行标准限值', 'Limit', 'number', { minimum: 0 }),
      field('exceeded', '是否超标', 'Above the limit', 'string', { enum: ['是', '否'] }),
    ],
    primaryKey: ['company', 'outlet', 'item', 'date'],
    rules: ['uscc-check'],
  },
  rows: (random) => {
    const rows: Cell[][] = [];
    for (const company of companies(random, 12, ['化工', '建材', '矿业', '新材料', '医药'])) {
      const water = random.chance(0.5);
      const items = water ? POLLUTANT_ITEMS.slice(0, 2) : POLLUTANT_ITEMS.slice(2);
      const outlet = water ? `DW00${random.int(1, 3)}` : `DA00${random.int(1, 4)}`;
      for (let day = 0; day < 30; day++) {
        for (const [item, unit, limit, typical] of items) {
          const value = round(typical * random.between(0.6, 1.35) * (random.chance(0.01) ? 2.6 : 1), 2);
          rows.push([company.name, company.uscc, outlet, item, addDays('2026-09-01', day), value, unit, limit, value > limit ? '是' : '否']);
        }
      }
    }
    return rows;
  },
});

const COMPLAINT_KINDS: ReadonlyArray<[kind: string, issues: readonly string[], result: string]> = [
  ['噪声', ['夜间建筑施工噪声扰民', '餐饮店排风设备噪声', '广场舞音响声音过大'], '已责令整改并加强夜间巡查'],
  ['大气', ['餐饮油烟直排', '露天焚烧秸秆', '工地扬尘未覆盖', '工厂异味'], '已现场核查并督促落实防治措施'],
  ['水', ['河道排污口排放污水', '养殖废水直排', '生活污水溢流'], '已立案调查，责令停止排放'],
  ['固体废物', ['建筑垃圾随意倾倒', '工业固废露天堆放'], '已责令清运并处置'],
];

const complaints = demoTable({
  key: 'environmental-complaints',
  dataset: 'hengyang-environmental-complaints',
  fileName: '衡阳市环境信访投诉办理情况_2026年1-9月_示例数据.csv',
  description: '示例数据：2026年1-9月虚构的环境投诉受理和办理记录，不含投诉人信息，由程序生成。',
  own: {
    id: 'hy-env-complaints',
    title: '环境信访投诉办理情况',
    titleEn: 'Handling of environmental complaints',
    description: '每行为一件投诉：受理、类型、问题概述、承办单位、办结日期和处理结果；投诉人信息不公开。',
    fields: [
      field('case_no', '受理编号', 'Case number', 'string', { required: true }),
      field('received', '受理日期', 'Received', 'date', { required: true }),
      field('county', '所在县市区', 'County or district', 'string'),
      field('kind', '污染类型', 'Kind of pollution', 'string', { enum: COMPLAINT_KINDS.map(([k]) => k) }),
      field('summary', '问题概述', 'Summary', 'string'),
      field('handler', '承办单位', 'Handled by', 'string'),
      field('closed', '办结日期', 'Closed', 'date'),
      field('result', '处理结果', 'Outcome', 'string'),
    ],
    primaryKey: ['case_no'],
  },
  rows: (random) =>
    Array.from({ length: 160 }, (_, i): Cell[] => {
      const [kind, issues, result] = random.weighted(COMPLAINT_KINDS.map((k, j) => [k, [5, 4, 2, 1][j]] as const));
      const county = random.pick(COUNTIES);
      const received = addDays('2026-01-04', Math.floor((i * 270) / 160) + random.int(0, 1));
      const open = received > '2026-09-10' && random.chance(0.5);
      return [`HYHJ2026${String(i + 1).padStart(4, '0')}`, received, county.name, kind, `${random.pick(county.towns)}${random.pick(issues)}`,
        `${county.name}环境保护分局`, open ? null : addDays(received, random.int(3, 25)), open ? '正在办理' : result];
    }),
});

const RATINGS = ['环保诚信', '良好', '警示', '不良'] as const;

const credit = demoTable({
  key: 'environmental-credit',
  dataset: 'hengyang-enterprise-environmental-credit',
  fileName: '衡阳市企业环境信用评价结果_2023-2025年度_示例数据.csv',
  description: '示例数据：40家虚构企业2023-2025年度的环境信用评价等级及主要扣分事项，由程序生成。',
  own: {
    id: 'hy-env-credit-rating',
    title: '企业环境信用评价结果',
    titleEn: 'Environmental credit ratings of enterprises',
    description: '每行为一家企业一个年度的环境信用等级（环保诚信、良好、警示、不良）和主要扣分事项。',
    standard: '企业环境信用评价办法（试行）(环发〔2013〕150号)',
    fields: [
      field('company', '企业名称', 'Enterprise', 'string', { required: true }),
      field('company_uscc', '统一社会信用代码', 'Unified social credit code', 'string', { pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$' }),
      field('county', '所在县市区', 'County or district', 'string'),
      field('sector', '行业类别', 'Sector', 'string'),
      field('year', '评价年度', 'Year rated', 'year', { required: true }),
      field('rating', '信用等级', 'Rating', 'string', { enum: RATINGS, required: true }),
      field('deductions', '主要扣分事项', 'Main deductions', 'string'),
    ],
    primaryKey: ['company_uscc', 'year'],
    rules: ['uscc-check'],
  },
  rows: (random) =>
    companies(random, 40).flatMap((c) => {
      let level: number = random.weighted([[0, 3], [1, 5], [2, 1.5], [3, 0.5]] as const);
      return [2023, 2024, 2025].map((year): Cell[] => {
        level = Math.max(0, Math.min(3, level + random.weighted([[-1, 1], [0, 6], [1, 1]] as const)));
        const deduction = level >= 2 ? random.pick(['废气排放超标被处罚', '危险废物台账不规范', '未按规定开展自行监测', '环保设施不正常运行']) : level === 1 ? '环境信息公开不及时' : null;
        return [c.name, c.uscc, c.county.name, c.sector, year, RATINGS[level], deduction];
      });
    }),
});

export const ENVIRONMENT_FILES: readonly DemoFile[] = [airDaily, ranking, drinkingWater, pollutionSources, complaints, credit];
