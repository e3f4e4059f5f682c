import { QueryNode, SolrQueryError, parseSolrQuery, valuesOf } from './solr-query';

const term = (value: string, field: string | null = null, extra: Partial<Extract<QueryNode, { kind: 'term' }>> = {}): QueryNode => ({
  kind: 'term',
  field,
  value,
  quoted: false,
  prefix: false,
  ...extra,
});
const not = (item: QueryNode): QueryNode => ({ kind: 'not', item });
const refusal = (query: string): string => {
  try {
    parseSolrQuery(query);
  } catch (error) {
    if (error instanceof SolrQueryError) return error.message;
    throw error;
  }
  throw new Error(`"${query}" was accepted`);
};

describe('parseSolrQuery: supported forms', () => {
  it('reads words, and words side by side as AND', () => {
    expect(parseSolrQuery('空气')).toEqual(term('空气'));
    expect(parseSolrQuery('空气 质量')).toEqual({ kind: 'and', items: [term('空气'), term('质量')] });
    // The ideographic space separates too, as in Lucene.
    expect(parseSolrQuery('空气\u3000质量')).toEqual({ kind: 'and', items: [term('空气'), term('质量')] });
  });

  it('reads field:value, keeping hyphens inside values', () => {
    expect(parseSolrQuery('organization:env-bureau')).toEqual(term('env-bureau', 'organization'));
    expect(parseSolrQuery('title: 空气')).toEqual(term('空气', 'title'));
  });

  it('reads quoted phrases, with or without a field, and escapes', () => {
    expect(parseSolrQuery('"空气 质量"')).toEqual(term('空气 质量', null, { quoted: true }));
    expect(parseSolrQuery('tags:"社会 保障"')).toEqual(term('社会 保障', 'tags', { quoted: true }));
    expect(parseSolrQuery('"a \\"b\\""')).toEqual(term('a "b"', null, { quoted: true }));
    expect(parseSolrQuery('a\\:b')).toEqual(term('a:b'));
    expect(parseSolrQuery('R&D')).toEqual(term('R&D'));
  });

  it('reads OR as || or OR, AND as && or AND', () => {
    const or = { kind: 'or', items: [term('空气', 'title'), term('水质', 'title')] };
    expect(parseSolrQuery('title:空气 || title:水质')).toEqual(or);
    expect(parseSolrQuery('title:空气 OR title:水质')).toEqual(or);
    expect(parseSolrQuery('空气 OR 公租房 OR 水质')).toEqual({ kind: 'or', items: [term('空气'), term('公租房'), term('水质')] });
    const and = { kind: 'and', items: [term('空气'), term('env', 'organization')] };
    expect(parseSolrQuery('空气 AND organization:env')).toEqual(and);
    expect(parseSolrQuery('空气 && organization:env')).toEqual(and);
    // Lower-case and/or are words, as in Solr's standard parser.
    expect(parseSolrQuery('空气 or 水质')).toEqual({ kind: 'and', items: [term('空气'), term('or'), term('水质')] });
  });

  it('reads negation as -term, NOT term and !term; + as a plain (required) clause', () => {
    const expected = { kind: 'and', items: [term('空气'), not(term('水质'))] };
    expect(parseSolrQuery('空气 -水质')).toEqual(expected);
    expect(parseSolrQuery('空气 NOT 水质')).toEqual(expected);
    expect(parseSolrQuery('空气 AND NOT 水质')).toEqual(expected);
    expect(parseSolrQuery('空气 !水质')).toEqual(expected);
    expect(parseSolrQuery('+res_format:CSV +空气')).toEqual({ kind: 'and', items: [term('CSV', 'res_format'), term('空气')] });
  });

  it('reads a query of negations only as "everything except", at the top level', () => {
    expect(parseSolrQuery('-空气')).toEqual(not(term('空气')));
    expect(parseSolrQuery('NOT organization:env')).toEqual(not(term('env', 'organization')));
    expect(parseSolrQuery('-空气 -水质')).toEqual({ kind: 'and', items: [not(term('空气')), not(term('水质'))] });
  });

  it('reads parentheses two levels deep, and field groups', () => {
    expect(parseSolrQuery('(title:空气 OR title:水质) organization:env')).toEqual({
      kind: 'and',
      items: [{ kind: 'or', items: [term('空气', 'title'), term('水质', 'title')] }, term('env', 'organization')],
    });
    expect(parseSolrQuery('(空气 OR (水质 -饮用水)) -tags:草稿')).toEqual({
      kind: 'and',
      items: [{ kind: 'or', items: [term('空气'), { kind: 'and', items: [term('水质'), not(term('饮用水'))] }] }, not(term('草稿', 'tags'))],
    });
    expect(parseSolrQuery('res_format:(CSV OR JSON)')).toEqual({ kind: 'or', items: [term('CSV', 'res_format'), term('JSON', 'res_format')] });
    expect(parseSolrQuery('-(空气 OR 水质)')).toEqual(not({ kind: 'or', items: [term('空气'), term('水质')] }));
  });

  it('reads *:* and * as everything, and word* as a prefix', () => {
    expect(parseSolrQuery('*:*')).toEqual({ kind: 'everything' });
    expect(parseSolrQuery('*')).toEqual({ kind: 'everything' });
    expect(parseSolrQuery('name:bolsa*')).toEqual(term('bolsa', 'name', { prefix: true }));
    expect(parseSolrQuery('name:a\\*')).toEqual(term('a*', 'name'));
  });

  it('lists the values given to one field', () => {
    expect(valuesOf(parseSolrQuery('owner_org:a OR (x -owner_org:b)'), 'owner_org')).toEqual(['a', 'b']);
  });
});

