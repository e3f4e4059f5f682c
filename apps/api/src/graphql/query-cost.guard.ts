import { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { Request } from 'express';
import { DocumentNode, GraphQLError, GraphQLSchema, Kind, OperationDefinitionNode, parse } from 'graphql';
import { bilingual, messageText } from '@opendata/common';
import { quotaHeaders, RateLimitService } from '../http/rate-limit.service';
import { QuotaDecision } from '../http/rate-limiter';
import { GqlContext } from './graphql-context';
import { RequestVariables } from './query-cost';
import { DocumentMeasurement } from './query-cost';
import { chargedPoints, checkQueryLimits, MAX_QUERY_TOKENS, QueryLimits } from './query-limits';

/** Parsed documents kept by their text: clients send the same few queries again and again. */
const PARSED_DOCUMENTS = 500;
/** Longer texts are parsed each time rather than kept (the body limit bounds them, not this cache). */
const MAX_KEPT_QUERY_CHARS = 20_000;

interface Checked {
  query: string;
  variables: RequestVariables;
  document: DocumentNode;
  measured: DocumentMeasurement;
}

/**
 * Prices GraphQL requests before anything expensive runs, in two places:
 * - `checkRequest`, called while Apollo builds the request's context, which it does before it parses and
 *   validates: the query is parsed (at most MAX_QUERY_TOKENS) and measured in time linear in its size, and a
 *   document past a limit is refused with QUERY_TOO_COSTLY (HTTP 400). Apollo's hooks that run between parsing
 *   and validation cannot refuse a request (an error thrown there becomes a 500), so the guard runs first.
 * - the plugin's didResolveOperation, after validation and before execution: the document Apollo will run
 *   (also one it kept from an earlier request, or an automatic persisted query sent as a hash) is measured and
 *   checked again, unless it is the text and variables checkRequest measured for this request; then its cost is taken from the caller's quota, of which the HTTP middleware took 1 point
 *   already; a quota that cannot pay gets 429 with Retry-After, and nothing runs.
 */
export class QueryCostGuard {
  private schema: GraphQLSchema | null = null;
  private readonly parsed = new Map<string, DocumentNode>();
  /** What checkRequest measured, so that the plugin does not measure the same document and variables twice. */
  private readonly checked = new WeakMap<Request, Checked>();

  constructor(
    private readonly limits: QueryLimits,
    private readonly quotas: RateLimitService,
  ) {}

  /** Throws QUERY_TOO_COSTLY when the request's query passes a limit; leaves malformed requests to Apollo. */
  checkRequest(req: Request): void {
    const source = querySource(req);
    if (!source || !this.schema) return;
    const document = this.parse(source.query);
    if (!document) return; // Apollo answers with the syntax error
    const measured = checkQueryLimits(this.schema, document, source.variables, this.limits);
    this.checked.set(req, { ...source, document, measured });
  }

  private parse(query: string): DocumentNode | null {
    const kept = this.parsed.get(query);
    if (kept) return kept;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: MAX_QUERY_TOKENS });
    } catch {
      return null;
    }
    if (query.length <= MAX_KEPT_QUERY_CHARS) {
      if (this.parsed.size >= PARSED_DOCUMENTS) this.parsed.delete(this.parsed.keys().next().value as string);
      this.parsed.set(query, document);
    }
    return document;
  }

  /**
   * The cost of the operation Apollo runs: what checkRequest measured when it is the same text and variables (the
   * operation found at the same place in the document it parsed), else measured now.
   */
  private operationCost(req: Request, run: { schema: GraphQLSchema; document: DocumentNode; operation?: OperationDefinitionNode; query?: string; variables: RequestVariables }): number {
    const { schema, document, operation } = run;
    const checked = this.checked.get(req);
    if (operation && checked && checked.query === run.query && checked.variables === run.variables && schema === this.schema) {
      const same = checked.document.definitions[document.definitions.indexOf(operation)];
      const kept = same?.kind === Kind.OPERATION_DEFINITION ? checked.measured.operations.get(same) : undefined;
      if (kept) return kept.cost;
    }
    const measured = checkQueryLimits(schema, document, run.variables, this.limits);
    return (operation && measured.operations.get(operation)?.cost) || 0;
  }

  readonly plugin: ApolloServerPlugin<GqlContext> = {
    serverWillStart: async ({ schema }) => {
      this.schema = schema;
    },
    requestDidStart: async () => ({
      didResolveOperation: async (ctx) => {
        const { schema, document, operation, request } = ctx;
        const cost = this.operationCost(ctx.contextValue.req, { schema, document, operation: operation ?? undefined, query: request.query, variables: request.variables });
        const decision = await this.quotas.charge(ctx.contextValue.req, chargedPoints(cost) - 1);
        if (!decision) return;
        for (const [name, value] of quotaHeaders(decision)) ctx.response.http.headers.set(name.toLowerCase(), value);
        if (!decision.allowed) throw rateLimited(decision, cost);
      },
    }),
  };
}

/** The query and variables of a GraphQL request as Apollo reads them (POST body, or GET parameters). */
function querySource(req: Request): { query: string; variables: RequestVariables } | null {
  const fields: unknown = req.method === 'GET' ? req.query : req.body;
  if (!fields || typeof fields !== 'object') return null;
  const { query, variables } = fields as { query?: unknown; variables?: unknown };
  if (typeof query !== 'string') return null;
  let parsed = variables;
  if (typeof variables === 'string') {
    try {
      parsed = JSON.parse(variables);
    } catch {
      parsed = undefined;
    }
  }
  return { query, variables: parsed && typeof parsed === 'object' ? (parsed as RequestVariables) : undefined };
}

function rateLimited(decision: QuotaDecision, cost: number): GraphQLError {
  const headers = new HeaderMap(quotaHeaders(decision).map(([name, value]) => [name.toLowerCase(), value]));
  const text = messageText('quota.query', { cost: chargedPoints(cost), remaining: decision.remaining, limit: decision.limit, retry: decision.resetSeconds });
  return new GraphQLError(bilingual(text), { extensions: { code: 'RATE_LIMITED', messageKey: text.key, http: { status: 429, headers } } });
}
