import { Injectable } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import {
  DatasetService,
  OrganizationEntity,
  OrganizationService,
  ResourceEntity,
  ResourceService,
  ResourceVersionEntity,
  ThemeEntity,
} from '@opendata/catalog';
import { UploadReportsService } from '@opendata/ingest';
import { ValidationReport } from '@opendata/validation';
import DataLoader from 'dataloader';

/** One DataLoader per relation, created for each request so that nothing is cached across callers. */
export interface CatalogLoaders {
  organization: DataLoader<string, OrganizationEntity | null>;
  datasetCount: DataLoader<string, number>;
  themes: DataLoader<string, ThemeEntity[]>;
  tags: DataLoader<string, string[]>;
  resources: DataLoader<string, ResourceEntity[]>;
  latestVersion: DataLoader<string, ResourceVersionEntity | null>;
  versions: DataLoader<string, ResourceVersionEntity[]>;
  report: DataLoader<string, ValidationReport | null>;
}

const inOrder = <V>(keys: readonly string[], map: Map<string, V>, fallback: V): V[] =>
  keys.map((k) => map.get(k) ?? fallback);

@Injectable()
export class CatalogLoaderFactory {
  constructor(
    private readonly organizations: OrganizationService,
    private readonly datasets: DatasetService,
    private readonly resources: ResourceService,
    private readonly reports: UploadReportsService,
  ) {}

  create(caller: Caller): CatalogLoaders {
    return {
      organization: new DataLoader(async (ids) => {
        const found = new Map((await this.organizations.findByIds(ids)).map((o) => [o.id, o]));
        return inOrder(ids, found, null);
      }),
      datasetCount: new DataLoader(async (ids) => inOrder(ids, await this.organizations.datasetCounts(caller, ids), 0)),
      themes: new DataLoader(async (ids) => inOrder(ids, await this.datasets.themesOf(ids), [])),
      tags: new DataLoader(async (ids) => inOrder(ids, await this.datasets.tagsOf(ids), [])),
      resources: new DataLoader(async (ids) => inOrder(ids, await this.resources.resourcesOf(ids), [])),
      latestVersion: new DataLoader(async (ids) => inOrder(ids, await this.resources.latestVersionsOf(ids), null)),
      versions: new DataLoader(async (ids) => inOrder(ids, await this.resources.versionsOf(ids), [])),
      report: new DataLoader(async (ids) => inOrder(ids, await this.reports.byIds(ids), null)),
    };
  }
}
