import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { DatasetResolver } from '../catalog/dataset.resolver';
import { OrganizationResolver } from '../catalog/organization.resolver';
import { ResourceResolver, ResourceVersionResolver } from '../catalog/resource.resolver';
import { SuggestionResolver } from '../catalog/suggestion.resolver';
import { VocabularyResolver } from '../catalog/vocabulary.resolver';
import { DatasetDownloadCountResolver, ResourceDownloadCountResolver } from '../downloads/download-count.resolver';
import { IngestResolver } from '../ingest/ingest.resolver';
import { DataRequestResolver } from '../governance/data-request.resolver';
import { NegativeListResolver } from '../governance/negative-list.resolver';
import { TimelinessResolver } from '../governance/timeliness.resolver';
import { ResourceRowsResolver, RowConnectionResolver } from '../rows/row.resolver';
import { AuditResolver } from '../review/audit.resolver';
import { ReviewResolver, VersionSignOffResolver } from '../review/review.resolver';
import { OrganizationScoreResolver, PlanItemResolver, ScoreboardResolver } from '../scoreboard/scoreboard.resolver';

export const RESOLVERS = [DatasetResolver, OrganizationResolver, ResourceResolver, ResourceVersionResolver, SuggestionResolver, VocabularyResolver, IngestResolver, ResourceRowsResolver, RowConnectionResolver, ReviewResolver, VersionSignOffResolver, AuditResolver, DatasetDownloadCountResolver, ResourceDownloadCountResolver, NegativeListResolver, TimelinessResolver, DataRequestResolver,
  ScoreboardResolver, PlanItemResolver, OrganizationScoreResolver];

/** The GraphQL schema exactly as the API serves it, built from the resolvers alone (no database needed). */
export async function buildPublicSchema(): Promise<GraphQLSchema> {
  const context = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await context.init();
  try {
    return lexicographicSortSchema(await context.get(GraphQLSchemaFactory).create(RESOLVERS));
  } finally {
    await context.close();
  }
}

export async function printPublicSchema(): Promise<string> {
  return `${printSchema(await buildPublicSchema())}\n`;
}
