import { parse } from 'csv-parse/sync';
import { airQualityHourlyCsv } from '@opendata/demo';
import { TEST_ADMIN_TOKEN, TestApp, startTestApp, userWithRole } from '../../../test/support/test-app';
import { DownloadCounterService } from '../../api/src/downloads/download-counter.service';

const MISSING = new Set(['', '-', '--', '—', '-;', 'NA']);
const NUMERIC = new Set(['aqi', 'so2', 'so2_24h', 'no2', 'no2_24h', 'pm10', 'pm10_24h', 'co', 'co_24h', 'o3', 'o3_24h', 'o3_8h', 'o3_8h_24h', 'pm2_5', 'pm2_5_24h']);

type Row = Record<string, string | number | null> & { rowNumber: number };

/** The rows of a CSV as the row API should return them, computed here independently of the server. */
function expectedRows(csv: string): Row[] {
  const [header, ...records] = parse(csv) as string[][];
  return records.map((cells, i) => {
    const row: Row = { rowNumber: i + 2 };
    header.forEach((name, c) => {
      const cell = cells[c];
      if (MISSING.has(cell)) row[name] = null;
      else if (NUMERIC.has(name)) row[name] = Number(cell);
      // ISO 8601 with the offset: the file's times are Beijing time.
      else if (name === 'time') row[name] = `${cell.replace(' ', 'T')}:00+08:00`;
      else row[name] = cell;
    });
    return row;
  });
}

