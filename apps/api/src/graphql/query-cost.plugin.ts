import { ApolloServerPlugin, GraphQLRequestContext, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { quotaHeaders, RateLimitService } from '../http/rate-limit.service';
import { QuotaDecision } from '../http/rate-limiter';
import { GqlContext } from './graphql-context';
import { DocumentMeasurement } from './query-cost';
import { checkQueryLimits, QueryLimits } from './query-limits';

/**
 * Prices every GraphQL request before anything expensive runs. Apollo parses the document (at most
 * MAX_QUERY_TOKENS), then calls validationDidStart before the standard validation rules: the document is
 * measured there, in time linear in its size, and refused with QUERY_TOO_COSTLY when it passes a limit. A
 * document Apollo already validated comes from its cache without that hook: it is measured at didResolveOperation.
 * There, before execution, the operation's cost is taken from the caller's quota (the HTTP middleware took 1
 * point already); a quota that cannot pay gets 429 with Retry-After, and nothing runs.
 */
export function queryCostPlugin(limits: QueryLimits, quotas: RateLimitService): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      let measured: DocumentMeasurement | null = null;
      const measure = (ctx: GraphQLRequestContext<GqlContext>): DocumentMeasurement =>
        (measured ??= checkQueryLimits(ctx.schema, ctx.document!, ctx.request.variables, limits));
      return {
        async validationDidStart(ctx) {
          measure(ctx);
        },
        async didResolveOperation(ctx) {
          const measured = measure(ctx);
          const cost = (ctx.operation && measured.operations.get(ctx.operation)?.cost) || 0;
          const decision = await quotas.charge(ctx.contextValue.req, Math.ceil(cost) - 1);
          if (!decision) return;
          for (const [name, value] of quotaHeaders(decision)) ctx.response.http.headers.set(name.toLowerCase(), value);
          if (!decision.allowed) throw rateLimited(decision, cost);
        },
      };
    },
  };
}

function rateLimited(decision: QuotaDecision, cost: number): GraphQLError {
  return new GraphQLError(
    `请求过于频繁 / Too many requests: this query costs ${Math.ceil(cost)} points and ${decision.remaining} of the ${decision.limit} of this window are left; retry in ${decision.resetSeconds} s`,
    { extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: new HeaderMap(quotaHeaders(decision).map(([name, value]) => [name.toLowerCase(), value])) } } },
  );
}
