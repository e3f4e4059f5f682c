import { ReviewService, SignOffRecord } from '@opendata/catalog';
import DataLoader from 'dataloader';
import { GqlContext } from '../graphql/graphql-context';

/** Per-request DataLoaders of the review fields, kept beside the request's other loaders. */
export interface ReviewLoaders {
  datasetSignOff: DataLoader<string, SignOffRecord | null>;
  versionSignOff: DataLoader<string, SignOffRecord | null>;
}

const perRequest = new WeakMap<object, ReviewLoaders>();

export function reviewLoaders(ctx: GqlContext, review: ReviewService): ReviewLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = {
      datasetSignOff: new DataLoader(async (ids) => {
        const found = await review.datasetSignOffs(ids);
        return ids.map((id) => found.get(id) ?? null);
      }),
      versionSignOff: new DataLoader(async (ids) => {
        const found = await review.versionSignOffs(ids);
        return ids.map((id) => found.get(id) ?? null);
      }),
    };
    perRequest.set(ctx, loaders);
  }
  return loaders;
}
