import { ApolloDriverConfig } from '@nestjs/apollo';
import { ANONYMOUS } from '@opendata/auth';
import { CatalogLoaderFactory } from './catalog-loaders';
import { formatGraphqlError } from './format-graphql-error';
import { GqlContext } from './graphql-context';
import { RequestWithCaller } from '../http/current-caller.decorator';

/** Apollo Server on Express, code-first; the schema is built in memory and committed as schema.gql. */
export function graphqlOptions(loaders: CatalogLoaderFactory): ApolloDriverConfig {
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: true,
    graphiql: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphqlError,
    context: ({ req }: { req: RequestWithCaller }): GqlContext => {
      const caller = req.caller ?? ANONYMOUS;
      return { req, caller, loaders: loaders.create(caller) };
    },
  };
}
