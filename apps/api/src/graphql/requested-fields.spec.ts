import { buildSchema, execute, GraphQLResolveInfo, parse } from 'graphql';
import { requestedFields } from './requested-fields';

const schema = buildSchema(`
  type Query { list: Connection }
  type Connection { total: Int, facets: Facets, edges: [Edge] }
  type Facets { tags: Int, themes: Int }
  type Edge { node: Item }
  type Item { name: String, child: Item }
`);

/** Runs the query and returns what `requestedFields` says at the root field `list`. */
function requestedAt(query: string, path: string[] = []): string[] {
  let names: Set<string> = new Set();
  const rootValue = {
    list: (_: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
      names = requestedFields(info, path);
      return {};
    },
  };
  execute({ schema, document: parse(query), rootValue });
  return [...names].sort();
}

describe('requestedFields', () => {
  it('names the fields under the current field, through inline fragments and fragment spreads', () => {
    expect(requestedAt('{ list { total ... on Connection { edges { node { name } } } ...F } } fragment F on Connection { facets { tags } }')).toEqual(['edges', 'facets', 'total']);
  });

  it('names the fields under a sub-field path', () => {
    expect(requestedAt('{ list { facets { tags } ...F } } fragment F on Connection { facets { themes } }', ['facets'])).toEqual(['tags', 'themes']);
    expect(requestedAt('{ list { edges { node { name } } } }', ['edges', 'node'])).toEqual(['name']);
  });

  it('reads a fragment spread many times once: a fan-out of 60 levels answers at once', () => {
    let query = '{ list { ...F0 } }';
    for (let i = 0; i < 60; i++) query += ` fragment F${i} on Connection { ...F${i + 1} ...F${i + 1} }`;
    query += ' fragment F60 on Connection { total facets { tags } }';
    expect(requestedAt(query)).toEqual(['facets', 'total']);
    expect(requestedAt(query, ['facets'])).toEqual(['tags']);
  });
});
