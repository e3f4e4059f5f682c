import { Injectable } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import { FieldError, badInput, fieldError } from '@opendata/common';
import { DatasetEntity, OrganizationEntity } from '../entities';
import { OrganizationService } from '../organization.service';
import { CatalogIndex, IndexView } from './catalog-index';
import { SearchIndexRepository } from './search-index.repository';
import { parseQuery } from './query-parser';
import { suggest } from './suggester';
import { OPEN_ATTRIBUTES, PRIORITY_DOMAINS, THEMES } from '../metadata/vocabularies';
import { DatasetOrderField, decodeCursor } from './dataset-cursor';
import { CatalogChanges } from './catalog-changes';
import { Suggestion } from './suggestion';
import { DatasetOrder, DatasetSearchFilter, DatasetSearchQuery, FACET_NAMES, FacetName, Visibility } from './dataset-search';
import { SearchCondition, conditionHasWords, conditionLeaves } from './search-condition';

export const MAX_PAGE_SIZE = 100;
/** Pages read by offset (API clients that page by `start`) may be larger: CKAN allows 1000 rows. */
export const MAX_OFFSET_PAGE_SIZE = 1000;
export const MAX_SUGGESTIONS = 20;
const DEFAULT_SUGGESTIONS = 8;
export const DEFAULT_PAGE_SIZE = 20;
/** Bounds on a boolean search, so that one request cannot build an unbounded statement. */
const MAX_CONDITION_LEAVES = 64;
const MAX_SEARCH_CHARS = 200;

export interface DatasetSearchRequest {
  search?: string | null;
  filter?: DatasetSearchFilter | null;
  /** A boolean search ANDed with `search` and `filter`: ORs, negations, phrases, slugs (the CKAN API's q and fq). */
  where?: SearchCondition | null;
  orderBy?: { field: DatasetOrderField; direction?: 'ASC' | 'DESC' | null } | null;
  /** Further sort keys, each breaking the ties of the previous ones; only with `offset`. */
  thenBy?: DatasetOrder[] | null;
  first?: number | null;
  after?: string | null;
  /** Page by offset instead of by cursor (not together with `after`); pages may then hold 1000 datasets. */
  offset?: number | null;
  withTotal: boolean;
  /** Facets to count (those the client asked for). */
  facets: readonly FacetName[];
  /** Buckets per facet: absent for the default (30), null for every bucket. */
  facetLimit?: number | null;
}

export interface FacetBucket {
  key: string;
  label: string;
  count: number;
}

export interface DatasetSearchResult {
  edges: Array<{ cursor: string; node: DatasetEntity }>;
  /** The page's publishers and tags, fetched with the page so that a cached page costs no further queries. */
  organizations: OrganizationEntity[];
  tags: Map<string, string[]>;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number | null;
  facets: Record<FacetName, FacetBucket[]> | null;
  /** True when no dataset matched all the terms and the results are those matching most of them. */
  relaxed: boolean;
  /** Words and phrases to highlight in titles and descriptions (Chinese characters); empty without a search. */
  highlightTerms: string[];
}

const DEFAULT_DIRECTION: Record<DatasetOrderField, 'ASC' | 'DESC'> = {
  RELEVANCE: 'DESC',
  MODIFIED: 'DESC',
  TITLE: 'ASC',
  NAME: 'ASC',
  DOWNLOADS: 'DESC',
  ISSUED: 'DESC',
};

/** Catalogue search with Relay pagination and facet counts, within what the caller may see. */
@Injectable()
export class DatasetSearchService {
  constructor(
    private readonly changes: CatalogChanges,
    private readonly catalog: CatalogIndex,
    private readonly repository: SearchIndexRepository,
    private readonly organizations: OrganizationService,
  ) {}

  async search(caller: Caller, request: DatasetSearchRequest): Promise<DatasetSearchResult> {
    const first = request.first ?? DEFAULT_PAGE_SIZE;
    const text = request.search?.trim() || null;
    checkRequest(request, first, text);

    // Relevance needs words to rank by; without them the newest datasets come first.
    const hasWords = text !== null || (request.where ? conditionHasWords(request.where) : false);
    const field = request.orderBy?.field === 'RELEVANCE' && !hasWords ? 'MODIFIED' : (request.orderBy?.field ?? (hasWords ? 'RELEVANCE' : 'MODIFIED'));
    const direction = request.orderBy?.direction ?? DEFAULT_DIRECTION[field];
    const after = request.after ? decodeCursor(request.after, field) : null;

    const query: DatasetSearchQuery = {
      text,
      filter: request.filter ?? {},
      where: request.where ?? null,
      order: { field, direction },
      thenBy: request.thenBy ?? [],
      first,
      after,
      offset: request.offset ?? 0,
      visibility: visibilityOf(caller),
      withTotal: request.withTotal,
      facets: FACET_NAMES.filter((f) => request.facets.includes(f)),
      ...(request.facetLimit !== undefined ? { facetLimit: request.facetLimit } : {}),
    };
    // The index is brought up to date with every committed write first; cached results are keyed by the
    // generation they were computed at (and by the age of the download counts they were ordered by).
    const view = await this.catalog.current(field === 'DOWNLOADS');
    const compute = () => this.compute(query, view);
    if (!isPublic(query.visibility) || !this.changes.cacheUsable) return compute();
    const { visibility: _public, after: position, ...rest } = query;
    const key = JSON.stringify({
      ...rest,
      after: position ? [position.key, position.id] : null,
      generation: view.generation,
      downloads: field === 'DOWNLOADS' ? view.downloadsReadAt : 0,
    });
    return this.changes.searchCache.getOrCompute(key, compute);
  }

