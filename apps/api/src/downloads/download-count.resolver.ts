import { Context, Float, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DatasetModel } from '../catalog/dataset.models';
import { ResourceModel } from '../catalog/resource.models';
import { GqlContext } from '../graphql/graphql-context';
import { DownloadCounterService } from './download-counter.service';

@Resolver(() => ResourceModel)
export class ResourceDownloadCountResolver {
  constructor(private readonly counter: DownloadCounterService) {}

  @ResolveField(() => Float, { description: 'Downloads of the original file (all versions) and of its rows as CSV/JSON; 下载次数.' })
  downloadCount(@Parent() resource: ResourceModel, @Context() ctx: GqlContext): Promise<number> {
    return this.counter.loadersFor(ctx).resource.load(resource.id);
  }
}

@Resolver(() => DatasetModel)
export class DatasetDownloadCountResolver {
  constructor(private readonly counter: DownloadCounterService) {}

  @ResolveField(() => Float, { description: 'Downloads of all the files of the dataset (sum over its resources); 下载次数.' })
  downloadCount(@Parent() dataset: DatasetModel, @Context() ctx: GqlContext): Promise<number> {
    return this.counter.loadersFor(ctx).dataset.load(dataset.id);
  }
}
