import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { ANONYMOUS } from '@opendata/auth';
import { CatalogLoaderFactory } from './catalog-loaders';
import { formatGraphqlError } from './format-graphql-error';
import { GqlContext } from './graphql-context';
import { RequestWithCaller } from '../http/current-caller.decorator';
import { queryCostRule } from '../rows/query-cost.rule';

type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/** Apollo Server on Express, code-first; the schema is built in memory and committed as schema.gql. */
export function graphqlOptions(loaders: CatalogLoaderFactory): ApolloDriverConfig {
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
    // Cache hints are not used; the plugin would otherwise instrument every field resolution. (The cast bridges
    // the CommonJS and ES module typings of @apollo/server; the plugin is a marker object Apollo checks by id.)
    plugins: [ApolloServerPluginCacheControlDisabled() as unknown as ApolloPlugin],
    // Depth and cost limits: expensive queries are refused before they run.
    validationRules: [queryCostRule()],
    context: ({ req }: { req: RequestWithCaller }): GqlContext => {
      const caller = req.caller ?? ANONYMOUS;
      return { req, caller, loaders: loaders.create(caller) };
    },
  };
}
