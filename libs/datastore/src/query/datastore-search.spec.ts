import { AppError } from '@opendata/common';
import { DatastoreSearch, compileDatastoreSearch } from './datastore-search';

const columns = [
  { name: 'station_name', sqlType: 'text' },
  { name: 'aqi', sqlType: 'bigint' },
  { name: 'time', sqlType: 'timestamp without time zone' },
];
const NONE: DatastoreSearch = { fields: null, filters: null, q: null, fullText: null, sort: null, limit: 100, offset: 0, includeTotal: true };
const compile = (search: Partial<DatastoreSearch>) => compileDatastoreSearch('t_abc', columns, { ...NONE, ...search });
const refusal = (run: () => unknown): Array<{ path: string; message: string }> | null => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError && error.code === 'BAD_USER_INPUT') return error.details?.fields ?? [];
    throw error;
  }
  return null;
};

describe('compileDatastoreSearch', () => {
  it("binds every value and quotes only the table's own column names", () => {
    const sql = compile({ filters: { station_name: "x' OR 1=1 --", aqi: [50, '60'] }, q: '珠晖%', sort: 'aqi desc', fields: ['station_name', 'aqi'], limit: 5, offset: 10 });
    expect(sql.recordsSql).toBe(
      `SELECT "station_name" AS "station_name", "aqi" AS "aqi" FROM datastore."t_abc" WHERE "station_name" = ANY($1::text[]) AND "aqi" = ANY($2::bigint[])` +
        ` AND ("station_name" ILIKE $3) ORDER BY "aqi" DESC, _row LIMIT $4 OFFSET $5`,
    );
    expect(sql.recordsValues).toEqual([["x' OR 1=1 --"], ['50', '60'], '%珠晖\\%%', 5, 10]);
    expect(sql.countSql).toBe(`SELECT count(*)::float8 AS n FROM datastore."t_abc" WHERE "station_name" = ANY($1::text[]) AND "aqi" = ANY($2::bigint[]) AND ("station_name" ILIKE $3)`);
    expect(sql.countValues).toHaveLength(3);
    expect(sql.filtered).toBe(true);
    expect(sql.fields).toEqual([{ id: 'station_name', type: 'text' }, { id: 'aqi', type: 'int8' }]);
  });

  it('serves _id from the row number, reads timestamps as ISO text, and leaves the total out when not asked', () => {
    const sql = compile({ filters: { _id: 3 } });
    expect(sql.recordsSql).toContain('(_row - 1) AS _id');
    expect(sql.recordsSql).toContain(`to_char("time", 'YYYY-MM-DD"T"HH24:MI:SS') AS "time"`);
    expect(sql.recordsSql).toContain('WHERE (_row - 1) = ANY($1::bigint[])');
    expect(sql.bigints).toEqual(['_id', 'aqi']);
    expect(compile({ includeTotal: false }).countSql).toBeNull();
    expect(compile({}).filtered).toBe(false);
  });

  it('matches every word of q in some column, by type; a word no column can hold matches nothing', () => {
    const sql = compile({ q: '原169 69 2026-09' });
    expect(sql.recordsSql).toContain(
      `WHERE ("station_name" ILIKE $1) AND ("station_name" ILIKE $2 OR "aqi" = $3::bigint OR to_char("time", 'YYYY-MM-DD"T"HH24:MI:SS') LIKE $4)` +
        ` AND ("station_name" ILIKE $5 OR to_char("time", 'YYYY-MM-DD"T"HH24:MI:SS') LIKE $6)`,
    );
    expect(sql.recordsValues.slice(0, 6)).toEqual(['%原169%', '%69%', '69', '69%', '%2026-09%', '2026-09%']);
    expect(compileDatastoreSearch('t', [{ name: 'aqi', sqlType: 'bigint' }], { ...NONE, q: '优' }).recordsSql).toContain('WHERE FALSE');
    expect(compile({ fullText: '珠晖' }).recordsSql).toContain('WHERE ("station_name" ILIKE $1)');
  });

  it('searches q given as an object in the named columns only', () => {
    const sql = compile({ q: { station_name: '珠晖 环保', aqi: 69, time: '2026-09-01T08' } });
    expect(sql.recordsSql).toContain(
      `WHERE "station_name" ILIKE $1 AND "station_name" ILIKE $2 AND "aqi" = $3::bigint AND to_char("time", 'YYYY-MM-DD"T"HH24:MI:SS') LIKE $4`,
    );
    expect(sql.recordsValues.slice(0, 4)).toEqual(['%珠晖%', '%环保%', '69', '2026-09-01T08%']);
    expect(compile({ q: { _id: 7 } }).recordsSql).toContain('WHERE (_row - 1) = $1::bigint');
  });

  it('refuses names outside the table and values their column cannot hold, naming the parameter', () => {
    expect(refusal(() => compile({ fields: ['aqi', 'x'] }))).toEqual([{ path: 'fields', message: '表中没有字段“x” (field "x" not in table)' }]);
    expect(refusal(() => compile({ sort: 'nope desc' }))).toEqual([{ path: 'sort', message: '表中没有字段“nope” (field "nope" not in table)' }]);
    expect(refusal(() => compile({ sort: 'a b c' }))).toEqual([{ path: 'sort', message: '无法读取“a b c” (cannot read "a b c")' }]);
    expect(refusal(() => compile({ filters: { aqi: '99999999999999999999' } }))?.[0]).toMatchObject({ path: 'filters', message: expect.stringContaining('not a valid value') });
    expect(refusal(() => compile({ filters: { aqi: [{}] } }))?.[0]).toMatchObject({ path: 'filters', message: expect.stringContaining('text, numbers or booleans') });
    expect(refusal(() => compile({ q: { station_code: '2460A' } }))).toEqual([{ path: 'q', message: '表中没有字段“station_code” (field "station_code" not in table)' }]);
    expect(refusal(() => compile({ q: { aqi: 'high' } }))?.[0].message).toContain('"high" is not a value of aqi');
  });
});
