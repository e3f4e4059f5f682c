import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller } from '@opendata/auth';
import { OrganizationService } from '@opendata/catalog';
import { GqlContext } from '../graphql/graphql-context';
import { CurrentCaller } from '../http/current-caller.decorator';
import { toOrganizationModel } from './catalog.mappers';
import { CreateOrganizationInput } from './catalog.inputs';
import { OrganizationModel } from './organization.models';

@Resolver(() => OrganizationModel)
export class OrganizationResolver {
  constructor(private readonly organizationService: OrganizationService) {}

  @Query(() => [OrganizationModel], { description: 'All publishing organizations, by name.' })
  async organizations(): Promise<OrganizationModel[]> {
    return (await this.organizationService.list()).map((o) => toOrganizationModel(o));
  }

  @Query(() => OrganizationModel, { nullable: true, description: 'One organization by slug.' })
  async organization(@Args('slug', { description: 'Organization slug.' }) slug: string): Promise<OrganizationModel> {
    return toOrganizationModel(await this.organizationService.getBySlug(slug));
  }

  @Mutation(() => OrganizationModel, { description: 'Create a publishing organization (system administrators).' })
  async createOrganization(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The new organization.' }) input: CreateOrganizationInput,
  ): Promise<OrganizationModel> {
    return toOrganizationModel(await this.organizationService.create(caller, input));
  }

  @ResolveField(() => OrganizationModel, { nullable: true, description: 'The parent organization.' })
  async parent(@Parent() organization: OrganizationModel, @Context() ctx: GqlContext): Promise<OrganizationModel | null> {
    if (!organization.parentId) return null;
    const parent = await ctx.loaders.organization.load(organization.parentId);
    return parent ? toOrganizationModel(parent) : null;
  }

  @ResolveField(() => Int, { description: 'Number of datasets of this organization the caller can see.' })
  datasetCount(@Parent() organization: OrganizationModel, @Context() ctx: GqlContext): Promise<number> {
    return ctx.loaders.datasetCount.load(organization.id);
  }
}
