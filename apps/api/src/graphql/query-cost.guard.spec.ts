import { projectRoot } from '@opendata/common';
import { Request } from 'express';
import { buildSchema, GraphQLError, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RateLimitService } from '../http/rate-limit.service';
import { QueryCostGuard } from './query-cost.guard';
import { DEFAULT_QUERY_LIMITS } from './query-limits';

const schema = buildSchema(readFileSync(join(projectRoot(), 'apps/api/schema.gql'), 'utf8'));
const QUERY = 'query($n: Int) { datasets(first: $n) { totalCount } }';
const COSTLY = `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: datasets(first: 1) { totalCount }`).join(' ')} }`;

type Hooks = { didResolveOperation: (ctx: unknown) => Promise<void> };

async function startedGuard(): Promise<QueryCostGuard> {
  const quotas = { charge: async () => null } as unknown as RateLimitService;
  const guard = new QueryCostGuard(DEFAULT_QUERY_LIMITS, quotas);
  await (guard.plugin.serverWillStart as (ctx: unknown) => Promise<void>)({ schema });
  return guard;
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

describe('QueryCostGuard', () => {
  it('measures a request once: the step before execution takes what the check at the edge measured for the same text and variables', async () => {
    const guard = await startedGuard();
    const variables = { n: 5 };
    const req = { method: 'POST', body: { query: QUERY, variables } } as unknown as Request;
    guard.checkRequest(req);
    // Had the document been measured again, its cost (600 points) would be refused: the edge's figure served.
    expect(await beforeExecution(guard, req, { query: QUERY, variables }, COSTLY)).toBeNull();
  });

  it('measures again when the text or the variables Apollo runs are not those the edge measured', async () => {
    const guard = await startedGuard();
    const req = { method: 'POST', body: { query: QUERY, variables: { n: 5 } } } as unknown as Request;
    guard.checkRequest(req);
    expect((await beforeExecution(guard, req, { query: QUERY, variables: { n: 5 } }, COSTLY))?.extensions.code).toBe('QUERY_TOO_COSTLY');
    expect((await beforeExecution(guard, req, { variables: req.body.variables }, COSTLY))?.extensions.code).toBe('QUERY_TOO_COSTLY');
    // A request the edge never saw (a persisted query sent as a hash) is measured before it runs.
    const other = { method: 'POST', body: {} } as unknown as Request;
    expect((await beforeExecution(guard, other, { variables: {} }, COSTLY))?.extensions.code).toBe('QUERY_TOO_COSTLY');
  });

  it('refuses at the edge what costs too much, from a parsed document it keeps for the next request with the same text', async () => {
    const guard = await startedGuard();
    const costly = { method: 'POST', body: { query: COSTLY } } as unknown as Request;
    expect(() => guard.checkRequest(costly)).toThrow(/Query too costly/);
    expect(() => guard.checkRequest(costly)).toThrow(/Query too costly/);
    // A syntax error is left to Apollo, which answers it.
    expect(() => guard.checkRequest({ method: 'POST', body: { query: '{ datasets(' } } as unknown as Request)).not.toThrow();
  });
});
