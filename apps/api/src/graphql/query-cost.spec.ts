import { buildSchema, parse } from 'graphql';
import { FieldCost } from './field-costs';
import { measureDocument, Measurement } from './query-cost';

const schema = buildSchema(`
  type Query { node: Node, search(first: Int): Connection!, list(first: Int): [Node!]!, all: [Node!]!, name: String }
  type Connection { total: Int!, edges: [Edge!]!, nodes: [Node!]! }
  type Edge { node: Node! }
  type Node { name: String, child: Node, parent: Node, expensive: Int, kids(first: Int): [Node!]! }
`);
const costs: Record<string, FieldCost> = {
  'Query.node': { points: 1 },
  'Query.search': { points: 5, page: { arg: 'first', default: 20, max: 100 } },
  'Connection.total': { points: 1 },
  'Connection.edges': { points: 0, pageItems: true },
  'Connection.nodes': { points: 0, pageItems: true },
  'Query.list': { points: 1, items: { arg: 'first', default: 10, max: 50 } },
  'Query.all': { points: 1, items: 30 },
  'Node.parent': { points: 1, batched: true },
  'Node.expensive': { points: 2 },
  'Node.kids': { points: 1, items: { arg: 'first', default: 5, max: 10 } },
};

function measure(query: string, variables?: Record<string, unknown>, valuePoints = 0): Measurement & { visits: number } {
  const measured = measureDocument(schema, parse(query), variables, { costs, valuePoints });
  const [operation] = measured.operations.values();
  return { ...operation, visits: measured.visits };
}

describe('measureDocument', () => {
  it('adds up the points of every field written, aliases and repeated fields included', () => {
    expect(measure('{ node { name } }').cost).toBe(1);
    expect(measure('{ a: node { name } b: node { name } node { name } node { name } }').cost).toBe(4);
    expect(measure('{ name }').cost).toBe(0);
  });

  it("multiplies a list's selection by the page it asks for, or its default, never above its maximum", () => {
    expect(measure('{ list(first: 3) { expensive } }').cost).toBe(1 + 3 * 2);
    expect(measure('{ list { expensive } }').cost).toBe(1 + 10 * 2);
    expect(measure('{ list(first: 5000) { expensive } }').cost).toBe(1 + 50 * 2);
    expect(measure('{ all { expensive } }').cost).toBe(1 + 30 * 2);
    // kids: 1 point per resolution; list(first: 4) x kids(first: 3) x expensive.
    expect(measure('{ list(first: 4) { kids(first: 3) { expensive } } }').cost).toBe(1 + 4 * (1 + 3 * 2));
  });

  it("sizes a connection's edges and nodes by the page asked on the connection, and counts its totals once", () => {
    expect(measure('{ search(first: 10) { total edges { node { expensive } } } }').cost).toBe(5 + 1 + 10 * 2);
    expect(measure('{ search { nodes { expensive } } }').cost).toBe(5 + 20 * 2);
    // Through a fragment spread inside the connection too.
    expect(measure('{ search(first: 7) { ...C } } fragment C on Connection { nodes { expensive } }').cost).toBe(5 + 7 * 2);
  });

  it('reads page sizes from the request variables, then from the variable defaults, else the default of the field', () => {
    expect(measure('query($n: Int) { list(first: $n) { expensive } }', { n: 2 }).cost).toBe(1 + 2 * 2);
    expect(measure('query($n: Int = 4) { list(first: $n) { expensive } }').cost).toBe(1 + 4 * 2);
    expect(measure('query($n: Int) { list(first: $n) { expensive } }').cost).toBe(1 + 10 * 2);
    expect(measure('query($n: Int) { list(first: $n) { expensive } }', { n: 'many' }).cost).toBe(1 + 50 * 2);
    expect(measure('query($n: Int) { list(first: $n) { expensive } }', { n: -1 }).cost).toBe(1 + 50 * 2);
  });

  it('charges a batched relation once wherever it is written, not per item: one statement serves the page', () => {
    expect(measure('{ list(first: 40) { parent { name } } }').cost).toBe(1 + 1);
    expect(measure('{ list(first: 40) { parent { name } p: parent { name } kids { parent { name } } } }').cost).toBe(1 + 40 * 1 + 3);
  });

  it('charges every value of the answer, times the lists that hold it', () => {
    expect(measure('{ list(first: 40) { name } }', undefined, 0.001).cost).toBeCloseTo(1 + 0.001 + 40 * 0.001);
    expect(measure('{ search(first: 10) { edges { node { name } } } }', undefined, 0.001).cost).toBeCloseTo(5 + 0.001 + 10 * 3 * 0.001);
  });

  it('measures each fragment once, however often it is spread', () => {
    const levels = 40;
    let query = 'query { node { ...F0 } }';
    for (let i = 0; i < levels; i++) query += ` fragment F${i} on Node { child { ...F${i + 1} } a: child { ...F${i + 1} } }`;
    query += ` fragment F${levels} on Node { expensive }`;
    const m = measure(query);
    expect(m.cost).toBe(1 + 2 ** levels * 2);
    expect(m.fields).toBe(1 + (2 ** (levels + 1) - 2) + 2 ** levels);
    expect(m.depth).toBe(levels + 2);
    // Each selection of the document visited once: 1 (node) + 1 (spread) + 2 x 2 per level + 1.
    expect(m.visits).toBe(2 + 4 * levels + 1);
  });

  it('counts depth without introspection, and fields with it', () => {
    const m = measure('{ node { child { child { name __typename } } } __schema { types { fields { type { name } } } } }');
    expect(m.depth).toBe(4);
    expect(m.fields).toBe(5 + 5);
  });

  it('stops at fragment cycles and unknown fragments and fields, which validation refuses afterwards', () => {
    expect(measure('{ node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { parent { ...A } }').fields).toBe(3);
    expect(measure('{ node { ...Missing } }').cost).toBe(1);
    expect(measure('{ nothing { at { all { expensive } } } }')).toMatchObject({ cost: 0, depth: 4, fields: 4 });
  });

  it('never turns an empty page of an immeasurable selection into NaN', () => {
    let query = 'query { list(first: 0) { ...F0 } }';
    for (let i = 0; i < 1100; i++) query += ` fragment F${i} on Node { kids(first: 10) { ...F${i + 1} } k: kids(first: 10) { ...F${i + 1} } }`;
    query += ' fragment F1100 on Node { expensive }';
    const measured = measureDocument(schema, parse(query), undefined, { costs, valuePoints: 0 });
    expect([...measured.operations.values()][0].cost).toBe(1);
    // The meter stops 256 selections down: what it saw already costs more than any budget.
    expect(measured.largestFragment.cost).toBeGreaterThan(1e12);
    expect(measured.largestFragment.depth).toBeGreaterThan(12);
  });
});
