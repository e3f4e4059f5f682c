import { Inject, Injectable } from '@nestjs/common';
import { DatasetEntity, DatasetService, OrganizationEntity, OrganizationService, ResourceService } from '@opendata/catalog';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { CkanCatalogRepository } from './ckan-catalog.repository';
import { CkanPackage, PackageParts, ckanPackage } from './ckan-shapes';

/** CKAN package dicts for a list of datasets, with their organizations, tags, groups and resources in a fixed number of queries. */
@Injectable()
export class CkanPackages {
  constructor(
    private readonly datasets: DatasetService,
    private readonly organizations: OrganizationService,
    private readonly resources: ResourceService,
    private readonly repository: CkanCatalogRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async of(datasets: DatasetEntity[]): Promise<CkanPackage[]> {
    const parts = await this.parts(datasets);
    return datasets.map((d, i) => ckanPackage(this.config.publicUrl, d, parts[i]));
  }

  private async parts(datasets: DatasetEntity[]): Promise<PackageParts[]> {
    const ids = datasets.map((d) => d.id);
    const [organizations, tags, themes, resources] = await Promise.all([
      this.organizations.findByIds([...new Set(datasets.map((d) => d.organizationId))]),
      this.repository.tagsOf(ids),
      this.datasets.themesOf(ids),
      this.resources.resourcesOf(ids),
    ]);
    const resourceIds = [...resources.values()].flat().map((r) => r.id);
    const latest = await this.resources.latestVersionsOf(resourceIds);
    const byId = new Map(organizations.map((o) => [o.id, o]));
    return datasets.map((d) => ({
      organization: byId.get(d.organizationId) as OrganizationEntity,
      tags: tags.get(d.id) ?? [],
      themes: themes.get(d.id) ?? [],
      resources: (resources.get(d.id) ?? []).flatMap((resource) => {
        const version = latest.get(resource.id);
        return version ? [{ resource, latest: version }] : [];
      }),
    }));
  }
}
