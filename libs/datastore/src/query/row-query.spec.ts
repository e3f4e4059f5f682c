import { AppError } from '@opendata/common';
import { FieldSpec } from '@opendata/validation';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { decodeCursor, encodeCursor } from './row-cursor';
import { JsonLines, prepareRowExport } from './row-export';
import { compileFilter, SqlParams } from './row-filter';

const field = (name: string, type: FieldSpec['type'], required = false): FieldSpec =>
  ({ name, type, title: name, titleEn: null, description: null, unit: null, aliases: [], required, unique: false, groupChar: null, masked: null, standard: [], constraints: {} }) as FieldSpec;
const FIELDS = [field('station_code', 'string', true), field('time', 'datetime', true), field('aqi', 'integer'), field('pm2_5', 'number'), field('day', 'date')];

const pathOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return (error as AppError).details?.fields?.[0].path;
  }
  return undefined;
};

describe('row filters', () => {
  it('compiles conditions into SQL with every value a parameter', () => {
    const params = new SqlParams();
    const sql = compileFilter(FIELDS, { aqi: { gt: '50', lte: 120 }, station_code: { in: ['2000A', "x'; DROP TABLE y; --"] }, time: { gte: '2026-09-01T10:00' }, pm2_5: { isNull: false } }, params);
    expect(sql).toBe('"aqi" > $1::bigint AND "aqi" <= $2::bigint AND "station_code" = ANY($3::text[]) AND "time" >= $4::timestamp AND "pm2_5" IS NOT NULL');
    expect(params.values).toEqual([50, 120, ['2000A', "x'; DROP TABLE y; --"], '2026-09-01 10:00:00']);
  });

  it('reads a datetime bound as Beijing time: a date is the start of that day in China Standard Time, an offset is converted', () => {
    const bound = (gte: string) => {
      const params = new SqlParams();
      compileFilter(FIELDS, { time: { gte } }, params);
      return params.values[0];
    };
    expect(bound('2026-09-10')).toBe('2026-09-10 00:00:00');
    expect(bound('2026-09-10T08:00')).toBe('2026-09-10 08:00:00');
    expect(bound('2026-09-10 08:00:05.25')).toBe('2026-09-10 08:00:05.25');
    expect(bound('2018-02-20T07:00:00+08:00')).toBe('2018-02-20 07:00:00');
    expect(bound('2018-02-19T23:00:00Z')).toBe('2018-02-20 07:00:00');
    expect(bound('2018-02-20T01:30:00.5+0230')).toBe('2018-02-20 07:00:00.5');
    expect(bound('2018-02-19T18:00:00-05')).toBe('2018-02-20 07:00:00');
    for (const bad of ['2026-02-30', '2026-09-10T24:00', '2026-09-10T08:00+8', '10/09/2026', '2026-09-10Z']) {
      expect([bad, pathOf(() => compileFilter(FIELDS, { time: { lt: bad } }, new SqlParams()))]).toEqual([bad, 'where.time.lt']);
    }
  });

  it('names the field and condition of a malformed filter', () => {
    expect(pathOf(() => compileFilter(FIELDS, { aqi: { gt: 'high' } }, new SqlParams()))).toBe('where.aqi.gt');
    expect(pathOf(() => compileFilter(FIELDS, { aqi: { gt: 1.5 } }, new SqlParams()))).toBe('where.aqi.gt');
    expect(pathOf(() => compileFilter(FIELDS, { day: { eq: '2026-02-30' } }, new SqlParams()))).toBe('where.day.eq');
    expect(pathOf(() => compileFilter(FIELDS, { nope: { eq: 1 } }, new SqlParams()))).toBe('where.nope');
    expect(pathOf(() => compileFilter(FIELDS, { aqi: { near: 1 } as never }, new SqlParams()))).toBe('where.aqi.near');
    expect(pathOf(() => compileFilter(FIELDS, { pm2_5: { contains: '1' } }, new SqlParams()))).toBe('where.pm2_5.contains');
    expect(pathOf(() => compileFilter(FIELDS, { aqi: { in: [] } }, new SqlParams()))).toBe('where.aqi.in');
  });

  it('escapes LIKE wildcards in contains', () => {
    const params = new SqlParams();
    compileFilter(FIELDS, { station_code: { contains: '50%_a\\' } }, params);
    expect(params.values).toEqual(['50\\%\\_a\\\\']);
  });

  it('keeps values out of the COPY text: they travel as transaction settings', () => {
    const prepared = prepareRowExport({ table: 't_abc', fields: FIELDS }, 'csv', { where: { station_code: { eq: "a'b" }, aqi: { in: [1, 2] } } });
    expect(prepared.copySql).not.toContain("a'b");
    expect(prepared.copySql).toContain(`"station_code" = current_setting('opendata.p1')::text`);
    expect(prepared.settings).toEqual({ sql: `SELECT set_config('opendata.p1', $1, true), set_config('opendata.p2', $2, true)`, params: ["a'b", '{"1","2"}'] });
  });
});

describe('row cursors', () => {
  it('round-trips and refuses cursors of another ordering', () => {
    const cursor = encodeCursor(['2000A', null], 42);
    expect(decodeCursor(cursor, 2)).toEqual({ keys: ['2000A', null], rowNumber: 42 });
    expect(pathOf(() => decodeCursor(cursor, 1))).toBe('after');
    expect(pathOf(() => decodeCursor('garbage', 0))).toBe('after');
  });
});

describe('JSON export framing', () => {
  // COPY text output of row_to_json: one document a line, backslashes doubled.
  const copyText = '{"a":"x\\\\\\\\y"}\n{"a":"q\\\\"z"}\n{"a":"中文\\\\n"}\n';
  const documents = [{ a: 'x\\y' }, { a: 'q"z' }, { a: '中文\n' }];

  it.each([1, 2, 3, 5, 7])('rebuilds the JSON exactly whatever the chunk size (%i bytes)', async (size) => {
    const bytes = Buffer.from(copyText);
    const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
    expect(JSON.parse(await text(Readable.from(chunks).pipe(new JsonLines(true))))).toEqual(documents);
    const lines = (await text(Readable.from(chunks).pipe(new JsonLines(false)))).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(documents);
  });

  it('gives an empty array for no rows', async () => {
    expect(JSON.parse(await text(Readable.from([]).pipe(new JsonLines(true))))).toEqual([]);
  });
});
