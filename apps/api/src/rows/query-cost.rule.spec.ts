import { buildSchema, parse, validate } from 'graphql';
import { queryCostRule } from './query-cost.rule';

const schema = buildSchema(`
  type Query { node: Node, list(first: Int): [Node!]! }
  type Node { name: String, children(first: Int): [Node!]!, child: Node }
`);
const check = (query: string, limits = { maxDepth: 4, maxCost: 100 }) => validate(schema, parse(query), [queryCostRule(limits)]).map((e) => e.message);

describe('queryCostRule', () => {
  it('lets a query within the limits through', () => {
    expect(check('{ list(first: 5) { name children(first: 5) { name } } }')).toEqual([]);
  });

  it('refuses a query deeper than the limit, through fragments too', () => {
    expect(check('{ node { child { child { child { name } } } } }')[0]).toMatch(/Query too deep: depth 5, at most 4/);
    expect(check('{ node { ...A } } fragment A on Node { child { child { child { name } } } }')[0]).toMatch(/depth 5/);
  });

  it('multiplies by page sizes and counts a variable page size as its maximum', () => {
    // list: 10 x (1 + children); children: 5 x (1 + name + child (1 + name)) = 20; so 210 fields.
    expect(check('{ list(first: 10) { children(first: 5) { name child { name } } } }')[0]).toMatch(/may resolve 210 fields, at most 100/);
    expect(check('query($n: Int) { list(first: $n) { name } }')[0]).toMatch(/may resolve 1000 fields/);
  });

  it('does not count introspection', () => {
    expect(check('{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }')).toEqual([]);
  });
});
