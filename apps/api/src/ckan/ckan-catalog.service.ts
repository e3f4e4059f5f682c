import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller } from '@opendata/auth';
import {
  DatasetEntity,
  DatasetSearchService,
  DatasetService,
  FacetName,
  MAX_PAGE_SIZE,
  OrganizationEntity,
  OrganizationService,
  ResourceService,
} from '@opendata/catalog';
import { notFound } from '@opendata/common';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { DataSource } from 'typeorm';
import { ckanNotFound, ckanValidation } from './ckan-envelope';
import { Params, bool, integer, list, requiredText, searchTerms, text } from './ckan-params';
import { CkanTag, PackageParts, ckanOrganization, ckanPackage, ckanResource } from './ckan-shapes';

/** CKAN facet fields and the catalogue facets they are counted by. */
const FACETS: Record<string, FacetName> = { organization: 'organization', tags: 'tag', res_format: 'format', groups: 'theme' };
const SORT_FIELDS = { score: 'RELEVANCE', metadata_modified: 'MODIFIED', title_string: 'TITLE', title: 'TITLE', name: 'TITLE' } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The catalogue actions of CKAN's API (package_*, organization_*, resource_show), over the catalogue services. */
@Injectable()
export class CkanCatalogService {
  constructor(
    private readonly datasets: DatasetService,
    private readonly search: DatasetSearchService,
    private readonly organizations: OrganizationService,
    private readonly resources: ResourceService,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async packageShow(caller: Caller, params: Params) {
    const id = requiredText(params, 'id');
    const dataset = await this.datasets.get(caller, UUID.test(id) ? { id } : { slug: id });
    const [parts] = await this.parts([dataset]);
    return ckanPackage(this.config.publicUrl, dataset, parts);
  }

  /**
   * package_search through the catalogue search. CKAN pages by offset (`start`) and allows 1000 rows, the
   * catalogue search by cursor and 100: the pages are walked until `start + rows`, which costs one query per
   * hundred datasets skipped.
   */
  async packageSearch(caller: Caller, params: Params) {
    const rows = integer(params, 'rows', 10, 0, 1000);
    const start = integer(params, 'start', 0, 0, 100_000);
    const terms = searchTerms(text(params, 'q'), text(params, 'fq'));
    const orderBy = sortOf(text(params, 'sort'), terms.text !== null);
    const facetFields = list(params, 'facet.field') ?? [];
    const facetLimit = integer(params, 'facet.limit', 50, -1, 1000);
    // As in CKAN, drafts appear only when asked for (and only to those allowed to see them).
    const filter = bool(params, 'include_private', false) || bool(params, 'include_drafts', false) ? terms.filter : { ...terms.filter, statuses: ['published' as const] };
    const base = { search: terms.text, filter, orderBy: orderBy.field ? { field: orderBy.field, direction: orderBy.direction } : null };
    const facets = [...new Set(facetFields.map((f) => FACETS[f]).filter(Boolean))];

    const first = await this.search.search(caller, { ...base, first: Math.min(MAX_PAGE_SIZE, start + rows), withTotal: true, facets });
    const ids = first.edges.map((e) => e.node.id);
    let { hasNextPage } = first;
    let after = first.edges.at(-1)?.cursor ?? null;
    while (ids.length < start + rows && hasNextPage && after) {
      const page = await this.search.search(caller, { ...base, first: Math.min(MAX_PAGE_SIZE, start + rows - ids.length), after, withTotal: false, facets: [] });
      ids.push(...page.edges.map((e) => e.node.id));
      hasNextPage = page.hasNextPage;
      after = page.edges.at(-1)?.cursor ?? null;
    }
    const pageIds = ids.slice(start, start + rows);
    const found = new Map((await this.datasets.findByIds(pageIds)).map((d) => [d.id, d]));
    const datasets = pageIds.map((id) => found.get(id)).filter((d): d is DatasetEntity => d !== undefined);
    const parts = await this.parts(datasets);

    const searchFacets: Record<string, { title: string; items: Array<{ name: string; display_name: string; count: number }> }> = {};
    for (const field of facetFields) {
      const buckets = FACETS[field] && first.facets ? first.facets[FACETS[field]] : [];
      // Group names are the lower-case theme codes, as in the packages' groups.
      const items = buckets
        .slice(0, facetLimit < 0 ? undefined : facetLimit)
        .map((b) => ({ name: field === 'groups' ? b.key.toLowerCase() : b.key, display_name: b.label, count: b.count }));
      searchFacets[field] = { title: field, items };
    }
    return {
      count: first.totalCount ?? 0,
      sort: orderBy.label,
      facets: Object.fromEntries(Object.entries(searchFacets).map(([f, v]) => [f, Object.fromEntries(v.items.map((i) => [i.name, i.count]))])),
      results: datasets.map((d, i) => ckanPackage(this.config.publicUrl, d, parts[i])),
      search_facets: searchFacets,
    };
  }

  /** Names of the published datasets, by name. */
  async packageList(params: Params): Promise<string[]> {
    const limit = integer(params, 'limit', 1000, 0, 10_000);
    const offset = integer(params, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const rows: Array<{ slug: string }> = await this.db.query(
      `SELECT slug FROM datasets WHERE deleted_at IS NULL AND status = 'published' ORDER BY slug LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return rows.map((r) => r.slug);
  }

  async organizationList(params: Params) {
    const allFields = bool(params, 'all_fields', false);
    const limit = integer(params, 'limit', 1000, 0, 1000);
    const offset = integer(params, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const sort = (text(params, 'sort') ?? 'name asc').trim().toLowerCase();
    const wanted = list(params, 'organizations');
    const [organizations, counts] = await Promise.all([this.organizations.list(), this.publishedCounts()]);
    const rows = organizations.filter((o) => !wanted || wanted.includes(o.slug)).map((o) => ({ o, n: counts.get(o.id) ?? 0 }));
    const [field, direction = 'asc'] = sort.split(/\s+/);
    const compare = {
      name: (a: (typeof rows)[0], b: (typeof rows)[0]) => a.o.slug.localeCompare(b.o.slug),
      title: (a: (typeof rows)[0], b: (typeof rows)[0]) => a.o.name.localeCompare(b.o.name, 'zh'),
      package_count: (a: (typeof rows)[0], b: (typeof rows)[0]) => a.n - b.n,
    }[field];
    if (!compare || !['asc', 'desc'].includes(direction)) throw ckanValidation({ sort: 'Must be name, title or package_count, then asc or desc' });
    rows.sort((a, b) => (direction === 'desc' ? -compare(a, b) : compare(a, b)));
    const page = rows.slice(offset, offset + limit);
    return allFields ? page.map(({ o, n }) => this.organization(o, n)) : page.map(({ o }) => o.slug);
  }

  async organizationShow(caller: Caller, params: Params) {
    const id = requiredText(params, 'id');
    const organization = UUID.test(id) ? (await this.organizations.findByIds([id]))[0] : await this.organizations.getBySlug(id).catch(() => undefined);
    if (!organization) throw ckanNotFound('Organization not found');
    const count = (await this.publishedCounts()).get(organization.id) ?? 0;
    const result: Record<string, unknown> = this.organization(organization, count);
    if (bool(params, 'include_datasets', false)) {
      const found = await this.packageSearch(caller, { fq: `organization:"${organization.slug}"`, rows: 1000 });
      result.packages = found.results;
    }
    return result;
  }

  async resourceShow(caller: Caller, params: Params) {
    const id = requiredText(params, 'id');
    const { resource } = await this.resources.get(caller, id);
    const latest = (await this.resources.latestVersionsOf([resource.id])).get(resource.id);
    if (!latest) throw notFound('Resource', id);
    const siblings = (await this.resources.resourcesOf([resource.datasetId])).get(resource.datasetId) ?? [];
    return ckanResource(this.config.publicUrl, resource, latest, Math.max(0, siblings.findIndex((r) => r.id === resource.id)));
  }

  private organization(o: OrganizationEntity, packageCount: number) {
    return ckanOrganization(o, {
      display_name: o.name,
      image_display_url: '',
      package_count: packageCount,
      num_followers: 0,
      users: [],
      extras: [],
      groups: [],
      tags: [],
    });
  }

  private async publishedCounts(): Promise<Map<string, number>> {
    const rows: Array<{ id: string; n: number }> = await this.db.query(
      `SELECT organization_id AS id, count(*)::int AS n FROM datasets WHERE deleted_at IS NULL AND status = 'published' GROUP BY 1`,
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  /** Organizations, tags, themes and resources of a page of datasets, in a fixed number of queries. */
  private async parts(datasets: DatasetEntity[]): Promise<PackageParts[]> {
    const ids = datasets.map((d) => d.id);
    const [organizations, tags, themes, resources] = await Promise.all([
      this.organizations.findByIds([...new Set(datasets.map((d) => d.organizationId))]),
      this.tagsOf(ids),
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

  /** Tags with their ids, which CKAN's tag objects carry. */
  private async tagsOf(datasetIds: string[]): Promise<Map<string, CkanTag[]>> {
    const rows: Array<{ dataset_id: string; id: string; name: string }> = await this.db.query(
      `SELECT dt.dataset_id, t.id, t.name FROM dataset_tags dt JOIN tags t ON t.id = dt.tag_id
       WHERE dt.dataset_id = ANY($1::uuid[]) ORDER BY dt.position`,
      [datasetIds],
    );
    const grouped = new Map<string, CkanTag[]>();
    for (const r of rows) grouped.set(r.dataset_id, [...(grouped.get(r.dataset_id) ?? []), { id: r.id, name: r.name }]);
    return grouped;
  }
}

/** CKAN's `sort` ("score desc, metadata_modified desc"): the first key decides, as the catalogue sorts by one. */
function sortOf(sort: string | null, hasText: boolean) {
  const label = sort?.trim() || (hasText ? 'score desc, metadata_modified desc' : 'metadata_modified desc');
  const [key, dir = 'asc'] = label.split(',')[0].trim().split(/\s+/);
  const field = SORT_FIELDS[key as keyof typeof SORT_FIELDS];
  const direction = dir.toUpperCase();
  if (!field || (direction !== 'ASC' && direction !== 'DESC')) {
    throw ckanValidation({ sort: `支持的排序 / supported: score, metadata_modified, title_string, name with asc or desc` });
  }
  // Without words to rank by, relevance means the newest first (as CKAN's score ties fall back to it).
  return { label, field: field === 'RELEVANCE' && !hasText ? 'MODIFIED' : field, direction: field === 'RELEVANCE' && !hasText ? 'DESC' : direction } as const;
}