describe('parseSolrQuery: refused forms, with a reason', () => {
  it.each([
    ['metadata_modified:[2024-01-01 TO *]', 'ranges'],
    ['{!lucene}空气', 'local parameters'],
    ['title:{a TO b}', 'ranges'],
    ['空气^2', 'boosts'],
    ['"空气 质量"^2', 'boosts'],
    ['空气~', 'fuzzy'],
    ['"空气 质量"~2', 'proximity'],
    ['空?', 'the ? wildcard'],
    ['name:a*b', 'may only end a word'],
    ['*气', 'may only end a word'],
    ['name:**', 'may only end a word'],
    ['/空.*/', 'regular expressions'],
    ['2017/2018', 'regular expressions'],
    ['title:*', 'title:* is not supported'],
    ['空气 OR 水质 公租房', 'cannot be mixed'],
    ['空气 && 水质 || 公租房', 'cannot be mixed'],
    ['空气 OR -水质', 'cannot mark a branch of OR'],
    ['空气 || NOT 水质', 'cannot mark a branch of OR'],
    ['空气 OR +水质', 'cannot mark a branch of OR'],
    ['空气 (-水质)', 'only negations'],
    ['((空气 OR (水质 OR 公租房)))', 'at most 2 levels'],
    ['(空气', 'unbalanced parentheses'],
    ['空气)', 'unbalanced parentheses'],
    ['"空气', 'unbalanced quotes'],
    ['()', 'empty group'],
    ['""', 'empty phrase'],
    ['空气 OR', 'missing its operand'],
    ['OR 空气', 'unexpected "OR"'],
    ['NOT', 'missing its operand'],
    ['空气 -', 'missing its operand'],
    ['--空气', 'cannot follow one another'],
    ['空气&&水质', 'write && with spaces'],
    ['1x:y', 'not a field name'],
    ['title:(name:x)', 'no field inside'],
    ['title:', 'ends too early'],
    ['a!b', '! may only start a clause'],
    ['a\\', 'escapes nothing'],
  ])('%s (%s)', (query, reason) => {
    expect(refusal(query)).toContain(reason);
  });

  it('gives every reason in Chinese first, then in English', () => {
    expect(refusal('a^2')).toMatch(/^\p{Script=Han}.*\(.+\)$/u);
  });
});
