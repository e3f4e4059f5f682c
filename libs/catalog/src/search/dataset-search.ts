import { DatasetCursor, DatasetOrderField } from './dataset-cursor';
import type { SearchCondition } from './search-condition';
import { DatasetSearchFilter } from './search-filter';

export type { DatasetSearchFilter } from './search-filter';

/** Which unpublished datasets the caller may see: all (system administrators) or those of some organizations. */
export interface Visibility {
  allUnpublished: boolean;
  organizationIds: string[];
}

export interface DatasetOrder {
  field: DatasetOrderField;
  direction: 'ASC' | 'DESC';
}

export interface DatasetSearchQuery {
  text: string | null;
  filter: DatasetSearchFilter;
  /** A boolean search, ANDed with `text` and `filter` (boolean queries of API clients). */
  where?: SearchCondition | null;
  order: DatasetOrder;
  /** Further sort keys after `order`; only with offset paging (a cursor holds one key). */
  thenBy?: DatasetOrder[];
  first: number;
  after: DatasetCursor | null;
  /** Rows to skip, for clients that page by offset; never together with `after`. */
  offset?: number;
  visibility: Visibility;
  withTotal: boolean;
  /** Facets to count; none when the query does not ask for facets. */
  facets: readonly FacetName[];
  /** Buckets per facet: absent for the default (30), null for all of them. */
  facetLimit?: number | null;
}

export const FACET_NAMES = ['organization', 'theme', 'tag', 'format', 'openAttribute', 'priorityDomain'] as const;
export type FacetName = (typeof FACET_NAMES)[number];
export type FacetCounts = Record<FacetName, Array<{ key: string; count: number }>>;
