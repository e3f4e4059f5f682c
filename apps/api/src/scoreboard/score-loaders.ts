import { Injectable } from '@nestjs/common';
import { OrganizationScore, OrganizationService, ScoreboardService } from '@opendata/catalog';
import { notFound } from '@opendata/common';
import DataLoader from 'dataloader';

/** One DataLoader of organization scores per GraphQL request (keyed by its context), so a list costs one batch. */
@Injectable()
export class ScoreLoaders {
  private readonly loaders = new WeakMap<object, DataLoader<string, OrganizationScore>>();

  constructor(
    private readonly scoreboard: ScoreboardService,
    private readonly organizations: OrganizationService,
  ) {}

  loaderFor(context: object): DataLoader<string, OrganizationScore> {
    let loader = this.loaders.get(context);
    if (!loader) {
      loader = new DataLoader<string, OrganizationScore>(async (ids) => {
        const scores = await this.scoreboard.scoresOf(await this.organizations.findByIds(ids));
        return ids.map((id) => scores.get(id) ?? notFound('organization', id));
      });
      this.loaders.set(context, loader);
    }
    return loader;
  }
}
