import { Inject, Injectable } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import { DatasetService, OrganizationEntity, OrganizationService, ResourceService } from '@opendata/catalog';
import { isEntityId, message, messageText, notFound, parseEntityKey } from '@opendata/common';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { ckanNotFound, ckanValidation } from './ckan-envelope';
import { CkanPackageSearch } from './ckan-package-search';
import { CkanPackages } from './ckan-packages';
import { Params, bool, integer, list, rejectUnknown, requiredText, text } from './ckan-params';
import { ckanOrganization, ckanResource } from './ckan-shapes';

const known = (...names: string[]) => new Set(names);
const PACKAGE_SHOW = known('id', 'use_default_schema', 'include_tracking', 'include_plugin_data');
const PACKAGE_LIST = known('limit', 'offset');
const ORGANIZATION_LIST = known('sort', 'limit', 'offset', 'organizations', 'all_fields', 'q', 'type', 'include_dataset_count', 'include_extras', 'include_tags', 'include_groups', 'include_users');
const ORGANIZATION_SHOW = known('id', 'include_datasets', 'include_dataset_count', 'include_extras', 'include_tags', 'include_groups', 'include_users', 'include_followers');
const RESOURCE_SHOW = known('id', 'include_tracking');
/** Most datasets organization_show lists with include_datasets (CKAN truncates the list too). */
const ORGANIZATION_DATASETS = 1000;

type OrganizationRow = { o: OrganizationEntity; n: number };
const ORGANIZATION_SORTS: Record<string, (a: OrganizationRow, b: OrganizationRow) => number> = {
  name: (a, b) => (a.o.slug < b.o.slug ? -1 : a.o.slug > b.o.slug ? 1 : 0),
  title: (a, b) => a.o.name.localeCompare(b.o.name, 'zh'),
  package_count: (a, b) => a.n - b.n,
  packages: (a, b) => a.n - b.n,
};

