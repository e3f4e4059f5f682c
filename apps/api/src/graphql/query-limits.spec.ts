import { projectRoot } from '@opendata/common';
import { buildSchema, getIntrospectionQuery, GraphQLError, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkQueryLimits, DEFAULT_QUERY_LIMITS, QUERY_TOO_COSTLY } from './query-limits';

const schema = buildSchema(readFileSync(join(projectRoot(), 'apps/api/schema.gql'), 'utf8'));

function refusal(query: string, limits = DEFAULT_QUERY_LIMITS): GraphQLError | null {
  try {
    checkQueryLimits(schema, parse(query), undefined, limits);
    return null;
  } catch (error) {
    return error as GraphQLError;
  }
}

const repeat = (count: number, text: (i: number) => string) => Array.from({ length: count }, (_, i) => text(i)).join(' ');

describe('checkQueryLimits', () => {
  it('lets the GraphiQL introspection query through', () => {
    expect(refusal(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }))).toBeNull();
  });

  it('refuses a query over the cost budget, giving its cost and the budget, with HTTP 400', () => {
    const error = refusal(`{ ${repeat(100, (i) => `a${i}: datasets(first: 1) { totalCount }`)} }`)!;
    expect(error.message).toBe(
      '查询代价过高：需 600 点，每个请求最多 500 点；请减小分页（first）、减少别名或嵌套列表 (Query too costly: it costs 600 points, at most 500 per request; ask for smaller pages (first), fewer aliases or fewer nested lists)',
    );
    expect(error.extensions).toEqual({ code: QUERY_TOO_COSTLY, messageKey: 'query.tooCostly', cost: 600, maxCost: 500, http: { status: 400 } });
    expect(refusal(`{ ${repeat(50, (i) => `a${i}: datasets(first: 1) { totalCount }`)} }`)).toBeNull();
  });

  it('refuses a query nested deeper than 12 fields', () => {
    const nested = (levels: number) => `{ organization(slug: "a") { ${'parent { '.repeat(levels)}slug${' }'.repeat(levels)} } }`;
    expect(refusal(nested(10))).toBeNull();
    expect(refusal(nested(11))!.message).toBe('查询嵌套过深：深度 13，最多 12 (Query too deep: depth 13, at most 12)');
  });

  it('refuses a fan-out of fragments for its cost, without printing 2^60', () => {
    let query = '{ ...F0 }';
    for (let i = 0; i < 60; i++) query += ` fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`;
    query += ' fragment F60 on Query { __typename }';
    const error = refusal(query)!;
    expect(error.message).toMatch(/^查询代价过高：需 超过 10\^12 点，每个请求最多 500 点.* \(Query too costly: it costs more than 10\^12 points, at most 500 per request/);
    expect(error.extensions).toMatchObject({ cost: 1e12, maxCost: 500 });
  });

  it('refuses a document whose fragments expand past 1,000 fields, however cheap', () => {
    // (Wide as well: the width limit is lifted to show this one.)
    const limits = { ...DEFAULT_QUERY_LIMITS, maxWidth: 1e9 };
    expect(refusal(`{ ${repeat(333, (i) => `a${i}: licences { id title }`)} }`, limits)).toBeNull();
    expect(refusal(`{ ${repeat(334, (i) => `a${i}: licences { id title }`)} }`, limits)!.message).toBe(
      '查询字段过多：展开片段后有 1002 个字段，最多 1000 (Query too large: 1002 fields once fragments are expanded, at most 1000)',
    );
  });

  it('refuses many fields side by side, which validation would compare pairwise', () => {
    const sideBySide = (count: number) => `{ dataset(slug: "a") { ${repeat(count, (i) => (i % 2 ? 'x: license { id }' : 'x: license { url }'))} } }`;
    expect(refusal(sideBySide(60))).toBeNull();
    expect(refusal(sideBySide(80))!.message).toMatch(/^查询过宽：并列的字段过多（宽度 6481，最多 5000：展开片段后一个选择集中约 70 个字段） \(Query too wide: too many fields side by side \(width 6481, at most 5000: about 70 fields in one selection, fragments expanded\)\)$/);
  });

  it('lets many fields of different names side by side through: validation compares only those answering to one name', () => {
    // 200 aliases of different names beside each other, as a table preview asking for every standard's columns.
    expect(refusal(`{ dataset(slug: "a") { ${repeat(200, (i) => `t${i}: title`)} } }`)).toBeNull();
    // The same 200 spread from two fragments into one selection: still 200 names, each once.
    const half = (from: number) => repeat(100, (i) => `t${from + i}: title`);
    expect(refusal(`{ dataset(slug: "a") { ...A ...B } } fragment A on Dataset { ${half(0)} } fragment B on Dataset { ${half(100)} }`)).toBeNull();
    // But fields of one name add up however they arrive: 40 in a fragment, spread twice, are 80 side by side.
    expect(refusal(`{ dataset(slug: "a") { ...A ... on Dataset { ...A } } } fragment A on Dataset { ${repeat(40, () => 'x: title')} }`)!.message).toMatch(
      /^查询过宽：并列的字段过多（宽度 6401，最多 5000.* \(Query too wide: too many fields side by side \(width 6401/,
    );
  });

  it('refuses a chain of fragments nested past what the meter follows, instead of overflowing the stack', () => {
    let query = '{ ...F0 }';
    for (let i = 0; i < 3000; i++) query += ` fragment F${i} on Query { ...F${i + 1} }`;
    query += ' fragment F3000 on Query { licences { id } }';
    expect(refusal(query)!.message).toMatch(/^查询嵌套过深：深度 256，最多 12 \(Query too deep: depth 256, at most 12\)$/);
  });

  it('refuses a fragment past a limit even when no operation spreads it: validation reads it all the same', () => {
    const error = refusal(`{ licences { id } } fragment Unused on Dataset { ${repeat(80, (i) => (i % 2 ? 'x: license { id }' : 'x: license { url }'))} }`);
    expect(error!.extensions.code).toBe(QUERY_TOO_COSTLY);
  });
});
