import { AppError, residentIdCheckCharacter } from '@opendata/common';
import ExcelJS from 'exceljs';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { maskValue } from '../personal-data/masking';
import { ValidationReport } from '../report/validation-report';
import { checkCollectionDocument, fromCollectionDocument, loadBuiltInSchemas } from '../schema/schema-loader';
import { validateTable } from '../validate-table';
import { ColumnProfile, DISTINCT_CAP } from './column-profile';
import { SchemaInference, inferSchema } from './infer-schema';

const ROOT = join(__dirname, '../../../..');
const FIXTURES = join(ROOT, 'schemas/fixtures');
const READ_FIXTURES = join(__dirname, '../read/__fixtures__');
const standards = loadBuiltInSchemas();

async function* chunks(bytes: Buffer, size = 4096): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function validate(bytes: Buffer, fileName: string, schemaDoc: Record<string, unknown>): Promise<ValidationReport> {
  const result = await validateTable(chunks(bytes), { schema: fromCollectionDocument(schemaDoc), fileName, keys: 'memory' });
  return result.report.build({ rowCount: result.rowCount, encoding: result.encoding, format: result.format, schemaId: 'draft', byteSize: bytes.length, sha256: null, durationMs: 0 });
}

/** Infers a draft, checks it against the meta-schema and the loader, and validates the same bytes with it. */
async function roundTrip(bytes: Buffer, fileName: string): Promise<{ inference: SchemaInference; report: ValidationReport }> {
  const inference = await inferSchema(chunks(bytes), { fileName, standards });
  expect(checkCollectionDocument(inference.schema)).toEqual([]);
  const report = await validate(bytes, fileName, inference.schema);
  return { inference, report };
}

type Field = Record<string, unknown>;
const fieldsOf = (inference: SchemaInference) => inference.schema.properties as Record<string, Field>;
const column = (inference: SchemaInference, header: string) => inference.evidence.columns.find((c) => c.header === header)!;

const validFixtures = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(FIXTURES, d.name, 'valid')).map((f) => `${d.name}/valid/${f}`));

