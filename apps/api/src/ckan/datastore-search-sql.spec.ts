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
        ` AND concat_ws(' ', "station_name") ILIKE $3 ORDER BY "aqi" DESC, _row LIMIT $4 OFFSET $5`,
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

  it('refuses names outside the table and values outside their type, naming the parameter', () => {
    expect(errorOf(() => compile({ filters: { 'aqi"; DROP TABLE x; --': 1 } }))).toMatchObject({ __type: 'Validation Error', filters: [expect.stringContaining('not in table')] });
    expect(errorOf(() => compile({ sort: 'nope desc' }))).toMatchObject({ sort: ['field "nope" not in table'] });
    expect(errorOf(() => compile({ fields: ['aqi', 'x'] }))).toMatchObject({ fields: ['field "x" not in table'] });
    expect(errorOf(() => compile({ filters: { aqi: 'high' } }))).toMatchObject({ filters: [expect.stringContaining('not a valid value')] });
    expect(errorOf(() => compile({ limit: 32001 }))).toMatchObject({ limit: [expect.any(String)] });
  });
});
