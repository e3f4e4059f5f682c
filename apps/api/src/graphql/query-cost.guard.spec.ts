import { projectRoot } from '@opendata/common';
import { Request } from 'express';
import { buildSchema, GraphQLError, OperationDefinitionNode, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RateLimitService } from '../http/rate-limit.service';
import { QueryCostGuard } from './query-cost.guard';
import { chargedPoints, checkQueryLimits, DEFAULT_QUERY_LIMITS } from './query-limits';

const schema = buildSchema(readFileSync(join(projectRoot(), 'apps/api/schema.gql'), 'utf8'));
const QUERY = 'query Cheap($n: Int) { datasets(first: $n) { totalCount edges { node { slug resources { name } } } } }';
const COSTLY = `query Costly { ${Array.from({ length: 100 }, (_, i) => `a${i}: datasets(first: 1) { totalCount }`).join(' ')} }`;

type Hooks = { didResolveOperation: (ctx: unknown) => Promise<void> };

/** A guard whose quota records the points it is asked to take. */
async function startedGuard(): Promise<{ guard: QueryCostGuard; charged: number[] }> {
  const charged: number[] = [];
  const quotas = { charge: async (_req: Request, points: number) => (charged.push(points), null) } as unknown as RateLimitService;
  const guard = new QueryCostGuard(DEFAULT_QUERY_LIMITS, quotas);
  await (guard.plugin.serverWillStart as (ctx: unknown) => Promise<void>)({ schema });
  return { guard, charged };
}

/** Apollo's step before execution, for a request whose text and variables are `request`'s and whose document is `document`. */
async function beforeExecution(guard: QueryCostGuard, req: Request, request: { query?: string; variables?: Record<string, unknown> }, document: string): Promise<GraphQLError | null> {
  const hooks = (await (guard.plugin.requestDidStart as (ctx: unknown) => Promise<Hooks>)({})) as Hooks;
  const parsed = parse(document);
  try {
    await hooks.didResolveOperation({ schema, document: parsed, operation: parsed.definitions[0], request, contextValue: { req }, response: { http: { headers: new Map() } } });
    return null;
  } catch (error) {
    return error as GraphQLError;
  }
}

/** Points the plugin takes for `query` (the HTTP middleware took 1 already). */
function pointsOf(query: string, variables?: Record<string, unknown>): number {
  const parsed = parse(query);
  const measured = checkQueryLimits(schema, parsed, variables, DEFAULT_QUERY_LIMITS);
  return chargedPoints(measured.operations.get(parsed.definitions[0] as OperationDefinitionNode)!.cost) - 1;
}

describe('QueryCostGuard', () => {
  it('measures a request once: the step before execution takes what the check at the edge measured for the same text and variables', async () => {
    const { guard, charged } = await startedGuard();
    const variables = { n: 50 };
    const req = { method: 'POST', body: { query: QUERY, variables } } as unknown as Request;
    guard.checkRequest(req);
    // Given another document under the same text, the guard charges the edge's figure for the text: it did not measure again.
    expect(await beforeExecution(guard, req, { query: QUERY, variables }, COSTLY)).toBeNull();
    expect(charged).toEqual([pointsOf(QUERY, variables)]);
    // The figure depends on the variables: a guard that charged nothing, or the cost without them, would fail here.
    expect(pointsOf(QUERY, variables)).toBeGreaterThan(pointsOf(QUERY, { n: 1 }));
  });

  it('charges the cost of the operation it runs, from the measurement at the edge, with the document Apollo parsed itself', async () => {
    const { guard, charged } = await startedGuard();
    const variables = { n: 50 };
    const req = { method: 'POST', body: { query: QUERY, variables } } as unknown as Request;
    guard.checkRequest(req);
    expect(await beforeExecution(guard, req, { query: QUERY, variables }, QUERY)).toBeNull();
    expect(charged).toEqual([pointsOf(QUERY, variables)]);
  });

  it('measures again when the text or the variables Apollo runs are not those the edge measured', async () => {
    const { guard } = await startedGuard();
    const req = { method: 'POST', body: { query: QUERY, variables: { n: 5 } } } as unknown as Request;
    guard.checkRequest(req);
    expect((await beforeExecution(guard, req, { query: QUERY, variables: { n: 5 } }, COSTLY))?.extensions.code).toBe('QUERY_TOO_COSTLY');
    expect((await beforeExecution(guard, req, { variables: req.body.variables }, COSTLY))?.extensions.code).toBe('QUERY_TOO_COSTLY');
    // A request the edge never saw (a persisted query sent as a hash) is measured before it runs.
    const other = { method: 'POST', body: {} } as unknown as Request;
    expect((await beforeExecution(guard, other, { variables: {} }, COSTLY))?.extensions.code).toBe('QUERY_TOO_COSTLY');
  });

  it('refuses at the edge what costs too much, from a parsed document it keeps for the next request with the same text', async () => {
    const { guard } = await startedGuard();
    const costly = { method: 'POST', body: { query: COSTLY } } as unknown as Request;
    expect(() => guard.checkRequest(costly)).toThrow(/Query too costly/);
    expect(() => guard.checkRequest(costly)).toThrow(/Query too costly/);
    // A syntax error is left to Apollo, which answers it.
    expect(() => guard.checkRequest({ method: 'POST', body: { query: '{ datasets(' } } as unknown as Request)).not.toThrow();
  });
});
