import { compileDatastoreSearch } from '@opendata/datastore';
import { toCkanError } from './ckan-envelope';
import { datastoreSearchRequest } from './datastore-search-params';

const columns = [
  { name: 'station_name', sqlType: 'text' },
  { name: 'aqi', sqlType: 'bigint' },
  { name: 'time', sqlType: 'timestamp without time zone' },
];
// The parameters as CKAN clients send them, read and compiled as datastore_search does; refusals as CKAN answers them.
const compile = (params: Record<string, unknown>) => compileDatastoreSearch('t_abc', columns, datastoreSearchRequest(params));
const errorOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return toCkanError(error).body;
  }
  return null;
};

describe('datastore_search parameters', () => {
  it('reads lists and objects given as JSON text or comma-separated, as query strings carry them', () => {
    const sql = compile({ filters: '{"aqi":[50,"60"]}', fields: 'station_name,aqi', sort: '["aqi desc","_id"]', limit: '5', offset: '10', include_total: 'false' });
    expect(sql.recordsSql).toBe(`SELECT "station_name" AS "station_name", "aqi" AS "aqi" FROM datastore."t_abc" WHERE "aqi" = ANY($1::bigint[]) ORDER BY "aqi" DESC, _row ASC, _row LIMIT $2 OFFSET $3`);
    expect(sql.recordsValues).toEqual([['50', '60'], 5, 10]);
    expect(sql.countSql).toBeNull();
  });

  it('takes q as a text, an object, or an object given as its JSON text', () => {
    expect(compile({ q: '珠晖' }).recordsSql).toContain('WHERE ("station_name" ILIKE $1)');
    expect(compile({ q: { aqi: 69 } }).recordsSql).toContain('WHERE "aqi" = $1::bigint');
    expect(compile({ q: '{"station_name":"2460A"}' }).recordsSql).toContain('WHERE "station_name" ILIKE $1');
    expect(compile({ q: '{not json' }).recordsSql).toContain('WHERE ("station_name" ILIKE $1)');
    expect(errorOf(() => compile({ q: ['a'] }))).toMatchObject({ __type: 'Validation Error', q: [expect.stringContaining('must be a string or an object')] });
  });

  it('refuses q fields outside the table, and values their column cannot hold, naming them', () => {
    expect(errorOf(() => compile({ q: '{"station_code":"2460A"}' }))).toMatchObject({ __type: 'Validation Error', q: ['表中没有字段“station_code” (field "station_code" not in table)'] });
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
    expect(errorOf(() => compile({ sort: 'nope desc' }))).toMatchObject({ sort: ['表中没有字段“nope” (field "nope" not in table)'] });
    expect(errorOf(() => compile({ fields: ['aqi', 'x'] }))).toMatchObject({ fields: ['表中没有字段“x” (field "x" not in table)'] });
    expect(errorOf(() => compile({ filters: { aqi: 'high' } }))).toMatchObject({ filters: [expect.stringContaining('not a valid value')] });
    expect(errorOf(() => compile({ limit: 32001 }))).toMatchObject({ limit: [expect.any(String)] });
    expect(errorOf(() => compile({ filters: { aqi: '99999999999999999999' } }))).toMatchObject({ filters: [expect.stringContaining('not a valid value')] });
  });
});
