import { Injectable } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import {
  DATASET_STATUSES,
  DatasetOrder,
  DatasetOrderField,
  DatasetSearchService,
  FacetBucket,
  FacetName,
  MAX_OFFSET_PAGE_SIZE,
  OrganizationService,
  conditionHasWords,
} from '@opendata/catalog';
import { isAppError, isEntityId, message } from '@opendata/common';
import { ckanValidation } from './ckan-envelope';
import { CkanPackages } from './ckan-packages';
import { Params, bool, integer, list, refuseGiven, rejectUnknown, text } from './ckan-params';
import { ownerOrgIds, parseCkanQueries, toSearchCondition } from './ckan-query';
import { CkanPackage, ckanPrivate, ckanState } from './ckan-shapes';

/** Every parameter CKAN's package_search takes (others are a Search Query Error, as in CKAN). */
const KNOWN = new Set([
  'q', 'fq', 'fq_list', 'sort', 'rows', 'start', 'facet', 'facet.field', 'facet.limit', 'facet.mincount', 'fl',
  'include_private', 'include_drafts', 'include_deleted', 'use_default_schema', 'wt', 'qf', 'bf', 'boost', 'tie',
  'defType', 'mm', 'extras',
]);
/** Solr parameters that change how q is read or scored: the catalogue has no equivalent. */
const SOLR_TUNING = ['qf', 'bf', 'boost', 'tie', 'defType', 'mm'];

/** CKAN facet fields and the catalogue facets they are counted by. */
const FACETS: Record<string, FacetName> = { organization: 'organization', tags: 'tag', res_format: 'format', groups: 'theme' };
/** CKAN sort fields and the catalogue orderings that honour them (title_string is the title as one string). */
const SORT_FIELDS: Record<string, DatasetOrderField> = { score: 'RELEVANCE', metadata_modified: 'MODIFIED', title_string: 'TITLE', name: 'NAME' };
const DEFAULT_SORT = 'score desc, metadata_modified desc';

/** Fields `fl` may ask for, with the value CKAN's search index stores for them. */
const FL_FIELDS: Record<string, (p: CkanPackage) => unknown> = {
  ...Object.fromEntries(
    ['id', 'name', 'title', 'notes', 'url', 'version', 'state', 'license_id', 'owner_org', 'author', 'author_email', 'maintainer', 'maintainer_email', 'num_tags', 'num_resources'].map((f) => [
      f,
      (p: CkanPackage) => p[f as keyof CkanPackage],
    ]),
  ),
  title_string: (p) => p.title,
  dataset_type: (p) => p.type,
  capacity: (p) => (p.private ? 'private' : 'public'),
  organization: (p) => p.organization.name,
  tags: (p) => p.tags.map((t) => t.name),
  groups: (p) => p.groups.map((g) => g.name),
  res_format: (p) => p.resources.map((r) => r.format),
  metadata_created: (p) => solrDate(p.metadata_created),
  metadata_modified: (p) => solrDate(p.metadata_modified),
};

type SearchFacets = Record<string, { title: string; items: Array<{ name: string; display_name: string; count: number }> }>;

/** package_search over the catalogue search: one statement gives the page, the exact count and the facets. */
@Injectable()
export class CkanPackageSearch {
  constructor(
    private readonly search: DatasetSearchService,
    private readonly organizations: OrganizationService,
    private readonly packages: CkanPackages,
  ) {}

  async run(caller: Caller, params: Params) {
    rejectUnknown(params, KNOWN, 'search-query');
    refuseOptions(params);
    const rows = integer(params, 'rows', 10, 0, MAX_OFFSET_PAGE_SIZE);
    const start = integer(params, 'start', 0, 0, 1_000_000);
    const trees = parseCkanQueries({ q: text(params, 'q'), fq: text(params, 'fq'), fqList: filterList(params) });
    const ownerIds = ownerOrgIds(trees);
    const owners = ownerIds.length ? await this.organizations.findByIds(ownerIds.filter(isEntityId)) : [];
    const where = toSearchCondition(trees, new Map(owners.map((o) => [o.id, o.slug])));
    const sort = sortOf(text(params, 'sort'), where ? conditionHasWords(where) : false);
    const facets = facetsOf(params);
    const fl = fieldsOf(params);

    const result = await this.search.search(caller, {
      where,
      filter: { statuses: visibleStatuses(params) },
      orderBy: sort.order,
      thenBy: sort.thenBy,
      first: rows,
      offset: start,
      withTotal: true,
      facets: facets ? [...new Set(facets.fields.map((f) => FACETS[f]))] : [],
      facetLimit: facets?.limit,
    }).catch((error: unknown) => {
      // The catalogue bounds a boolean search (terms, their length); the client wrote it as q and fq.
      const bound = isAppError(error) ? error.details?.fields?.find((f) => f.path === 'where') : undefined;
      throw bound ? ckanValidation({ [trees.map((x) => x.param).join('/')]: `${message('ckan.queryTooLarge')}: ${bound.message}` }) : error;
    });
    const packages = await this.packages.of(result.edges.map((e) => e.node));
    const searchFacets = facets && result.facets ? facetsAnswer(facets, result.facets) : {};
    return {
      count: result.totalCount ?? 0,
      sort: sort.label,
      facets: Object.fromEntries(Object.entries(searchFacets).map(([f, v]) => [f, Object.fromEntries(v.items.map((i) => [i.name, i.count]))])),
      results: fl ? packages.map((p) => Object.fromEntries(fl.map((f) => [f, FL_FIELDS[f](p)]))) : packages,
      search_facets: searchFacets,
    };
  }
}

