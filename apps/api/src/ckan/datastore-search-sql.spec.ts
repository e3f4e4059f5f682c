import { CkanError } from './ckan-envelope';
import { compileDatastoreSearch } from './datastore-search-sql';

const columns = [
  { name: 'station_name', sqlType: 'text' },
  { name: 'aqi', sqlType: 'bigint' },
  { name: 'time', sqlType: 'timestamp without time zone' },
];
const compile = (params: Record<string, unknown>) => compileDatastoreSearch('t_abc', columns, params);
const errorOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof CkanError ? error.body : error;
  }
  return null;
};

describe('compileDatastoreSearch', () => {
  it('binds every value and quotes only the table\'s own column names', () => {
    const sql = compile({ filters: { station_name: "x' OR 1=1 --", aqi: [50, '60'] }, q: '珠晖%', sort: 'aqi desc', fields: 'station_name,aqi', limit: 5, offset: 10 });
    expect(sql.recordsSql).toBe(
      `SELECT "station_name" AS "station_name", "aqi" AS "aqi" FROM datastore."t_abc" WHERE "station_name" = ANY($1::text[]) AND "aqi" = ANY($2::bigint[])` +
        ` AND ("station_name" ILIKE $3) ORDER BY "aqi" DESC, _row LIMIT $4 OFFSET $5`,
    );
    expect(sql.recordsValues).toEqual([["x' OR 1=1 --"], ['50', '60'], '%珠晖\\%%', 5, 10]);
    expect(sql.countSql).toContain('count(*)');
    expect(sql.countValues).toHaveLength(3);
    expect(sql.fields).toEqual([{ id: 'station_name', type: 'text' }, { id: 'aqi', type: 'int8' }]);
  });

  it('serves _id from the row number and reads timestamps as ISO text', () => {
    const sql = compile({ filters: { _id: 3 } });
    expect(sql.recordsSql).toContain('(_row - 1) AS _id');
    expect(sql.recordsSql).toContain(`to_char("time", 'YYYY-MM-DD"T"HH24:MI:SS') AS "time"`);
    expect(sql.recordsSql).toContain('WHERE (_row - 1) = ANY($1::bigint[])');
    expect(sql.bigints).toEqual(['_id', 'aqi']);
    expect(compile({ include_total: 'false' }).countSql).toBeNull();
  });

  it('searches q in every column by type: every word must match some column', () => {
    const sql = compile({ q: '原169 69 2026-09' });
    expect(sql.recordsSql).toContain(
      `WHERE ("station_name" ILIKE $1) AND ("station_name" ILIKE $2 OR "aqi" = $3::bigint OR to_char("time", 'YYYY-MM-DD"T"HH24:MI:SS') LIKE $4)` +
        ` AND ("station_name" ILIKE $5 OR to_char("time", 'YYYY-MM-DD"T"HH24:MI:SS') LIKE $6)`,
    );
    expect(sql.recordsValues.slice(0, 6)).toEqual(['%原169%', '%69%', '69', '69%', '%2026-09%', '2026-09%']);
    // A word no column can hold matches nothing rather than everything.
    expect(compileDatastoreSearch('t', [{ name: 'aqi', sqlType: 'bigint' }], { q: '优' }).recordsSql).toContain('WHERE FALSE');
  });

  it('searches q given as an object (or as its JSON text) in the named columns only', () => {
    const asObject = compile({ q: { station_name: '珠晖 环保', aqi: 69, time: '2026-09-01T08' } });
    expect(asObject.recordsSql).toContain(
      `WHERE "station_name" ILIKE $1 AND "station_name" ILIKE $2 AND "aqi" = $3::bigint AND to_char("time", 'YYYY-MM-DD"T"HH24:MI:SS') LIKE $4`,
    );
    expect(asObject.recordsValues.slice(0, 4)).toEqual(['%珠晖%', '%环保%', '69', '2026-09-01T08%']);
    expect(compile({ q: '{"station_name":"2460A"}' }).recordsSql).toContain('WHERE "station_name" ILIKE $1');
    expect(compile({ q: '{not json' }).recordsSql).toContain('WHERE ("station_name" ILIKE $1)');
    expect(compile({ q: { _id: 7 } }).recordsSql).toContain('WHERE (_row - 1) = $1::bigint');
  });

  it('refuses q fields outside the table, and values their column cannot hold, naming them', () => {
    expect(errorOf(() => compile({ q: '{"station_code":"2460A"}' }))).toMatchObject({ __type: 'Validation Error', q: ['field "station_code" not in table'] });
    expect(errorOf(() => compile({ q: { aqi: 'high' } }))).toMatchObject({ q: [expect.stringContaining('"high" is not a value of aqi')] });
    expect(errorOf(() => compile({ q: { aqi: [1] } }))).toMatchObject({ q: [expect.stringContaining('must be text, a number or a boolean')] });
  });

  it('refuses options it does not implement, and unknown parameters', () => {
    expect(errorOf(() => compile({ plain: false }))).toMatchObject({ plain: [expect.any(String)] });
    expect(errorOf(() => compile({ language: 'english' }))).toMatchObject({ language: [expect.any(String)] });
    expect(errorOf(() => compile({ distinct: 'true' }))).toMatchObject({ distinct: [expect.any(String)] });
    expect(errorOf(() => compile({ records_format: 'csv' }))).toMatchObject({ records_format: [expect.any(String)] });
    expect(errorOf(() => compile({ filter: '{}' }))).toMatchObject({ __junk: [expect.stringContaining('filter')] });
    expect(compile({ plain: true, distinct: false, total_estimation_threshold: 1000, full_text: '珠晖' }).recordsSql).toContain('"station_name" ILIKE $1');
  });

  it('refuses names outside the table and values outside their type, naming the parameter', () => {
    expect(errorOf(() => compile({ filters: { 'aqi"; DROP TABLE x; --': 1 } }))).toMatchObject({ __type: 'Validation Error', filters: [expect.stringContaining('not in table')] });
    expect(errorOf(() => compile({ sort: 'nope desc' }))).toMatchObject({ sort: ['field "nope" not in table'] });
    expect(errorOf(() => compile({ fields: ['aqi', 'x'] }))).toMatchObject({ fields: ['field "x" not in table'] });
    expect(errorOf(() => compile({ filters: { aqi: 'high' } }))).toMatchObject({ filters: [expect.stringContaining('not a valid value')] });
    expect(errorOf(() => compile({ limit: 32001 }))).toMatchObject({ limit: [expect.any(String)] });
    expect(errorOf(() => compile({ filters: { aqi: '99999999999999999999' } }))).toMatchObject({ filters: [expect.stringContaining('not a valid value')] });
  });
});