describe('validated rows: GraphQL Resource.rows / aggregate and data.csv / data.json / data.ndjson', () => {
  let t: TestApp;
  let editor: string;
  let outsider: string;
  const csv = airQualityHourlyCsv().split('\n').slice(0, 301).join('\n') + '\n';
  const rows = expectedRows(csv);
  let resourceId: string;
  let draftResourceId: string;
  let trickyResourceId: string;

  const upload = async (file: string, fileName: string, dataset: string, fields: Record<string, string> = { schema: 'air-quality-hourly' }, token = TEST_ADMIN_TOKEN) => {
    // As a system administrator by default: an editor's upload awaits review before its rows are served.
    const req = t.http.post(`/api/v1/datasets/${dataset}/resources`).set('authorization', `Bearer ${token}`);
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    const res = await req.attach('file', Buffer.from(file), fileName);
    expect(res.status).toBe(201);
    return res.body.resource as { id: string; version: number };
  };
  const createDataset = async (slug: string, status: string) => {
    const created = await t.gql(
      `mutation($input: CreateDatasetInput!) { createDataset(input: $input) { id } }`,
      { input: { slug, title: `空气质量 ${slug}`, description: '各站点逐小时空气质量（测试数据）。', organization: 'env-bureau', themes: ['GOV_ECOLOGY', 'ENVI'], status, issued: '2026-01-01', contactPoint: { name: '监测科', phone: '0734-8123456' } } },
      // A system administrator publishes directly (organizations may require review of editors' publications).
      TEST_ADMIN_TOKEN,
    );
    expect(created.body.errors).toBeUndefined();
  };
  const ROWS_QUERY = `query($id: ID!, $where: [RowCondition!], $orderBy: [RowOrder!], $first: Int, $after: String, $version: Int) {
    resource(id: $id) { rows(where: $where, orderBy: $orderBy, first: $first, after: $after, version: $version) {
      totalCount totalCountEstimated version pageInfo { hasNextPage endCursor }
      nodes { ... on AirQualityHourlyRow { rowNumber station_code station_name time aqi pm2_5 quality } }
    } } }`;
  const rowsPage = async (variables: Record<string, unknown>, token?: string) => {
    const res = await t.gql(ROWS_QUERY, { id: resourceId, ...variables }, token);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.resource.rows;
  };
  /** Every page of a query, following the cursors. */
  const allPages = async (variables: Record<string, unknown>) => {
    const seen: Row[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 1000; pages++) {
      const page: any = await rowsPage({ ...variables, after });
      seen.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return seen;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.gql(`mutation { a: createOrganization(input: { slug: "env-bureau", name: "衡阳市环境保护局" }) { id } b: createOrganization(input: { slug: "other-bureau", name: "另一局" }) { id } }`, {}, TEST_ADMIN_TOKEN);
    editor = await userWithRole(t.app, 'editor', { organizationSlug: 'env-bureau', role: 'editor' });
    outsider = await userWithRole(t.app, 'outsider', { organizationSlug: 'other-bureau', role: 'editor' });
    await createDataset('air', 'PUBLISHED');
    await createDataset('air-draft', 'DRAFT');
    resourceId = (await upload(csv, '衡阳空气质量.csv', 'air')).id;
    draftResourceId = (await upload(csv, 'draft.csv', 'air-draft')).id;
    const lines = csv.split('\n');
    // Cells a spreadsheet would run as formulas, a backslash and a quote (JSON escaping through COPY).
    const tricky = ['=1+2', '+SUM(A1)', '-2+3', '@cmd', 'a\\b"c', '正常站名'].map((name, i) => lines[i + 1].replace(/^([^,]*,[^,]*,)[^,]*,/, `$1"${name.replace(/"/g, '""')}",`));
    trickyResourceId = (await upload([lines[0], ...tricky].join('\n') + '\n', '公式.csv', 'air')).id;
  });
  afterAll(() => t.close());

  it('filters and sorts typed rows as computed here', async () => {
    const station = rows[0].station_code as string;
    const page = await rowsPage({
      where: [{ field: 'station_code', eq: station }, { field: 'aqi', gt: 50, lte: 120 }],
      orderBy: [{ field: 'aqi', direction: 'DESC' }],
      first: 500,
    });
    const expected = rows
      .filter((r) => r.station_code === station && r.aqi !== null && (r.aqi as number) > 50 && (r.aqi as number) <= 120)
      .sort((a, b) => (b.aqi as number) - (a.aqi as number) || b.rowNumber - a.rowNumber);
    expect(expected.length).toBeGreaterThan(3);
    expect(page.nodes.map((n: Row) => n.rowNumber)).toEqual(expected.map((r) => r.rowNumber));
    expect(page.nodes[0]).toEqual({ rowNumber: expected[0].rowNumber, station_code: station, station_name: expected[0].station_name, time: expected[0].time, aqi: expected[0].aqi, pm2_5: expected[0].pm2_5, quality: expected[0].quality });
    expect(page).toMatchObject({ totalCount: expected.length, totalCountEstimated: false, version: 1, pageInfo: { hasNextPage: false } });

    const names = await rowsPage({ where: [{ field: 'station_name', contains: (rows[0].station_name as string).slice(1, 3) }, { field: 'time', gte: '2026-09-01T10:00', lt: '2026-09-01T12:00' }], first: 100 });
    const expectedNames = rows.filter((r) => (r.station_name as string).includes((rows[0].station_name as string).slice(1, 3)) && (r.time as string) >= '2026-09-01T10:00:00' && (r.time as string) < '2026-09-01T12:00:00');
    expect(names.nodes.map((n: Row) => n.rowNumber)).toEqual(expectedNames.map((r) => r.rowNumber));

    const list = await rowsPage({ where: [{ field: 'station_code', in: [rows[0].station_code, rows[1].station_code] }, { field: 'pm2_5', isNull: false }], first: 500 });
    expect(list.totalCount).toBe(rows.filter((r) => [rows[0].station_code, rows[1].station_code].includes(r.station_code) && r.pm2_5 !== null).length);
  });

  it('keyset pages cover every row exactly once, in order, for several orderings', async () => {
    const inFileOrder = await allPages({ first: 7 });
    expect(inFileOrder.map((r) => r.rowNumber)).toEqual(rows.map((r) => r.rowNumber));

    const byAqi = await allPages({ first: 13, orderBy: [{ field: 'aqi', direction: 'DESC' }] });
    expect(byAqi.map((r) => r.rowNumber)).toEqual(
      [...rows].sort((a, b) => ((b.aqi ?? -1) as number) - ((a.aqi ?? -1) as number) || b.rowNumber - a.rowNumber).map((r) => r.rowNumber),
    );

    // Mixed directions over a column with empty cells (NULLs last ascending).
    const mixed = await allPages({ first: 11, orderBy: [{ field: 'station_code' }, { field: 'pm2_5', direction: 'DESC' }] });
    const pm = (r: Row) => (r.pm2_5 === null ? Infinity : (r.pm2_5 as number));
    const expected = [...rows].sort((a, b) => (a.station_code as string).localeCompare(b.station_code as string) || pm(b) - pm(a) || a.rowNumber - b.rowNumber);
    expect(mixed.map((r) => r.rowNumber)).toEqual(expected.map((r) => r.rowNumber));
    expect(new Set(mixed.map((r) => r.rowNumber)).size).toBe(rows.length);
  });

  it('aggregates match the values computed here', async () => {
    const res = await t.gql(
      `query($id: ID!) { resource(id: $id) { aggregate(groupBy: ["station_code"], metrics: [{ fn: COUNT }, { fn: SUM, field: "aqi" }, { fn: AVG, field: "pm2_5" }, { fn: MAX, field: "aqi" }, { fn: MIN, field: "time" }, { fn: COUNT, field: "pm2_5" }], where: [{ field: "aqi", gte: 30 }]) { key metrics { fn field value } } } }`,
      { id: resourceId },
    );
    expect(res.body.errors).toBeUndefined();
    const groups = res.body.data!.resource.aggregate as Array<{ key: { station_code: string }; metrics: Array<{ value: number | string }> }>;
    const kept = rows.filter((r) => r.aqi !== null && (r.aqi as number) >= 30);
    const stations = [...new Set(kept.map((r) => r.station_code as string))].sort();
    expect(groups.map((g) => g.key.station_code)).toEqual(stations);
    for (const group of groups) {
      const mine = kept.filter((r) => r.station_code === group.key.station_code);
      const pm = mine.map((r) => r.pm2_5).filter((v): v is number => v !== null);
      const [count, sum, avg, max, min, countPm] = group.metrics.map((m) => m.value);
      expect(count).toBe(mine.length);
      expect(sum).toBe(mine.reduce((s, r) => s + (r.aqi as number), 0));
      expect(avg as number).toBeCloseTo(pm.reduce((s, v) => s + v, 0) / pm.length, 9);
      expect(max).toBe(Math.max(...mine.map((r) => r.aqi as number)));
      expect(min).toBe(mine.map((r) => r.time as string).sort()[0]);
      expect(countPm).toBe(pm.length);
    }
  });

  it('refuses malformed filters with BAD_USER_INPUT naming the field', async () => {
    const bad = async (where: unknown, path: string) => {
      const res = await t.gql(ROWS_QUERY, { id: resourceId, where });
      expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0].extensions?.fields?.[0].path).toBe(path);
    };
    await bad([{ field: 'aqi', gt: 'high' }], 'where.aqi.gt');
    await bad([{ field: 'time', gte: '2026-13-45' }], 'where.time.gte');
    await bad([{ field: 'no_such_field', eq: 1 }], 'where.no_such_field');
    await bad([{ field: 'aqi', contains: '1' }], 'where.aqi.contains');
    const cursor = await t.gql(ROWS_QUERY, { id: resourceId, after: 'not-a-cursor' });
    expect(cursor.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const sort = await t.gql(ROWS_QUERY, { id: resourceId, orderBy: [{ field: 'nope' }] });
    expect(sort.body.errors?.[0].extensions?.fields?.[0].path).toBe('orderBy.0.field');
  });

  it('refuses an over-cost query before it runs', async () => {
    const res = await t.gql(`{ datasets(first: 100) { edges { node { resources { rows(first: 500) { nodes { ... on AirQualityHourlyRow { aqi time station_code } } } } } } } }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(res.body.errors?.[0].message).toMatch(/^查询代价过高：需 \d+ 点，每个请求最多 500 点.* \(Query too costly: it costs \d+ points, at most 500 per request/);
    expect(res.body.data).toBeUndefined();
  });

  it('exports CSV with the right headers, the filter, and formula cells neutralised', async () => {
    const res = await t.http.get(`/api/v1/resources/${resourceId}/data.csv`).buffer(true).parse(textParser);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="_______v1.csv"; filename*=UTF-8''${encodeURIComponent('衡阳空气质量_v1.csv')}`);
    const records = parse(res.body as string, { columns: true }) as Array<Record<string, string>>;
    expect(records).toHaveLength(rows.length);
    expect(records[0].station_name).toBe(rows[0].station_name);
    expect((res.body as string).charCodeAt(0)).not.toBe(0xfeff);

    const filtered = await t.http.get(`/api/v1/resources/${resourceId}/data.csv`).query({ where: JSON.stringify({ aqi: { gt: 60 }, station_code: { in: [rows[0].station_code] } }), fields: 'station_code,aqi' }).buffer(true).parse(textParser);
    const lines = (filtered.body as string).trim().split('\n');
    expect(lines[0]).toBe('station_code,aqi');
    expect(lines.slice(1)).toEqual(rows.filter((r) => r.station_code === rows[0].station_code && (r.aqi ?? 0) as number > 60).map((r) => `${r.station_code},${r.aqi}`));

    const tricky = await t.http.get(`/api/v1/resources/${trickyResourceId}/data.csv`).query({ bom: '1', fields: 'station_name' }).buffer(true).parse(rawParser);
    const bytes = tricky.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const names = (parse(bytes.subarray(3).toString('utf8'), { columns: true }) as Array<{ station_name: string }>).map((r) => r.station_name);
    expect(names).toEqual(["'=1+2", "'+SUM(A1)", "'-2+3", "'@cmd", 'a\\b"c', '正常站名']);

    const bad = await t.http.get(`/api/v1/resources/${resourceId}/data.csv`).query({ where: JSON.stringify({ aqi: { gt: 'x' } }) });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'BAD_USER_INPUT', details: { fields: [{ path: 'where.aqi.gt' }] } });
  });

  it('counts each row export as a download of its resource, and a refused one not at all', async () => {
    const count = async () => {
      await t.app.get(DownloadCounterService).settled();
      const res = await t.gql(`query($id: ID!) { resource(id: $id) { downloadCount } }`, { id: resourceId }, TEST_ADMIN_TOKEN);
      return res.body.data?.resource.downloadCount as number;
    };
    const before = await count();
    expect((await t.http.get(`/api/v1/resources/${resourceId}/data.csv`)).status).toBe(200);
    expect((await t.http.get(`/api/v1/resources/${resourceId}/data.ndjson`)).status).toBe(200);
    expect((await t.http.get(`/api/v1/resources/${resourceId}/data.csv`).query({ where: '{' })).status).toBe(400);
    expect(await count()).toBe(before + 2);
  });

  it('exports JSON and NDJSON that parse back to the rows', async () => {
    const json = await t.http.get(`/api/v1/resources/${resourceId}/data.json`).buffer(true).parse(textParser);
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const parsed = JSON.parse(json.body as string) as Array<Record<string, unknown>>;
    expect(parsed).toHaveLength(rows.length);
    expect(parsed[0]).toMatchObject({ station_code: rows[0].station_code, time: rows[0].time, aqi: rows[0].aqi, pm2_5: rows[0].pm2_5 });

    const nd = await t.http.get(`/api/v1/resources/${trickyResourceId}/data.ndjson`).buffer(true).parse(textParser);
    expect(nd.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const names = (nd.body as string).trim().split('\n').map((line) => JSON.parse(line).station_name);
    expect(names).toEqual(['=1+2', '+SUM(A1)', '-2+3', '@cmd', 'a\\b"c', '正常站名']);

    const empty = await t.http.get(`/api/v1/resources/${resourceId}/data.json`).query({ where: JSON.stringify({ aqi: { gt: 100000 } }) }).buffer(true).parse(textParser);
    expect(JSON.parse(empty.body as string)).toEqual([]);
  });

  it('writes date-times in one form, ISO 8601 with the offset, in CSV, JSON, NDJSON and GraphQL alike', async () => {
    const first = rows[0].time as string;
    expect(first).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    const query = { fields: 'time' };
    const csvText = (await t.http.get(`/api/v1/resources/${resourceId}/data.csv`).query(query).buffer(true).parse(textParser)).body as string;
    const json = JSON.parse((await t.http.get(`/api/v1/resources/${resourceId}/data.json`).query(query).buffer(true).parse(textParser)).body as string);
    const ndjson = ((await t.http.get(`/api/v1/resources/${resourceId}/data.ndjson`).query(query).buffer(true).parse(textParser)).body as string).trim().split('\n').map((l) => JSON.parse(l));
    const graphql = await rowsPage({ first: rows.length });
    const expected = rows.map((r) => r.time);
    expect(csvText.trim().split('\n').slice(1)).toEqual(expected);
    expect(json.map((r: Row) => r.time)).toEqual(expected);
    expect(ndjson.map((r: Row) => r.time)).toEqual(expected);
    expect(graphql.nodes.map((r: Row) => r.time)).toEqual(expected);
    // What an export wrote reads back as a bound.
    expect((await rowsPage({ where: [{ field: 'time', eq: first }] })).totalCount).toBe(rows.filter((r) => r.time === first).length);
  });

  it('reads a date alone as the start of that day in China Standard Time, in GraphQL and in export filters', async () => {
    const day = (rows[0].time as string).slice(0, 10);
    const fromMidnight = rows.filter((r) => (r.time as string) >= `${day}T00:00:00+08:00`);
    const page = await rowsPage({ where: [{ field: 'time', gte: day }], first: 500 });
    expect(page.totalCount).toBe(fromMidnight.length);
    expect(page.totalCount).toBeGreaterThan(0);
    // Midnight in Beijing is 16:00 UTC the day before: both name the same instant.
    const previous = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect((await rowsPage({ where: [{ field: 'time', gte: `${previous}T16:00:00Z` }], first: 1 })).totalCount).toBe(fromMidnight.length);
    const before = await t.http.get(`/api/v1/resources/${resourceId}/data.ndjson`).query({ where: JSON.stringify({ time: { lt: day } }), fields: 'time' }).buffer(true).parse(textParser);
    expect(before.status).toBe(200);
    expect((before.body as string).trim()).toBe('');
    const onDay = await t.http.get(`/api/v1/resources/${resourceId}/data.csv`).query({ where: JSON.stringify({ time: { gte: day, lt: `${day}T01:00` } }), fields: 'time' }).buffer(true).parse(textParser);
    expect((onDay.body as string).trim().split('\n').slice(1)).toEqual(rows.filter((r) => (r.time as string) < `${day}T01:00:00+08:00`).map((r) => r.time));
  });

  it('selects versions, answers 404 for unknown resources and versions', async () => {
    const v2 = csv.split('\n').slice(0, 5).join('\n') + '\n';
    await upload(v2, 'v2.csv', 'air', { resource: resourceId });
    const latest = await t.http.get(`/api/v1/resources/${resourceId}/data.ndjson`).buffer(true).parse(textParser);
    expect((latest.body as string).trim().split('\n')).toHaveLength(4);
    const first = await t.http.get(`/api/v1/resources/${resourceId}/data.ndjson`).query({ version: '1' }).buffer(true).parse(textParser);
    expect((first.body as string).trim().split('\n')).toHaveLength(rows.length);
    expect((await rowsPage({ first: 1 })).totalCount).toBe(4);
    expect((await rowsPage({ first: 1, version: 1 })).totalCount).toBe(rows.length);

    // A version awaiting review is not served, neither as the latest nor by number.
    const pending = await upload(csv.split('\n').slice(0, 3).join('\n') + '\n', 'v3.csv', 'air', { resource: resourceId }, editor);
    expect(pending.version).toBe(3);
    const stillV2 = await t.http.get(`/api/v1/resources/${resourceId}/data.ndjson`).buffer(true).parse(textParser);
    expect((stillV2.body as string).trim().split('\n')).toHaveLength(4);
    expect((await t.http.get(`/api/v1/resources/${resourceId}/data.csv`).query({ version: '3' })).status).toBe(404);

    for (const path of [`/api/v1/resources/${resourceId}/data.csv?version=9`, '/api/v1/resources/00000000-0000-4000-8000-000000000000/data.csv', '/api/v1/resources/nope/data.json']) {
      const res = await t.http.get(path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.code).toBe('NOT_FOUND');
    }
  });

  it("serves rows of an organization's own schema as JsonRow", async () => {
    const standard = (await t.http.get('/api/v1/schemas/air-quality-hourly')).body as Record<string, unknown>;
    const document = { ...standard, 'x-id': 'station-air', title: '站点空气质量 / Station air quality' };
    const registered = await t.gql(`mutation($doc: JSONObject!) { registerSchema(organization: "env-bureau", document: $doc) { id } }`, { doc: document }, TEST_ADMIN_TOKEN);
    expect(registered.body.errors).toBeUndefined();
    // A dataset of its own: 'air' has an editor's update awaiting review, which any new file would join.
    await createDataset('air-own', 'PUBLISHED');
    const own = await upload(csv.split('\n').slice(0, 21).join('\n') + '\n', 'own.csv', 'air-own', { schema: 'station-air' });
    const res = await t.gql(`query($id: ID!) { resource(id: $id) { rows(where: [{ field: "aqi", gte: 60 }], first: 100) { totalCount nodes { __typename ... on JsonRow { rowNumber values } } } } }`, { id: own.id });
    expect(res.body.errors).toBeUndefined();
    const expected = rows.slice(0, 20).filter((r) => r.aqi !== null && (r.aqi as number) >= 60);
    const page = res.body.data!.resource.rows;
    expect(page.totalCount).toBe(expected.length);
    expect(page.nodes.map((n: { __typename: string; rowNumber: number }) => [n.__typename, n.rowNumber])).toEqual(expected.map((r) => ['JsonRow', r.rowNumber]));
    expect(page.nodes[0].values).toMatchObject({ station_code: expected[0].station_code, time: expected[0].time, aqi: expected[0].aqi });
  });

  it('shows rows of unpublished datasets only to those who may see them', async () => {
    expect((await t.http.get(`/api/v1/resources/${draftResourceId}/data.csv`)).status).toBe(404);
    expect((await t.http.get(`/api/v1/resources/${draftResourceId}/data.csv`).set('authorization', `Bearer ${outsider}`)).status).toBe(404);
    const member = await t.http.get(`/api/v1/resources/${draftResourceId}/data.ndjson`).set('authorization', `Bearer ${editor}`).buffer(true).parse(textParser);
    expect(member.status).toBe(200);
    expect((member.body as string).trim().split('\n')).toHaveLength(rows.length);
    const anonymous = await t.gql(`query($id: ID!) { resource(id: $id) { rows { totalCount } } }`, { id: draftResourceId });
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const asMember = await t.gql(`query($id: ID!) { resource(id: $id) { rows { totalCount } } }`, { id: draftResourceId }, editor);
    expect(asMember.body.data?.resource.rows.totalCount).toBe(rows.length);
  });
});

/** supertest hands a body parser the raw response stream. */
function textParser(res: any, done: (error: Error | null, body: string) => void): void {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  res.on('end', () => done(null, text));
}

function rawParser(res: any, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