function refuseOptions(params: Params): void {
  refuseGiven(params, SOLR_TUNING, 'ckan.solrParam');
  if ((text(params, 'wt') ?? 'json') !== 'json') throw ckanValidation({ wt: message('ckan.jsonOnly') });
  if (bool(params, 'include_deleted', false)) throw ckanValidation({ include_deleted: message('ckan.noDeleted') });
  bool(params, 'use_default_schema', false); // there is one schema: the flag changes nothing, but must be a boolean
  const extras = params.extras;
  if (extras !== undefined && extras !== null && !(typeof extras === 'object' && Object.keys(extras).length === 0)) {
    throw ckanValidation({ extras: message('ckan.noExtras') });
  }
}

/**
 * The statuses a search may return, as CKAN reads include_private and include_drafts: private datasets (not
 * published) only with include_private; drafts (state "draft", which are private too) only with both. Who may
 * see which unpublished dataset is then the catalogue's rule (members see their organization's).
 */
function visibleStatuses(params: Params) {
  const includePrivate = bool(params, 'include_private', false);
  const includeDrafts = bool(params, 'include_drafts', false);
  return DATASET_STATUSES.filter((s) => (ckanState(s) === 'active' || includeDrafts) && (!ckanPrivate(s) || includePrivate));
}

/**
 * CKAN's `sort`: comma-separated "field asc|desc" keys, each breaking the ties of the previous ones (the
 * dataset id breaks the last ties). Without free words every score is equal, so score keys give way to the next.
 */
export function sortOf(sort: string | null, hasWords: boolean): { label: string; order: DatasetOrder; thenBy: DatasetOrder[] } {
  const label = sort?.trim() && sort.trim() !== 'rank' ? sort.trim() : DEFAULT_SORT;
  const keys = label.split(',').map((part): DatasetOrder => {
    const match = /^\s*([A-Za-z_]+)\s+(asc|desc)\s*$/i.exec(part);
    if (!match) throw ckanValidation({ sort: message('ckan.sortShape', { sort: part.trim() }) });
    const field = SORT_FIELDS[match[1]];
    if (!field) throw ckanValidation({ sort: message('ckan.sortField', { field: match[1] }) });
    return { field, direction: match[2].toUpperCase() as 'ASC' | 'DESC' };
  });
  const effective = hasWords ? keys : keys.filter((k) => k.field !== 'RELEVANCE');
  if (effective.length === 0) effective.push({ field: 'MODIFIED', direction: 'DESC' });
  return { label, order: effective[0], thenBy: effective.slice(1) };
}

/** facet, facet.field, facet.limit (negative: all) and facet.mincount (at least 1: empty buckets are never counted). */
function facetsOf(params: Params): { fields: string[]; limit: number | null; mincount: number } | null {
  if (!bool(params, 'facet', true)) return null;
  const fields = list(params, 'facet.field') ?? [];
  const unknown = fields.filter((f) => !Object.hasOwn(FACETS, f));
  if (unknown.length) throw ckanValidation({ 'facet.field': message('ckan.facetFields', { fields: unknown.join(', '), supported: Object.keys(FACETS).join(', ') }) });
  const limit = integer(params, 'facet.limit', 50, -1_000_000, 1_000_000);
  const mincount = integer(params, 'facet.mincount', 1, 1, 1_000_000);
  return fields.length ? { fields, limit: limit < 0 ? null : limit, mincount } : null;
}

/** search_facets as CKAN builds them: the top buckets by count, then listed by display name, descending. */
function facetsAnswer(wanted: { fields: string[]; mincount: number }, counted: Record<FacetName, FacetBucket[]>): SearchFacets {
  const answer: SearchFacets = {};
  for (const field of wanted.fields) {
    const items = counted[FACETS[field]]
      .filter((b) => b.count >= wanted.mincount)
      .map((b) => ({ name: field === 'groups' ? b.key.toLowerCase() : b.key, display_name: b.label, count: b.count }))
      .sort((a, b) => (a.display_name < b.display_name ? 1 : a.display_name > b.display_name ? -1 : 0));
    answer[field] = { title: field, items };
  }
  return answer;
}

/** fq_list: a list of filter queries (a single string counts as a list of one). */
function filterList(params: Params): string[] {
  const raw = params.fq_list;
  if (typeof raw === 'string' && !raw.trim().startsWith('[')) return raw.trim() ? [raw] : [];
  return list(params, 'fq_list') ?? [];
}

/** `fl`: a list, or names separated by commas or spaces (as Solr reads it). */
function fieldsOf(params: Params): string[] | null {
  const fields = list(params, 'fl', /[\s,]+/);
  if (!fields) return null;
  const unknown = fields.filter((f) => !Object.hasOwn(FL_FIELDS, f));
  if (unknown.length) throw ckanValidation({ fl: message('ckan.flFields', { fields: unknown.join(', '), supported: Object.keys(FL_FIELDS).join(', ') }) });
  return fields;
}

/** Solr returns stored dates as UTC instants, milliseconds only when not zero: 2026-01-01T08:00:00.5Z is .500Z. */
function solrDate(ckanTime: string | null): string | null {
  if (!ckanTime) return null;
  return new Date(`${ckanTime.slice(0, 23)}Z`).toISOString().replace('.000Z', 'Z');
}

