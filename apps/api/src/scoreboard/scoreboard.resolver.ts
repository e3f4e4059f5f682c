import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller } from '@opendata/auth';
import { OrganizationEntity, PlanService, ScoreboardService } from '@opendata/catalog';
import { toOrganizationModel } from '../catalog/catalog.mappers';
import { OrganizationModel } from '../catalog/models/organization.model';
import { GqlContext } from '../graphql/graphql-context';
import { CurrentCaller } from '../http/current-caller.decorator';
import { toPlanItemModel, toScoreModel } from './scoreboard.mappers';
import { CatalogStatsModel, OrganizationScoreModel, PlanItemModel } from './scoreboard.models';
import { ScoreLoaders } from './score-loaders';

/** The catalogue's public totals, the openness scoreboard and the plan it is measured against (all public). */
@Resolver()
export class ScoreboardResolver {
  constructor(private readonly service: ScoreboardService) {}

  @Query(() => CatalogStatsModel, { description: 'Totals of the public catalogue: published datasets, publishing organizations, files, rows, downloads.' })
  catalogStats(): Promise<CatalogStatsModel> {
    return this.service.catalogStats();
  }

  @Query(() => [OrganizationScoreModel], { description: 'The openness scoreboard: every organization\'s figures (plan section 五(三)), by organization name.' })
  async scoreboard(): Promise<OrganizationScoreModel[]> {
    return (await this.service.scoreboard()).map(toScoreModel);
  }
}

@Resolver(() => PlanItemModel)
export class PlanItemResolver {
  constructor(private readonly plan: PlanService) {}

  @Query(() => [PlanItemModel], { description: 'The 39 items of the 2017 openness plan, with their lead organizations and published datasets.' })
  async planItems(): Promise<PlanItemModel[]> {
    return (await this.plan.items()).map(toPlanItemModel);
  }

  @Mutation(() => PlanItemModel, { description: 'Name the organizations that lead a plan item, replacing the previous ones (system administrators).' })
  async setPlanItemLeads(
    @CurrentCaller() caller: Caller,
    @Args('planItem', { type: () => Int, description: 'Item number, 1-39.' }) planItem: number,
    @Args('organizations', { type: () => [String], description: 'Slugs of the lead organizations; empty for none.' }) organizations: string[],
  ): Promise<PlanItemModel> {
    return toPlanItemModel(await this.plan.setLeads(caller, planItem, organizations));
  }

  @ResolveField(() => [OrganizationModel], { description: 'The organizations of this installation that lead the item.' })
  async leads(@Parent() item: PlanItemModel, @Context() ctx: GqlContext): Promise<OrganizationModel[]> {
    const organizations = await ctx.loaders.organization.loadMany(item.leadOrganizationIds);
    return organizations.filter((o): o is OrganizationEntity => !!o && !(o instanceof Error)).map((o) => toOrganizationModel(o));
  }
}

@Resolver(() => OrganizationModel)
export class OrganizationScoreResolver {
  constructor(private readonly scores: ScoreLoaders) {}

  @ResolveField(() => OrganizationScoreModel, { description: 'The organization\'s openness figures (see OrganizationScore and scoreboard).' })
  async score(@Parent() organization: OrganizationModel, @Context() ctx: GqlContext): Promise<OrganizationScoreModel> {
    return toScoreModel(await this.scores.loaderFor(ctx).load(organization.id));
  }
}
