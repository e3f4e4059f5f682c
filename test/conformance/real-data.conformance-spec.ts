/**
 * The real CNEMC files in ../shared/data (see its SOURCES.txt) validated against the collection standards they
 * belong to, as an upload would be. Every error reported must be a defect of the data, so the exact set of
 * errors (type, row, field) is asserted (real-data.expected.json), and each class of finding is explained by a
 * test of its own:
 * - air quality, row-constraint on aqi (and twice on primary_pollutant): the feed's columns o3 and o3_24h are
 *   swapped; with the two labels exchanged not one error is left;
 * - surface water: no error. The one row of an offline station carries 水质类别 -1, CNEMC's code for "not
 *   evaluated", which the schema declares a missing-value marker of that column; lake and reservoir points rated
 *   on the lake phosphorus limits are correct and not reported.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { ReportError } from '../../libs/validation/src/report/validation-report';
import { loadBuiltInSchemas } from '../../libs/validation/src/schema/schema-loader';
import { TableSchema } from '../../libs/validation/src/schema/table-schema';
import { WaterFactor, classifyWater } from '../../libs/validation/src/standards/water-quality';
import { validateTable } from '../../libs/validation/src/validate-table';
import { runTable } from './run-table';
import { sharedData } from './shared-data';

const EXPECTED: Record<string, Record<string, number[]>> = JSON.parse(readFileSync(`${__dirname}/real-data.expected.json`, 'utf8'));
const schemas = loadBuiltInSchemas();
const schema = (id: string): TableSchema => schemas.find((s) => s.id === id)!;

/** The report's errors as "type@field" -> rows, the form of real-data.expected.json. */
function grouped(errors: ReportError[]): Record<string, number[]> {
  const groups: Record<string, number[]> = {};
  for (const e of errors) (groups[`${e.type}@${e.fieldNumber ?? '-'}`] ??= []).push(e.rowNumber ?? 0);
  return groups;
}

const csvRows = (path: string, encoding: BufferEncoding = 'utf8'): string[][] => parse(readFileSync(path, encoding));

describe.each([
  // file, rows, rows with a published AQI, cells written as the missing marker "-;"
  ['cnemc_stations_2018-02-20T07.derived.csv', 1495, 1475, 1136],
  ['cnemc_stations_2017-07-07T16.derived.csv', 1495, 1462, 1683],
])('CNEMC hourly air quality snapshot %s against air-quality-hourly', (fileName, rows, published, markers) => {
  const path = sharedData('air_quality', fileName);
  const expected = EXPECTED[fileName];
  const run = runTable(path, { schema: schema('air-quality-hourly') });

  it('reports exactly the expected errors (type, row, field)', async () => {
    const { report } = await run;
    expect(report.rowCount).toBe(rows);
    expect(report.encoding).toBe('utf-8');
    expect(report.truncated).toBe(false);
    expect(grouped(report.errors)).toEqual(expected);
  });

  it('understands the feed\'s missing-value marker "-;" (no type-error although many cells hold it)', async () => {
    const [header, ...data] = csvRows(path);
    expect(data.flat().filter((cell) => cell === '-;')).toHaveLength(markers);
    const { report } = await run;
    expect(report.stats['type-error']).toBeUndefined();
    // Rows without a published AQI (aqi "-;") leave nothing for the rule to compare, and are no error.
    const withoutAqi = data.map((row, i) => (row[header.indexOf('aqi')] === '-;' ? i + 2 : 0)).filter(Boolean);
    expect(withoutAqi).toHaveLength(rows - published);
    expect(report.errors.filter((e) => withoutAqi.includes(e.rowNumber!))).toEqual([]);
  });

  it('finds nothing at all once the labels o3 and o3_24h are exchanged: every finding is the swapped ozone columns', async () => {
    const [header, ...rest] = readFileSync(path, 'utf8').split('\n');
    const labels = header.split(',');
    const [o3, o3Daily] = [labels.indexOf('o3'), labels.indexOf('o3_24h')];
    [labels[o3], labels[o3Daily]] = [labels[o3Daily], labels[o3]];
    const swapped = Readable.from([Buffer.from([labels.join(','), ...rest].join('\n'))]);
    const { report } = await validateTable(swapped, { schema: schema('air-quality-hourly'), fileName, keys: 'memory' });
    expect(report.errorCount).toBe(0);
  });

  it('has the column labelled o3 at or above o3_24h wherever both are given, as a daily maximum would be', () => {
    const [header, ...data] = csvRows(path);
    const [o3, o3Daily] = [header.indexOf('o3'), header.indexOf('o3_24h')];
    const both = data.filter((row) => row[o3] !== '-;' && row[o3Daily] !== '-;');
    expect(both.length).toBeGreaterThan(1400);
    expect(both.filter((row) => Number(row[o3]) < Number(row[o3Daily]))).toEqual([]);
  });

  it('reports each AQI mismatch with ozone as the largest sub-index and the computed AQI above the published one', async () => {
    const { report } = await run;
    const aqiErrors = report.errors.filter((e) => e.fieldName === 'aqi');
    expect(aqiErrors.length).toBeGreaterThan(150);
    const unexplained = aqiErrors.filter((e) => {
      const match = /is (\d+) \((.*)\); found (\d+)\)$/.exec(e.message);
      if (!match) return true;
      const subIndexes = Object.fromEntries(match[2].split(', ').map((part) => [part.split(' ')[0], Number(part.split(' ')[1])]));
      return !(Number(match[1]) > Number(match[3]) && subIndexes.O3 === Number(match[1]));
    });
    expect(unexplained).toEqual([]);
  });

  it('reports the primary pollutant once, where the labelled ozone ties with PM2.5 at the published AQI', async () => {
    const { report } = await run;
    expect(report.errors.filter((e) => e.fieldName === 'primary_pollutant').map((e) => e.message)).toEqual([
      expect.stringMatching(/^AQI \d+ 的首要污染物为 O3,PM2\.5；实际为 PM2\.5 \(primary pollutant for AQI \d+ is O3,PM2\.5; found PM2\.5\)$/),
    ]);
  });
});