  /** Dataset titles, organizations, tags and themes for what a person has typed so far. */
  async suggest(caller: Caller, prefix: string, first?: number | null): Promise<Suggestion[]> {
    const limit = first ?? DEFAULT_SUGGESTIONS;
    const problems: FieldError[] = [];
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SUGGESTIONS) problems.push(fieldError('first', 'input.between', { min: 1, max: MAX_SUGGESTIONS }));
    if (prefix.length > 100) problems.push(fieldError('prefix', 'input.maxLength', { max: 100 }));
    if (problems.length) throw badInput(problems);
    if (!prefix.trim()) return [];
    const { index } = await this.catalog.current();
    return suggest(index, prefix, visibilityOf(caller), limit);
  }

  private async compute(query: DatasetSearchQuery, view: IndexView): Promise<DatasetSearchResult> {
    const { index, engine } = view;
    const parsed = query.text ? parseQuery(query.text, index.pinyin, (word) => index.hasWord(word)) : null;
    const page = engine.search({ ...query, parsed });
    const organizationIds = [...new Set(page.docs.map((doc) => index.vocab.organization.values[index.organization[doc]]))];
    const [records, organizations] = await Promise.all([this.repository.datasetsWithTags(page.ids), this.organizations.findByIds(organizationIds)]);
    const datasets = new Map<string, DatasetEntity>(records.map((r) => [r.dataset.id, r.dataset]));
    const tags = new Map<string, string[]>(records.map((r) => [r.dataset.id, r.tags]));
    return {
      edges: page.ids.map((id, i) => ({ cursor: page.cursors[i], node: datasets.get(id) as DatasetEntity })),
      organizations,
      tags,
      hasNextPage: page.hasNextPage,
      hasPreviousPage: query.after !== null || (query.offset ?? 0) > 0,
      totalCount: query.withTotal ? page.total : null,
      facets: page.facets ? this.labelFacets(page.facets, view) : null,
      relaxed: page.relaxed,
      highlightTerms: page.highlightTerms,
    };
  }

  private labelFacets(counts: Record<FacetName, Array<{ key: string; count: number }>>, view: IndexView) {
    const organizations = view.index.organizations;
    const label: Record<FacetName, (key: string) => { key: string; label: string }> = {
      organization: (id) => ({ key: organizations.get(id)?.slug ?? id, label: organizations.get(id)?.name ?? id }),
      theme: (code) => ({ key: code, label: THEME_LABELS.get(code) ?? code }),
      tag: (name) => ({ key: name, label: name }),
      format: (format) => ({ key: format, label: format }),
      openAttribute: (value) => ({ key: OPEN_KEYS.get(value) ?? value, label: value }),
      priorityDomain: (value) => ({ key: DOMAIN_KEYS.get(value) ?? value, label: value }),
    };
    return Object.fromEntries(
      FACET_NAMES.map((name) => [name, counts[name].map((b) => ({ ...label[name](b.key), count: b.count }))]),
    ) as Record<FacetName, FacetBucket[]>;
  }
}

const THEME_LABELS = new Map(THEMES.map((t) => [t.code, t.labelZh]));
const byLabel = (vocabulary: Record<string, string>) => new Map(Object.entries(vocabulary).map(([k, v]) => [v, k]));
const OPEN_KEYS = byLabel(OPEN_ATTRIBUTES);
const DOMAIN_KEYS = byLabel(PRIORITY_DOMAINS);

function checkRequest(request: DatasetSearchRequest, first: number, text: string | null): void {
  const problems: FieldError[] = [];
  const byOffset = request.offset !== undefined && request.offset !== null;
  const maxFirst = byOffset ? MAX_OFFSET_PAGE_SIZE : MAX_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > maxFirst) problems.push(fieldError('first', 'input.between', { min: 0, max: maxFirst }));
  if (text && text.length > MAX_SEARCH_CHARS) problems.push(fieldError('search', 'input.maxLength', { max: MAX_SEARCH_CHARS }));
  if (byOffset && (!Number.isInteger(request.offset) || (request.offset as number) < 0)) problems.push(fieldError('offset', 'search.offsetWhole'));
  if (byOffset && request.after) problems.push(fieldError('after', 'search.afterWithOffset'));
  if (request.thenBy?.length && !byOffset) problems.push(fieldError('thenBy', 'search.thenByNeedsOffset'));
  const leaves = request.where ? conditionLeaves(request.where) : [];
  if (leaves.length > MAX_CONDITION_LEAVES) problems.push(fieldError('where', 'search.tooManyTerms', { max: MAX_CONDITION_LEAVES }));
  if (leaves.some(([, value]) => value.length > MAX_SEARCH_CHARS)) problems.push(fieldError('where', 'search.termTooLong', { max: MAX_SEARCH_CHARS }));
  if (problems.length) throw badInput(problems);
}

/**
 * Everyone without memberships sees the same public catalogue, so their searches share the cache; members and
 * administrators, who also see drafts, always get a fresh answer.
 */
function isPublic(visibility: Visibility): boolean {
  return !visibility.allUnpublished && visibility.organizationIds.length === 0;
}

export function visibilityOf(caller: Caller): Visibility {
  return { allUnpublished: caller.isSysadmin, organizationIds: [...caller.roles.keys()] };
}