describe('inferSchema', () => {
  it.each(validFixtures)('proposes a draft for %s that passes the meta-schema and accepts the file with 0 errors', async (path) => {
    const bytes = readFileSync(join(FIXTURES, path));
    const { inference, report } = await roundTrip(bytes, path.split('/').pop()!);
    expect(report.errors).toEqual([]);
    expect(report.rowCount).toBe(inference.evidence.rowCount);
    expect(inference.evidence.rowCount).toBeGreaterThan(0);
    expect(inference.evidence.warnings).toEqual([]);
    expect(Object.keys(fieldsOf(inference))).toHaveLength(inference.evidence.columns.length);
  });

  it('reads a CNEMC snapshot: station-code pattern, datetime, the feed\'s -; marker, standard names and Chinese titles', async () => {
    const { inference } = await roundTrip(readFileSync(join(FIXTURES, 'air-quality-hourly/valid/cnemc-snapshot-hengyang.csv')), 'cnemc-snapshot-hengyang.csv');
    const fields = fieldsOf(inference);
    expect(inference.schema).toMatchObject({ 'x-id': 'cnemc-snapshot-hengyang', 'x-version': 1, $id: 'urn:opendata:schema:draft:cnemc-snapshot-hengyang:1' });
    expect(fields.station_code).toMatchObject({ title: '监测点位编码', 'x-type': 'string', pattern: '^\\d{4}A$', 'x-aliases': ['stationcode'] });
    expect(fields.time).toMatchObject({ 'x-type': 'datetime', type: 'string', 'x-aliases': ['timepoint'] });
    expect(fields.aqi).toMatchObject({ 'x-type': 'integer', type: 'integer', minimum: 0 });
    expect(fields.co).toMatchObject({ 'x-type': 'number' });
    expect(inference.schema['x-missing-values']).toEqual(['', '-;']);
    expect(inference.schema.required).toEqual(expect.arrayContaining(['time', 'station_code', 'station_name']));
    expect(inference.schema.required).not.toContain('primary_pollutant');
    const primary = column(inference, 'primarypollutant');
    expect(primary.missing).toBeGreaterThan(0);
    expect(primary.missingMarkers['-;']).toBe(primary.missing);
    expect(column(inference, 'aqi')).toMatchObject({ rowsSeen: 12, missing: 1, missingMarkers: { '-;': 1 }, required: false, readsAs: ['integer', 'number'] });
  });

  it('reads budgets: year, thousands separators, digit codes kept as text, enumerations, units from the header', async () => {
    const { inference } = await roundTrip(readFileSync(join(FIXTURES, 'budget-final-accounts/valid/department-budget-2025.csv')), 'department-budget-2025.csv');
    const fields = fieldsOf(inference);
    expect(fields.year).toMatchObject({ title: '年度', 'x-type': 'year', type: 'integer' });
    expect(fields.amount).toMatchObject({ title: '金额(万元)', 'x-type': 'number', 'x-unit': '万元', 'x-group-char': ',' });
    expect(fields.subject_code).toMatchObject({ 'x-type': 'string', pattern: '^\\d{3,7}$' });
    expect(fields.level).toMatchObject({ enum: ['类', '款', '项'] });
    expect(fields.subject_name.enum).toBeUndefined();
  });

  it('recognises masked personal identifiers and declares the columns x-masked', async () => {
    const { inference } = await roundTrip(readFileSync(join(FIXTURES, 'housing-allocation/valid/alias-headers-2025.csv')), 'alias-headers-2025.csv');
    const fields = fieldsOf(inference);
    expect(fields.resident_id).toMatchObject({ 'x-masked': 'resident-id', pattern: '^(?:\\d{6}[*×＊]{8}\\d{3}[\\dXx]|\\d{6}[*×＊]{6}\\d{3})$' });
    expect(fields.applicant).toMatchObject({ 'x-masked': 'name' });
    expect(fields.room).toMatchObject({ 'x-type': 'string', pattern: '^\\d{4}$' }); // 0903: leading zeros kept
    expect(fields.announcement_date).toMatchObject({ 'x-type': 'date' });
    expect(column(inference, '公示日期').formats).toEqual(['YYYY年M月D日']);
    expect(column(inference, '身份证号码').personalData).toMatchObject({ kind: 'resident-id', unmasked: 0 });
  });

  it('recognises unified social credit codes (check character verified) and proposes the uscc-check rule', async () => {
    const { inference } = await roundTrip(readFileSync(join(FIXTURES, 'administrative-penalty/valid/template-codes.csv')), 'template-codes.csv');
    expect(fieldsOf(inference).cf_xdr_shxym).toMatchObject({ pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$', 'x-standard': expect.stringContaining('GB 32100') });
    expect(inference.schema['x-rules']).toEqual(['uscc-check']);
    const wrongCheck = Buffer.from('单位名称,统一社会信用代码\n甲公司,91430400MA4PQ7L2XG\n乙公司,91430400MA4PQ7L2XH\n');
    const { inference: other } = await roundTrip(wrongCheck, 'units.csv');
    expect(column(other, '统一社会信用代码').identifier).toBeNull();
    expect(other.schema['x-rules']).toBeUndefined();
  });

  it('walks the type lattice and counts the missing-value markers agencies use', async () => {
    const csv = [
      '序号,数量,比例,是否公开,发布日期,编码,备注,时间点,月份',
      '1,10,0.5,是,2024年1月2日,0012,说明甲,08:00,2024-01',
      '2,—,1,否,2024年1月3日,0100,,09:30,2024-02',
      '3,/,2.25,是,2024年2月1日,0101,NA,10:00,2024-03',
      '4,12,-3,否,2024年2月2日,0102,说明乙,11:00,2024-04',
    ].join('\n');
    const { inference, report } = await roundTrip(Buffer.from(csv), '统计表.csv');
    expect(report.errors).toEqual([]);
    const types = Object.fromEntries(inference.evidence.columns.map((c) => [c.header, c.type]));
    expect(types).toEqual({ 序号: 'integer', 数量: 'integer', 比例: 'number', 是否公开: 'boolean', 发布日期: 'date', 编码: 'string', 备注: 'string', 时间点: 'time', 月份: 'yearmonth' });
    expect(inference.schema['x-missing-values']).toEqual(['', '—', '/', 'NA']);
    expect(column(inference, '数量')).toMatchObject({ missing: 2, missingMarkers: { '—': 1, '/': 1 }, required: false, min: 10, max: 12 });
    const required = inference.evidence.columns.filter((c) => c.required).map((c) => c.header);
    expect(required).toEqual(['序号', '比例', '是否公开', '发布日期', '编码', '时间点', '月份']);
    expect(inference.schema.required).toEqual(inference.evidence.columns.filter((c) => c.required).map((c) => c.name));
    expect(fieldsOf(inference)[column(inference, '比例').name].minimum).toBeUndefined(); // -3 seen
    expect(fieldsOf(inference)[column(inference, '数量').name].minimum).toBe(0);
    expect(inference.schema.title).toBe('统计表');
    expect(inference.schema['x-id']).toMatch(/^draft-[0-9a-f]{8}$/);
    const serials = await roundTrip(Buffer.from('流水\n20260901000000000001\n20260901000000000002\n'), 'serials.csv');
    expect(serials.inference.evidence.columns[0]).toMatchObject({ type: 'string', readsAs: ['number'] });
    expect(serials.report.errors).toEqual([]);
  });

  it('proposes an enumeration up to DISTINCT_CAP distinct values and none beyond', async () => {
    const rows = (n: number) => Array.from({ length: n * 3 }, (_, i) => `类别${i % n}`);
    const csv = (n: number) => Buffer.from(['类别', ...rows(n)].join('\n'));
    const { inference: capped } = await roundTrip(csv(DISTINCT_CAP), 'a.csv');
    expect((fieldsOf(capped)[column(capped, '类别').name].enum as string[]).length).toBe(DISTINCT_CAP);
    const { inference: over, report } = await roundTrip(csv(DISTINCT_CAP + 1), 'b.csv');
    expect(report.errors).toEqual([]);
    expect(fieldsOf(over)[column(over, '类别').name].enum).toBeUndefined();
    expect(column(over, '类别').distinctCount).toBeNull();
  });

  it('marks unmasked resident IDs and mobiles as personal data: x-masked, never shown in the evidence, the masked copy validates', async () => {
    const id = (body: string) => body + residentIdCheckCharacter(body)!;
    const ids = [id('43040419900101123'), id('43040719851231002'), id('43042119780615456')];
    const mobiles = ['13800138000', '13912345678', '18673400001'];
    const lines = ['姓名,身份证号,联系电话,户籍地', ...ids.map((v, i) => `张三${'丰伟'[i % 2]},${v},${mobiles[i]},衡阳市`)];
    const bytes = Buffer.from(lines.join('\n'));
    const { inference, report } = await roundTrip(bytes, 'residents.csv');
    const fields = fieldsOf(inference);
    const byHeader = (h: string) => fields[column(inference, h).name];
    expect(byHeader('身份证号')).toMatchObject({ 'x-masked': 'resident-id', pattern: expect.any(String) });
    expect(byHeader('联系电话')).toMatchObject({ 'x-masked': 'mobile', pattern: '^(?:\\+?86)?1[3-9]\\d[*×＊]{4}\\d{4}$' });
    expect(byHeader('姓名')).toMatchObject({ 'x-masked': 'name' });
    expect(column(inference, '身份证号').personalData).toEqual({ kind: 'resident-id', unmasked: 3, masked: 0 });
    expect(inference.evidence.warnings.join('\n')).toContain('unmasked resident-id');
    const shown = JSON.stringify(inference);
    for (const raw of [...ids, ...mobiles]) expect(shown).not.toContain(raw);
    // The source itself must not be published: the validator rejects it until it is masked (the unmasked values
    // are personal-data errors, and they do not match the masked pattern either); the other column is accepted.
    expect(report.errors.filter((e) => e.type === 'personal-data').map((e) => e.fieldNumber)).toEqual([1, 2, 3, 1, 2, 3, 1, 2, 3]);
    expect(report.errors.every((e) => e.type === 'personal-data' || (e.type === 'constraint-error' && e.fieldNumber !== 4))).toBe(true);
    const kinds = ['name', 'resident-id', 'mobile', null] as const;
    const masked = lines.map((line, r) => (r === 0 ? line : line.split(',').map((cell, c) => (kinds[c] ? maskValue(cell, kinds[c]!) : cell)).join(',')));
    const maskedReport = await validate(Buffer.from(masked.join('\n')), 'residents.masked.csv', inference.schema);
    expect(maskedReport.errors).toEqual([]);
  });

  it('reads GB18030 text, JSON and XLSX with the upload readers', async () => {
    const gbk = await roundTrip(readFileSync(join(READ_FIXTURES, 'air-quality.gb18030.csv')), 'air-quality.gb18030.csv');
    expect(gbk.inference.evidence.encoding).toBe('gb18030');
    expect(gbk.report.errors).toEqual([]);

    const json = Buffer.from(JSON.stringify([{ 站点: '市监测站', 日期: '2026-09-01', AQI: 52 }, { 站点: '华新开发区', 日期: '2026-09-02', AQI: 61.5 }]));
    const fromJson = await roundTrip(json, 'daily.json');
    expect(fromJson.inference.evidence.format).toBe('json');
    expect(fromJson.inference.evidence.columns.map((c) => c.type)).toEqual(['string', 'date', 'number']);
    expect(fromJson.report.errors).toEqual([]);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    sheet.addRow(['区县', '统计日期', '人数', '占比']);
    sheet.addRow(['雁峰区', new Date(Date.UTC(2026, 0, 31)), 1200, 0.25]);
    sheet.addRow(['珠晖区', new Date(Date.UTC(2026, 1, 28)), 980, 0.5]);
    sheet.getColumn(2).numFmt = 'yyyy-mm-dd';
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const fromXlsx = await roundTrip(xlsx, 'counts.xlsx');
    expect(fromXlsx.inference.evidence.format).toBe('xlsx');
    expect(fromXlsx.inference.evidence.columns.map((c) => c.type)).toEqual(['string', 'date', 'integer', 'number']);
    expect(fromXlsx.report.errors).toEqual([]);
  });

  it('reports unreadable input as UNPROCESSABLE', async () => {
    await expect(inferSchema(chunks(Buffer.alloc(0)), { fileName: 'empty.csv' })).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
    const xls = readFileSync(join(READ_FIXTURES, 'spreadsheet.xls'));
    const error = await inferSchema(chunks(xls), { fileName: 'old.xls' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'UNPROCESSABLE', details: { type: 'format-error' } });
  });

  it('warns about what no schema can fix: blank and duplicate labels, blank and ragged rows', async () => {
    const csv = Buffer.from('名称,,名称\n甲,1,2\n,,\n乙,3\n');
    const inference = await inferSchema(chunks(csv), { fileName: 'messy.csv' });
    expect(checkCollectionDocument(inference.schema)).toEqual([]);
    expect(inference.evidence.warnings).toHaveLength(4);
  });
});

describe('ColumnProfile', () => {
  it('keeps bounded state however many distinct values it sees', () => {
    const profile = new ColumnProfile('编号');
    for (let i = 0; i < 100_000; i++) profile.observe(`A${i}`);
    expect(profile.distinct).toBeNull();
    expect(profile.sample).toHaveLength(5);
    expect(profile.cells).toBe(100_000);
    expect(profile.maxLength).toBe(6);
  });

  it('drops integer for a code with leading zeros and number for text', () => {
    const profile = new ColumnProfile('代码');
    ['12', '007'].forEach((t) => profile.observe(t));
    expect(profile.reads('integer')).toBe(false);
    expect(profile.reads('number')).toBe(false);
    const mixed = new ColumnProfile('值');
    ['1', '2.5', 'abc'].forEach((t) => mixed.observe(t));
    expect(mixed.reads('number')).toBe(false);
  });
});

describe('inferSchema names', () => {
  it('keeps every field on its own column when a header is another column\'s standard name or title', async () => {
    const csv = Buffer.from('stationcode,监测点位编码,station_code\n2456A,2457A,2458A\n2459A,2460A,2461A\n');
    const inference = await inferSchema(chunks(csv), { fileName: 'codes.csv', standards });
    expect(checkCollectionDocument(inference.schema)).toEqual([]);
    const report = await validate(csv, 'codes.csv', inference.schema);
    expect(report.errors).toEqual([]);
    const result = await validateTable(chunks(csv), { schema: fromCollectionDocument(inference.schema), fileName: 'codes.csv', keys: 'memory' });
    expect(result.fieldColumns).toEqual([0, 1, 2]);
  });
});