describe('CNEMC surface water snapshot 2026-08-21 page 1 against surface-water', () => {
  const utf8 = sharedData('surface_water', 'cnemc_surface_water_2026-08-21_page1.derived.csv');
  const gbk = sharedData('surface_water', 'cnemc_surface_water_2026-08-21_page1.derived.GBK.csv');
  const expected = EXPECTED['cnemc_surface_water_2026-08-21_page1.derived.csv'];

  it.each([
    ['UTF-8', utf8, 'utf-8'],
    ['GBK', gbk, 'gb18030'],
  ])('reports exactly the expected errors in the %s file', async (_, path, encoding) => {
    const { report } = await runTable(path, { schema: schema('surface-water') });
    expect(report.rowCount).toBe(480);
    expect(report.encoding).toBe(encoding);
    expect(grouped(report.errors)).toEqual(expected);
  });

  it('reads the GBK file to the same text as the UTF-8 one', async () => {
    const [a, b] = await Promise.all([runTable(utf8, { schema: schema('surface-water') }), runTable(gbk, { schema: schema('surface-water') })]);
    expect(b.accepted).toEqual(a.accepted);
    expect(b.accepted).toHaveLength(480);
  });

  it('understands the missing-value marker "--" (1101 cells, no type-error)', async () => {
    expect(csvRows(utf8).slice(1).flat().filter((cell) => cell === '--')).toHaveLength(1101);
    const { report } = await runTable(utf8, { schema: schema('surface-water') });
    expect(report.stats['type-error']).toBeUndefined();
  });

  it('reads the class -1 of 安固桥, the one row with no measurement at all, as "not evaluated" (no error)', async () => {
    const [header, ...data] = csvRows(utf8);
    const row = data[101 - 2];
    expect(row.slice(0, 5)).toEqual(['山西省', '黄河流域', '安固桥', '08-21 19:00', '-1']);
    expect(row.slice(5).every((cell) => cell === '--')).toBe(true);
    expect(data.filter((r) => r[header.indexOf('水质类别')] === '-1')).toHaveLength(1);
    const { report } = await runTable(utf8, { schema: schema('surface-water') });
    expect(report.errors).toEqual([]);
    // Only as a marker of that column: -1 in a concentration is still refused.
    const text = readFileSync(utf8, 'utf8').split('\n');
    text[100] = text[100].replace(/,--/, ',-1');
    const edited = await validateTable(Readable.from([Buffer.from(text.join('\n'))]), { schema: schema('surface-water'), keys: 'memory' });
    expect(edited.report.build({ rowCount: 0, encoding: null, format: null, schemaId: null, byteSize: 0, sha256: null, durationMs: 0 }).errorCount).toBeGreaterThan(0);
  });

  it('accepts the 14 lake points whose published class is the lake phosphorus rating, not the river one', async () => {
    const [header, ...data] = csvRows(utf8);
    const column = (label: string) => header.indexOf(label);
    const factors: Array<[WaterFactor, number]> = [
      ['pH', column('pH(无量纲)')],
      ['dissolvedOxygen', column('溶解氧(mg/L)')],
      ['permanganateIndex', column('高锰酸盐指数(mg/L)')],
      ['ammoniaNitrogen', column('氨氮(mg/L)')],
      ['totalPhosphorus', column('总磷(mg/L)')],
    ];
    const rate = (row: string[], body: 'river' | 'lake') =>
      classifyWater(Object.fromEntries(factors.map(([f, i]) => [f, row[i] === '--' ? null : Number(row[i])])), body).waterClass;
    const lakePoints = data
      .map((row, i) => ({ row, rowNumber: i + 2, published: Number(row[column('水质类别')]) }))
      .filter(({ row, published }) => published > 0 && rate(row, 'river') !== published && rate(row, 'lake') === published);
    expect(lakePoints.map(({ row }) => row[column('断面名称')])).toEqual([
      '南刘庄', '光淀张庄', '三道', '电视塔', '锡东水厂', '拖山', '五里湖心', '乌龟山南', '小金山', '三潭岛', '湖滨', '黄麓', '西半湖湖心', '龟山',
    ]);
    const { report } = await runTable(utf8, { schema: schema('surface-water') });
    const reported = new Set(report.errors.map((e) => e.rowNumber));
    expect(lakePoints.filter(({ rowNumber }) => reported.has(rowNumber))).toEqual([]);
  });
});
