import { Inject } from '@nestjs/common';
import { Args, Context, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller } from '@opendata/auth';
import { DatasetSearchService, DatasetService, FACET_NAMES } from '@opendata/catalog';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { GraphQLResolveInfo } from 'graphql';
import { GqlContext } from '../graphql/graphql-context';
import { requestedFields } from '../graphql/requested-fields';
import { CurrentCaller } from '../http/current-caller.decorator';
import { FACET_FIELDS, toConnection, toDatasetModel, toOrganizationModel, toRecordPatch, toResourceModel, toSearchFilter, toThemeModel } from './catalog.mappers';
import { CreateDatasetInput, DatasetFilterInput, DatasetOrderInput, UpdateDatasetInput } from './catalog.inputs';
import { DatasetConnectionModel } from './search.models';
import { DatasetModel, DeleteDatasetPayload } from './dataset.models';
import { OrganizationModel } from './organization.models';
import { ResourceModel } from './resource.models';
import { ThemeModel } from './vocabulary.models';

@Resolver(() => DatasetModel)
export class DatasetResolver {
  constructor(
    private readonly datasetService: DatasetService,
    private readonly searchService: DatasetSearchService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => DatasetConnectionModel, {
    description: 'Search and browse the catalogue. Chinese and English full text; filters; facets; Relay pagination (first at most 100).',
  })
  async datasets(
    @CurrentCaller() caller: Caller,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: GqlContext,
    @Args('search', { type: () => String, nullable: true, description: 'Words to search for, e.g. 空气质量.' }) search?: string | null,
    @Args('filter', { type: () => DatasetFilterInput, nullable: true, description: 'Narrow the list; facets count within it.' }) filter?: DatasetFilterInput | null,
    @Args('orderBy', { type: () => DatasetOrderInput, nullable: true, description: 'Sort order; by default relevance with a search, newest first without.' }) orderBy?: DatasetOrderInput | null,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 0 to 100; default 20.' }) first?: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page.' }) after?: string | null,
  ): Promise<DatasetConnectionModel> {
    const facetFields = requestedFields(info, ['facets']);
    const result = await this.searchService.search(caller, {
      search,
      filter: toSearchFilter(filter),
      orderBy,
      first,
      after,
      withTotal: requestedFields(info).has('totalCount'),
      facets: FACET_NAMES.filter((name) => facetFields.has(FACET_FIELDS[name])),
    });
    for (const organization of result.organizations) ctx.loaders.organization.prime(organization.id, organization);
    for (const { node } of result.edges) ctx.loaders.tags.prime(node.id, result.tags.get(node.id) ?? []);
    return toConnection(result);
  }

  @Query(() => DatasetModel, { nullable: true, description: 'One dataset, by id or by slug (give exactly one).' })
  async dataset(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID, nullable: true, description: 'Dataset id.' }) id?: string | null,
    @Args('slug', { type: () => String, nullable: true, description: 'Dataset slug.' }) slug?: string | null,
  ): Promise<DatasetModel> {
    return toDatasetModel(await this.datasetService.get(caller, { id, slug }));
  }

  @Mutation(() => DatasetModel, { description: 'Create a dataset record (editors and admins of its organization).' })
  async createDataset(@CurrentCaller() caller: Caller, @Args('input', { description: 'The new record.' }) input: CreateDatasetInput): Promise<DatasetModel> {
    return toDatasetModel(await this.datasetService.create(caller, { ...toRecordPatch(input), ...requiredOf(input) }));
  }

  @Mutation(() => DatasetModel, { description: 'Change a dataset record: absent fields stay, null clears.' })
  async updateDataset(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID, description: 'Dataset id.' }) id: string,
    @Args('input', { description: 'The changes.' }) input: UpdateDatasetInput,
  ): Promise<DatasetModel> {
    return toDatasetModel(await this.datasetService.update(caller, id, toRecordPatch(input)));
  }

  @Mutation(() => DeleteDatasetPayload, { description: 'Delete a dataset: hidden from the catalogue, kept for the record.' })
  async deleteDataset(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID, description: 'Dataset id.' }) id: string,
  ): Promise<DeleteDatasetPayload> {
    const deleted = await this.datasetService.delete(caller, id);
    return { id: deleted.id, deletedAt: deleted.deletedAt as Date };
  }

  @ResolveField(() => OrganizationModel, { description: 'The publishing organization (信息资源提供方).' })
  async organization(@Parent() dataset: DatasetModel, @Context() ctx: GqlContext): Promise<OrganizationModel> {
    const organization = await ctx.loaders.organization.load(dataset.organizationId);
    return toOrganizationModel(organization!);
  }

  @ResolveField(() => [ThemeModel], { description: 'Themes: 政务信息资源目录 classes and EU data themes.' })
  async themes(@Parent() dataset: DatasetModel, @Context() ctx: GqlContext): Promise<ThemeModel[]> {
    return (await ctx.loaders.themes.load(dataset.id)).map(toThemeModel);
  }

  @ResolveField(() => [String], { description: 'Tags (关键字).' })
  tags(@Parent() dataset: DatasetModel, @Context() ctx: GqlContext): Promise<string[]> {
    return ctx.loaders.tags.load(dataset.id);
  }

  @ResolveField(() => [ResourceModel], { description: 'Files of the dataset (DCAT distributions).' })
  async resources(@Parent() dataset: DatasetModel, @Context() ctx: GqlContext): Promise<ResourceModel[]> {
    const resources = await ctx.loaders.resources.load(dataset.id);
    const latest = await ctx.loaders.latestVersion.loadMany(resources.map((r) => r.id));
    return resources.flatMap((r, i) => {
      const version = latest[i];
      return version && !(version instanceof Error) ? [toResourceModel(r, version, this.config.publicUrl)] : [];
    });
  }
}

function requiredOf(input: CreateDatasetInput) {
  return { slug: input.slug, title: input.title, description: input.description, organization: input.organization };
}
