import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Caller } from '@opendata/auth';
import { SchemaRegistryService, UploadReportsService } from '@opendata/ingest';
import { GraphQLJSONObject } from 'graphql-scalars';
import { CurrentCaller } from '../http/current-caller.decorator';
import { toSchemaModel, toUploadReportModel } from './ingest.mappers';
import { CollectionSchemaModel, UploadReportModel } from './ingest.models';

@Resolver()
export class IngestResolver {
  constructor(
    private readonly schemaRegistry: SchemaRegistryService,
    private readonly reports: UploadReportsService,
  ) {}

  @Query(() => [CollectionSchemaModel], { description: 'The collection standards and the schemas organizations registered (latest versions).' })
  async schemas(): Promise<CollectionSchemaModel[]> {
    const summaries = await this.schemaRegistry.list();
    return Promise.all(summaries.map(async (s) => toSchemaModel(await this.schemaRegistry.get(s.id), s.organization)));
  }

  @Query(() => CollectionSchemaModel, { nullable: true, description: 'One schema by id (latest version unless given).' })
  async schema(
    @Args('id', { description: 'Schema id, e.g. air-quality-hourly.' }) id: string,
    @Args('version', { type: () => Int, nullable: true, description: 'Version; the latest by default.' }) version?: number | null,
  ): Promise<CollectionSchemaModel> {
    return toSchemaModel(await this.schemaRegistry.get(id, version));
  }

  @Query(() => UploadReportModel, {
    nullable: true,
    description: 'The report of an upload: published ones wherever the dataset is visible, rejected ones (kept 7 days) for members of its organization.',
  })
  async uploadReport(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID, description: 'Report id.' }) id: string): Promise<UploadReportModel> {
    return toUploadReportModel(await this.reports.get(caller, id));
  }

  @Mutation(() => CollectionSchemaModel, {
    description: "Register an organization's own collection schema, or its next version (editors and admins). The document must be valid against the collection meta-schema.",
  })
  async registerSchema(
    @CurrentCaller() caller: Caller,
    @Args('organization', { description: 'Slug of the owning organization.' }) organization: string,
    @Args('document', { type: () => GraphQLJSONObject, description: 'The JSON Schema (see GET /api/v1/schemas/air-quality-hourly for an example).' }) document: Record<string, unknown>,
  ): Promise<CollectionSchemaModel> {
    return toSchemaModel(await this.schemaRegistry.register(caller, organization, document), organization);
  }
}
