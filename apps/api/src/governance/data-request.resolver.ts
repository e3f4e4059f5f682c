import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller } from '@opendata/auth';
import { DataRequestService, DataRequestStatus } from '@opendata/catalog';
import { toOrganizationModel } from '../catalog/catalog.mappers';
import { OrganizationModel } from '../catalog/organization.models';
import { GqlContext } from '../graphql/graphql-context';
import { CurrentCaller } from '../http/current-caller.decorator';
import { DataRequestInput, DataRequestResponseInput } from './governance.inputs';
import { toRequestModel } from './governance.mappers';
import { DataRequestContactModel, DataRequestModel, DataRequestStatusEnum } from './governance.models';

/** 依申请公开: requests for data, their answers and response times (public). */
@Resolver(() => DataRequestModel)
export class DataRequestResolver {
  constructor(private readonly requests: DataRequestService) {}

  @Query(() => [DataRequestModel], { description: 'Data requests, newest first (public; requesters\' details are never shown).' })
  async dataRequests(
    @Args('organization', { type: () => String, nullable: true, description: 'Only requests to this organization (slug).' }) organization?: string | null,
    @Args('status', { type: () => DataRequestStatusEnum, nullable: true, description: 'Only requests in this state.' }) status?: DataRequestStatusEnum | null,
    @Args('first', { type: () => Int, nullable: true, description: 'At most this many, 1 to 200; default 50.' }) first?: number | null,
  ): Promise<DataRequestModel[]> {
    const rows = await this.requests.list({ organization, status: (status ?? null) as DataRequestStatus | null }, Math.min(Math.max(first ?? 50, 1), 200));
    return rows.map(toRequestModel);
  }

  @Query(() => DataRequestModel, { description: 'One data request.' })
  async dataRequest(@Args('id', { type: () => ID, description: 'Request id.' }) id: string): Promise<DataRequestModel> {
    return toRequestModel(await this.requests.get(id));
  }

  @Query(() => DataRequestContactModel, { description: 'Who filed a request (the answering organization\'s editors and admins).' })
  dataRequestContact(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID, description: 'Request id.' }) id: string): Promise<DataRequestContactModel> {
    return this.requests.contactOf(caller, id);
  }

  @Mutation(() => DataRequestModel, { description: 'Ask an organization for data. Anyone may; without an API token leave a contact. At most 10 a day per requester.' })
  async requestData(
    @CurrentCaller() caller: Caller,
    @Context() ctx: GqlContext,
    @Args('input', { description: 'The request.' }) input: DataRequestInput,
  ): Promise<DataRequestModel> {
    return toRequestModel(await this.requests.submit(caller, input, { ip: ctx.req.ip ?? null }));
  }

  @Mutation(() => DataRequestModel, { description: 'Answer a pending data request: accept with a link, decline with a reason, or redirect (the organization\'s editors and admins).' })
  async respondToDataRequest(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID, description: 'Request id.' }) id: string,
    @Args('input', { description: 'The answer.' }) input: DataRequestResponseInput,
  ): Promise<DataRequestModel> {
    return toRequestModel(await this.requests.respond(caller, id, { ...input, action: input.action as 'accept' | 'decline' | 'redirect' }));
  }

  @ResolveField(() => OrganizationModel, { description: 'The organization asked.' })
  async organization(@Parent() request: DataRequestModel, @Context() ctx: GqlContext): Promise<OrganizationModel> {
    return toOrganizationModel((await ctx.loaders.organization.load(request.organizationId))!);
  }

  @ResolveField(() => OrganizationModel, { nullable: true, description: 'Where the request was redirected to.' })
  async redirectedTo(@Parent() request: DataRequestModel, @Context() ctx: GqlContext): Promise<OrganizationModel | null> {
    if (!request.redirectedToId) return null;
    const organization = await ctx.loaders.organization.load(request.redirectedToId);
    return organization ? toOrganizationModel(organization) : null;
  }
}