/** The catalogue actions of CKAN's API besides package_search (package_*, organization_*, resource_show). */
@Injectable()
export class CkanCatalogService {
  constructor(
    private readonly datasets: DatasetService,
    private readonly organizations: OrganizationService,
    private readonly resources: ResourceService,
    private readonly packages: CkanPackages,
    private readonly search: CkanPackageSearch,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async packageShow(caller: Caller, params: Params) {
    rejectUnknown(params, PACKAGE_SHOW);
    refuseTracking(params);
    bool(params, 'use_default_schema', false);
    bool(params, 'include_plugin_data', false);
    const id = requiredText(params, 'id');
    const dataset = await this.datasets.get(caller, parseEntityKey(id));
    return (await this.packages.of([dataset]))[0];
  }

  /** Names of the published datasets, by name. */
  async packageList(params: Params): Promise<string[]> {
    rejectUnknown(params, PACKAGE_LIST);
    return this.datasets.publishedSlugs(integer(params, 'limit', 1000, 0, 10_000), integer(params, 'offset', 0, 0, Number.MAX_SAFE_INTEGER));
  }

  /**
   * Organizations by title (CKAN's default), name or package count; `q` keeps those whose name, title or
   * description contains it (any case), as CKAN does.
   */
  async organizationList(params: Params) {
    rejectUnknown(params, ORGANIZATION_LIST);
    refuseUsers(params);
    if ((text(params, 'type') ?? 'organization') !== 'organization') throw ckanValidation({ type: message('ckan.organizationTypeOnly') });
    const allFields = bool(params, 'all_fields', false);
    const withCount = bool(params, 'include_dataset_count', true);
    for (const flag of ['include_extras', 'include_tags', 'include_groups']) bool(params, flag, false);
    const limit = integer(params, 'limit', 1000, 0, 1000);
    const offset = integer(params, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const compare = organizationSort(text(params, 'sort'));
    const wanted = list(params, 'organizations');
    const q = text(params, 'q')?.toLowerCase() ?? null;
    const [organizations, counts] = await Promise.all([this.organizations.list(), this.organizations.publishedDatasetCounts()]);
    const matches = (o: OrganizationEntity) => !q || [o.slug, o.name, o.description ?? ''].some((v) => v.toLowerCase().includes(q));
    const rows = organizations.filter((o) => (!wanted || wanted.includes(o.slug)) && matches(o)).map((o) => ({ o, n: counts.get(o.id) ?? 0 }));
    rows.sort(compare);
    const page = rows.slice(offset, offset + limit);
    return allFields ? page.map(({ o, n }) => organizationDict(o, withCount ? n : null)) : page.map(({ o }) => o.slug);
  }

  /** With include_datasets, the organization's datasets the caller may see (its members see the private ones, as in CKAN). */
  async organizationShow(caller: Caller, params: Params) {
    rejectUnknown(params, ORGANIZATION_SHOW);
    refuseUsers(params);
    for (const flag of ['include_extras', 'include_tags', 'include_groups', 'include_followers']) bool(params, flag, false);
    const id = requiredText(params, 'id');
    const organization = isEntityId(id) ? (await this.organizations.findByIds([id]))[0] : await this.organizations.getBySlug(id).catch(() => undefined);
    if (!organization) throw ckanNotFound(messageText('ckan.organizationNotFound'));
    const withDatasets = bool(params, 'include_datasets', false);
    const found = await this.search.run(caller, { fq: `organization:"${organization.slug}"`, rows: withDatasets ? ORGANIZATION_DATASETS : 0, include_private: true });
    const result: Record<string, unknown> = organizationDict(organization, bool(params, 'include_dataset_count', true) ? found.count : null);
    if (withDatasets) result.packages = found.results;
    return result;
  }

  async resourceShow(caller: Caller, params: Params) {
    rejectUnknown(params, RESOURCE_SHOW);
    refuseTracking(params);
    const id = requiredText(params, 'id');
    const { resource } = await this.resources.get(caller, id);
    const latest = (await this.resources.latestVersionsOf([resource.id])).get(resource.id);
    if (!latest) throw notFound('resource', id);
    const siblings = (await this.resources.resourcesOf([resource.datasetId])).get(resource.datasetId) ?? [];
    return ckanResource(this.config.publicUrl, resource, latest, Math.max(0, siblings.findIndex((r) => r.id === resource.id)));
  }
}

/** CKAN's organization sort: "field [asc|desc]"; package_count alone means most datasets first, as in CKAN. */
function organizationSort(sort: string | null): (a: OrganizationRow, b: OrganizationRow) => number {
  const [field, direction = field === 'package_count' || field === 'packages' ? 'desc' : 'asc', ...rest] = (sort?.trim() || 'title asc').split(/\s+/);
  const compare = ORGANIZATION_SORTS[field];
  if (!compare || !['asc', 'desc'].includes(direction.toLowerCase()) || rest.length) {
    throw ckanValidation({ sort: message('ckan.organizationSort') });
  }
  // Equal keys keep the order of names, so that pages never overlap.
  const byName = ORGANIZATION_SORTS.name;
  return direction.toLowerCase() === 'desc' ? (a, b) => -compare(a, b) || byName(a, b) : (a, b) => compare(a, b) || byName(a, b);
}

/** An organization as organization_list (all_fields) and organization_show give it; no member list is published. */
function organizationDict(o: OrganizationEntity, packageCount: number | null) {
  return ckanOrganization(o, {
    display_name: o.name,
    image_display_url: '',
    ...(packageCount === null ? {} : { package_count: packageCount }),
    num_followers: 0,
    extras: [],
    groups: [],
    tags: [],
  });
}

function refuseUsers(params: Params): void {
  if (bool(params, 'include_users', false)) throw ckanValidation({ include_users: message('ckan.noMembers') });
}

function refuseTracking(params: Params): void {
  if (bool(params, 'include_tracking', false)) throw ckanValidation({ include_tracking: message('ckan.noTracking') });
}
