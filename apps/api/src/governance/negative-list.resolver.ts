import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller } from '@opendata/auth';
import { NegativeListService, StoredNegativeRule } from '@opendata/catalog';
import { toOrganizationModel } from '../catalog/catalog.mappers';
import { OrganizationModel } from '../catalog/organization.models';
import { GqlContext } from '../graphql/graphql-context';
import { CurrentCaller } from '../http/current-caller.decorator';
import { NegativeRuleInput } from './governance.inputs';
import { RuleModel, toRuleModel } from './governance.mappers';
import { NegativeRuleModel } from './governance.models';

@Resolver(() => NegativeRuleModel)
export class NegativeListResolver {
  constructor(private readonly rules: NegativeListService) {}

  @Query(() => [NegativeRuleModel], { description: 'The negative list (负面清单, public): city-wide rules, and with `organization` that organization\'s own rules too.' })
  async negativeList(
    @Args('organization', { type: () => String, nullable: true, description: 'Organization slug.' }) organization?: string | null,
  ): Promise<NegativeRuleModel[]> {
    return (await this.rules.list(organization ?? null)).map(toRuleModel);
  }

  @Mutation(() => NegativeRuleModel, { description: 'Add a negative-list rule: city-wide (system administrators) or an organization\'s own (its admins). Audited.' })
  async addNegativeRule(@CurrentCaller() caller: Caller, @Args('input', { description: 'The rule.' }) input: NegativeRuleInput): Promise<NegativeRuleModel> {
    return toRuleModel(await this.rules.add(caller, { ...input, kind: input.kind as StoredNegativeRule['kind'] }));
  }

  @Mutation(() => NegativeRuleModel, { description: 'Remove a negative-list rule (same permissions as adding). Audited.' })
  async removeNegativeRule(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID, description: 'Rule id.' }) id: string): Promise<NegativeRuleModel> {
    return toRuleModel(await this.rules.remove(caller, id));
  }

  @ResolveField(() => OrganizationModel, { nullable: true, description: 'The organization whose list holds the rule; null for the city-wide list.' })
  async organization(@Parent() rule: RuleModel, @Context() ctx: GqlContext): Promise<OrganizationModel | null> {
    if (!rule.organizationId) return null;
    const organization = await ctx.loaders.organization.load(rule.organizationId);
    return organization ? toOrganizationModel(organization) : null;
  }
}
