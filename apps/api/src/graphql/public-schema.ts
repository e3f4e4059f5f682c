import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { DatasetResolver } from '../catalog/dataset.resolver';
import { OrganizationResolver } from '../catalog/organization.resolver';
import { ResourceResolver } from '../catalog/resource.resolver';
import { VocabularyResolver } from '../catalog/vocabulary.resolver';
import { IngestResolver } from '../ingest/ingest.resolver';

export const RESOLVERS = [DatasetResolver, OrganizationResolver, ResourceResolver, VocabularyResolver, IngestResolver];

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
