import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { ANONYMOUS } from '@opendata/auth';
import { AppConfig } from '@opendata/config';
import { CatalogLoaderFactory } from './catalog-loaders';
import { formatGraphqlError } from './format-graphql-error';
import { GqlContext } from './graphql-context';
import { QueryCostGuard } from './query-cost.guard';
import { DEFAULT_QUERY_LIMITS, MAX_QUERY_TOKENS } from './query-limits';
import { textInputPlugin } from './text-input.plugin';
import { RequestWithCaller } from '../http/current-caller.decorator';
import { RateLimitService } from '../http/rate-limit.service';

type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/** Apollo Server on Express, code-first; the schema is built in memory and committed as schema.gql. */
export function graphqlOptions(loaders: CatalogLoaderFactory, quotas: RateLimitService, config: AppConfig): ApolloDriverConfig {
  const costGuard = new QueryCostGuard({ ...DEFAULT_QUERY_LIMITS, maxCost: config.graphqlMaxCost }, quotas);
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: true,
    // The explorer is the portal's own page (GET /graphql for browsers); Apollo's landing page would load its
    // scripts from a public CDN, which intranets cannot reach.
    graphiql: false,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphqlError,
    // Compact JSON: Apollo indents responses by default, which costs CPU and a third more bytes on every answer.
    stringifyResult: (value) => JSON.stringify(value),
    // The parser stops at this many tokens, so that no document is large enough to make parsing slow.
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    plugins: [
      // Cache hints are not used; the plugin would otherwise instrument every field resolution. (The casts bridge
      // the CommonJS and ES module typings of @apollo/server; the plugin is a marker object Apollo checks by id.)
      ApolloServerPluginCacheControlDisabled() as unknown as ApolloPlugin,
      // Size, depth and cost limits, checked again on the document that runs, and the quota charged by cost.
      costGuard.plugin as unknown as ApolloPlugin,
      // Client text (variables and literals) checked at the edge: no NUL, no lone surrogate, bounded nesting.
      textInputPlugin() as unknown as ApolloPlugin,
    ],
    context: ({ req }: { req: RequestWithCaller }): GqlContext => {
      // Apollo builds the context before it parses and validates: a query past the limits stops here.
      costGuard.checkRequest(req);
      const caller = req.caller ?? ANONYMOUS;
      return { req, caller, loaders: loaders.create(caller) };
    },
  };
}
