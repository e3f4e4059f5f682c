import { Injectable } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import { FieldError, badInput } from '@opendata/common';
import { datasetFromRow } from './catalog-rows';
import { DatasetEntity, OrganizationEntity } from './entities';
import { OrganizationService } from './organization.service';
import { CatalogueIndex, IndexView } from './search/catalogue-index';
import { SearchIndexRepository } from './search/search-index.repository';
import { parseQuery } from './search/query-parser';
import { suggest } from './search/suggester';
import { OPEN_ATTRIBUTES, PRIORITY_DOMAINS, THEMES } from './metadata/vocabularies';
import { DatasetOrderField, decodeCursor } from './search/dataset-cursor';
import { CatalogueChanges } from './search/catalogue-changes';
import { Suggestion } from './search/suggestion';
import { DatasetSearchFilter, DatasetSearchQuery, FACET_NAMES, FacetName, Visibility } from './search/dataset-search';

export const MAX_PAGE_SIZE = 100;
export const MAX_SUGGESTIONS = 20;
const DEFAULT_SUGGESTIONS = 8;
export const DEFAULT_PAGE_SIZE = 20;

export interface DatasetSearchRequest {
  search?: string | null;
  filter?: DatasetSearchFilter | null;
  orderBy?: { field: DatasetOrderField; direction?: 'ASC' | 'DESC' | null } | null;
  first?: number | null;
  after?: string | null;
  withTotal: boolean;
  /** Facets to count (those the client asked for). */
  facets: readonly FacetName[];
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
  DOWNLOADS: 'DESC',
  ISSUED: 'DESC',
};

/** Catalogue search with Relay pagination and facet counts, within what the caller may see. */
@Injectable()
export class DatasetSearchService {
  constructor(
    private readonly changes: CatalogueChanges,
    private readonly catalogue: CatalogueIndex,
    private readonly repository: SearchIndexRepository,
    private readonly organizations: OrganizationService,
  ) {}

  async search(caller: Caller, request: DatasetSearchRequest): Promise<DatasetSearchResult> {
    const first = request.first ?? DEFAULT_PAGE_SIZE;
    const problems: FieldError[] = [];
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
      problems.push({ path: 'first', message: `must be between 0 and ${MAX_PAGE_SIZE}` });
    }
    const text = request.search?.trim() || null;
    if (text && text.length > 200) problems.push({ path: 'search', message: 'must be at most 200 characters' });
    if (problems.length) throw badInput(problems);

    // Relevance needs a search; without one the newest datasets come first.
    const field = request.orderBy?.field === 'RELEVANCE' && !text ? 'MODIFIED' : (request.orderBy?.field ?? (text ? 'RELEVANCE' : 'MODIFIED'));
    const direction = request.orderBy?.direction ?? DEFAULT_DIRECTION[field];
    const after = request.after ? decodeCursor(request.after, field) : null;

    const query: DatasetSearchQuery = {
      text,
      filter: request.filter ?? {},
      order: { field, direction },
      first,
      after,
      visibility: visibilityOf(caller),
      withTotal: request.withTotal,
      facets: FACET_NAMES.filter((f) => request.facets.includes(f)),
    };
    // The index is brought up to date with every committed write first; cached results are keyed by the
    // generation they were computed at (and by the age of the download counts they were ordered by).
    const view = await this.catalogue.current(field === 'DOWNLOADS');
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
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SUGGESTIONS) problems.push({ path: 'first', message: `must be between 1 and ${MAX_SUGGESTIONS}` });
    if (prefix.length > 100) problems.push({ path: 'prefix', message: 'must be at most 100 characters' });
    if (problems.length) throw badInput(problems);
    if (!prefix.trim()) return [];
    const { index } = await this.catalogue.current();
    return suggest(index, prefix, visibilityOf(caller), limit);
  }

  private async compute(query: DatasetSearchQuery, view: IndexView): Promise<DatasetSearchResult> {
    const { index, engine } = view;
    const parsed = query.text ? parseQuery(query.text, index.pinyin, (word) => index.postings.has(word)) : null;
    const page = engine.search({ ...query, parsed });
    const organizationIds = [...new Set(page.ids.map((id) => index.vocab.organization.values[index.organization[index.docNo(id)!]]))];
    const [rows, organizations] = await Promise.all([this.repository.datasetRows(page.ids), this.organizations.findByIds(organizationIds)]);
    const datasets = new Map<string, DatasetEntity>(rows.map((row) => [row.id as string, datasetFromRow(row)]));
    const tags = new Map<string, string[]>(rows.map((row) => [row.id as string, row.tag_names as string[]]));
    return {
      edges: page.ids.map((id, i) => ({ cursor: page.cursors[i], node: datasets.get(id) as DatasetEntity })),
      organizations,
      tags,
      hasNextPage: page.hasNextPage,
      hasPreviousPage: query.after !== null,
      totalCount: query.withTotal ? page.total : null,
      facets: page.facets ? this.labelFacets(page.facets, view) : null,
      relaxed: page.relaxed,
      highlightTerms: page.highlightTerms,
    };
  }

  private labelFacets(counts: Record<FacetName, Array<{ key: string; count: number }>>, view: IndexView) {
    const organizations = view.index.organizations;
    const themes = new Map(THEMES.map((t) => [t.code, t.labelZh]));
    const byLabel = (vocabulary: Record<string, string>) => new Map(Object.entries(vocabulary).map(([k, v]) => [v, k]));
    const openKeys = byLabel(OPEN_ATTRIBUTES);
    const domainKeys = byLabel(PRIORITY_DOMAINS);
    const label: Record<FacetName, (key: string) => { key: string; label: string }> = {
      organization: (id) => ({ key: organizations.get(id)?.slug ?? id, label: organizations.get(id)?.name ?? id }),
      theme: (code) => ({ key: code, label: themes.get(code) ?? code }),
      tag: (name) => ({ key: name, label: name }),
      format: (format) => ({ key: format, label: format }),
      openAttribute: (value) => ({ key: openKeys.get(value) ?? value, label: value }),
      priorityDomain: (value) => ({ key: domainKeys.get(value) ?? value, label: value }),
    };
    return Object.fromEntries(
      FACET_NAMES.map((name) => [name, counts[name].map((b) => ({ ...label[name](b.key), count: b.count }))]),
    ) as Record<FacetName, FacetBucket[]>;
  }
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
