/**
 * Schema inference on real files (../shared/data, see its SOURCES.txt): the CNEMC hourly station snapshots, the
 * CNEMC surface-water page in UTF-8 and in GBK, and the Beijing multi-site hourly series (35,064 rows each).
 * For every file the draft must pass the meta-schema and load, and validating the file with it must give 0 errors.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { checkCollectionDocument, fromCollectionDocument, inferSchema, loadBuiltInSchemas, validateTable } from '@opendata/validation';
import { sharedData } from './shared-data';

const standards = loadBuiltInSchemas();

async function roundTrip(path: string) {
  const inference = await inferSchema(createReadStream(path), { fileName: basename(path), standards });
  expect(checkCollectionDocument(inference.schema)).toEqual([]);
  const result = await validateTable(createReadStream(path), { schema: fromCollectionDocument(inference.schema), fileName: basename(path), keys: 'memory' });
  const report = result.report.build({ rowCount: result.rowCount, encoding: result.encoding, format: result.format, schemaId: 'draft', byteSize: 0, sha256: null, durationMs: 0 });
  return { inference, report };
}

describe('schema inference on the shared CNEMC and Beijing files', () => {
  it.each([
    ['air_quality', 'cnemc_stations_2017-07-07T16.derived.csv', 1495],
    ['air_quality', 'cnemc_stations_2018-02-20T07.derived.csv', 1495],
    ['surface_water', 'cnemc_surface_water_2026-08-21_page1.derived.csv', 480],
    ['surface_water', 'cnemc_surface_water_2026-08-21_page1.derived.GBK.csv', 480],
    ['air_quality/beijing_prsa_uci', 'PRSA_Data_Dongsi_20130301-20170228.csv', 35064],
  ])('%s/%s: the draft passes the meta-schema and accepts the file with 0 errors', async (dir, file, rows) => {
    const { inference, report } = await roundTrip(sharedData(dir, file));
    expect(inference.evidence.rowCount).toBe(rows);
    expect(report.rowCount).toBe(rows);
    expect(report.errors).toEqual([]);
  });

  it('reads the CNEMC station snapshot as the hourly standard names it, with station codes and the feed\'s markers', async () => {
    const { inference } = await roundTrip(sharedData('air_quality', 'cnemc_stations_2018-02-20T07.derived.csv'));
    const fields = inference.schema.properties as Record<string, Record<string, unknown>>;
    expect(fields.station_code).toMatchObject({ pattern: '^\\d{4}A$', 'x-aliases': ['stationcode'] });
    expect(fields.time).toMatchObject({ 'x-type': 'datetime' });
    expect(fields.quality.enum).toEqual(expect.arrayContaining(['优', '良', '轻度污染']));
    expect(inference.schema['x-missing-values']).toContain('-;');
  });

  it('proposes the same fields for the surface-water page in UTF-8 and in GBK', async () => {
    const utf8 = await roundTrip(sharedData('surface_water', 'cnemc_surface_water_2026-08-21_page1.derived.csv'));
    const gbk = await roundTrip(sharedData('surface_water', 'cnemc_surface_water_2026-08-21_page1.derived.GBK.csv'));
    expect(gbk.inference.evidence.encoding).toBe('gb18030');
    expect(gbk.inference.schema.properties).toEqual(utf8.inference.schema.properties);
    const fields = utf8.inference.schema.properties as Record<string, Record<string, unknown>>;
    expect(fields.dissolved_oxygen).toMatchObject({ title: '溶解氧(mg/L)', 'x-type': 'number', 'x-unit': 'mg/L' });
    expect(utf8.inference.schema['x-missing-values']).toEqual(['', '--']);
  });
});
