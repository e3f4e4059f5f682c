import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller } from '@opendata/auth';
import { FieldError, badInput } from '@opendata/common';
import { DataSource } from 'typeorm';
import { DATASET_COLUMNS, datasetFromRow } from './catalog-rows';
import { DatasetService } from './dataset.service';
import { DatasetEntity, OrganizationEntity } from './entities';
import { OrganizationService } from './organization.service';
import { OPEN_ATTRIBUTES, PRIORITY_DOMAINS, THEMES } from './metadata/vocabularies';
import { DatasetOrderField, decodeCursor } from './search/dataset-cursor';
import { CatalogueChanges } from './search/catalogue-changes';
import { DatasetOrder, DatasetSearchFilter, DatasetSearchQuery, FACET_NAMES, FacetName, Visibility, searchDatasets } from './search/dataset-search';
import { SearchCondition, conditionHasWords, conditionLeaves } from './search/search-condition';

export const MAX_PAGE_SIZE = 100;
/** Pages read by offset (API clients that page by `start`) may be larger: CKAN allows 1000 rows. */
export const MAX_OFFSET_PAGE_SIZE = 1000;
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
}

const DEFAULT_DIRECTION: Record<DatasetOrderField, 'ASC' | 'DESC'> = { RELEVANCE: 'DESC', MODIFIED: 'DESC', TITLE: 'ASC', NAME: 'ASC' };

/** Catalogue search with Relay pagination and facet counts, within what the caller may see. */
@Injectable()
export class DatasetSearchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: CatalogueChanges,
    private readonly datasets: DatasetService,
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
    const compute = () => this.compute(query);
    if (!isPublic(query.visibility) || !this.changes.cacheUsable) return compute();
    const { visibility: _public, after: position, ...rest } = query;
    const key = JSON.stringify({ ...rest, after: position ? [position.key, position.id] : null });
    return this.changes.searchCache.getOrCompute(key, compute);
  }

  private async compute(query: DatasetSearchQuery): Promise<DatasetSearchResult> {
    const page = await searchDatasets(this.db.manager, query);
    const rows = page.ids.length
      ? await this.db.query(`SELECT ${DATASET_COLUMNS} FROM datasets d WHERE d.id = ANY($1::uuid[])`, [page.ids])
      : [];
    const datasets = new Map<string, DatasetEntity>(rows.map((row: Record<string, unknown>) => [row.id as string, datasetFromRow(row)]));
    const organizationIds = [...new Set([...datasets.values()].map((d) => d.organizationId))];
    const [organizations, tags] = await Promise.all([
      this.organizations.findByIds(organizationIds),
      this.datasets.tagsOf(page.ids),
    ]);
    return {
      edges: page.ids.map((id, i) => ({ cursor: page.cursors[i], node: datasets.get(id) as DatasetEntity })),
      organizations,
      tags,
      hasNextPage: page.hasNextPage,
      hasPreviousPage: query.after !== null,
      totalCount: page.total,
      facets: page.facets ? await this.labelFacets(page.facets) : null,
    };
  }

  private async labelFacets(counts: Record<FacetName, Array<{ key: string; count: number }>>) {
    const ids = counts.organization.map((b) => b.key);
    const rows = ids.length ? await this.db.query(`SELECT o.id, o.slug, o.name FROM organizations o WHERE o.id = ANY($1::uuid[])`, [ids]) : [];
    const organizations = new Map<string, { slug: string; name: string }>(rows.map((o: { id: string; slug: string; name: string }) => [o.id, o]));
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

function checkRequest(request: DatasetSearchRequest, first: number, text: string | null): void {
  const problems: FieldError[] = [];
  const byOffset = request.offset !== undefined && request.offset !== null;
  const maxFirst = byOffset ? MAX_OFFSET_PAGE_SIZE : MAX_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > maxFirst) problems.push({ path: 'first', message: `must be between 0 and ${maxFirst}` });
  if (text && text.length > MAX_SEARCH_CHARS) problems.push({ path: 'search', message: `must be at most ${MAX_SEARCH_CHARS} characters` });
  if (byOffset && (!Number.isInteger(request.offset) || (request.offset as number) < 0)) problems.push({ path: 'offset', message: 'must be a whole number, 0 or more' });
  if (byOffset && request.after) problems.push({ path: 'after', message: 'cannot be combined with offset' });
  if (request.thenBy?.length && !byOffset) problems.push({ path: 'thenBy', message: 'needs offset paging' });
  const leaves = request.where ? conditionLeaves(request.where) : [];
  if (leaves.length > MAX_CONDITION_LEAVES) problems.push({ path: 'where', message: `at most ${MAX_CONDITION_LEAVES} terms` });
  if (leaves.some(([, value]) => value.length > MAX_SEARCH_CHARS)) problems.push({ path: 'where', message: `terms must be at most ${MAX_SEARCH_CHARS} characters` });
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
