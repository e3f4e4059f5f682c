import { Inject } from '@nestjs/common';
import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller } from '@opendata/auth';
import { ResourceService } from '@opendata/catalog';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { GqlContext } from '../graphql/graphql-context';
import { CurrentCaller } from '../http/current-caller.decorator';
import { toResourceModel, toVersionModel } from './catalog.mappers';
import { toReportModel } from '../ingest/ingest.mappers';
import { ValidationReportModel } from '../ingest/models/report.model';
import { ResourceModel, ResourceVersionModel } from './models/resource.model';

@Resolver(() => ResourceModel)
export class ResourceResolver {
  constructor(
    private readonly resources: ResourceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => ResourceModel, { nullable: true, description: 'One resource (file) by id.' })
  async resource(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID, description: 'Resource id.' }) id: string,
    @Context() ctx: GqlContext,
  ): Promise<ResourceModel | null> {
    const { resource } = await this.resources.get(caller, id);
    const latest = await ctx.loaders.latestVersion.load(resource.id);
    return latest ? toResourceModel(resource, latest, this.config.publicUrl) : null;
  }

  @ResolveField(() => ValidationReportModel, { nullable: true, description: 'Validation report of the latest version (null for files published without validation).' })
  async report(@Parent() resource: ResourceModel, @Context() ctx: GqlContext): Promise<ValidationReportModel | null> {
    const report = resource.reportId ? await ctx.loaders.report.load(resource.reportId) : null;
    return report ? toReportModel(report) : null;
  }

  @ResolveField(() => [ResourceVersionModel], { description: 'Every version, newest first.' })
  async versions(@Parent() resource: ResourceModel, @Context() ctx: GqlContext): Promise<ResourceVersionModel[]> {
    return (await ctx.loaders.versions.load(resource.id)).map((v) => toVersionModel(v, this.config.publicUrl));
  }
}

/** Fields of one version of a resource that read more than the version's own row. */
@Resolver(() => ResourceVersionModel)
export class ResourceVersionResolver {
  @ResolveField(() => ValidationReportModel, { nullable: true, description: 'Validation report of this version (null for files published without validation).' })
  async report(@Parent() version: ResourceVersionModel, @Context() ctx: GqlContext): Promise<ValidationReportModel | null> {
    const report = version.reportId ? await ctx.loaders.report.load(version.reportId) : null;
    return report ? toReportModel(report) : null;
  }
}

