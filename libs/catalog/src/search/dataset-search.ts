import { DatasetStatus, OpenAttribute, PriorityDomain } from '../metadata/vocabularies';
import { DatasetCursor, DatasetOrderField } from './dataset-cursor';

export interface DatasetSearchFilter {
  organizations?: string[];
  themes?: string[];
  tags?: string[];
  formats?: string[];
  openAttributes?: OpenAttribute[];
  priorityDomains?: PriorityDomain[];
  statuses?: DatasetStatus[];
}

/** Which unpublished datasets the caller may see: all (system administrators) or those of some organizations. */
export interface Visibility {
  allUnpublished: boolean;
  organizationIds: string[];
}

export interface DatasetSearchQuery {
  text: string | null;
  filter: DatasetSearchFilter;
  order: { field: DatasetOrderField; direction: 'ASC' | 'DESC' };
  first: number;
  after: DatasetCursor | null;
  visibility: Visibility;
  withTotal: boolean;
  /** Facets to count; none when the query does not ask for facets. */
  facets: readonly FacetName[];
}

export const FACET_NAMES = ['organization', 'theme', 'tag', 'format', 'openAttribute', 'priorityDomain'] as const;
export type FacetName = (typeof FACET_NAMES)[number];
export type FacetCounts = Record<FacetName, Array<{ key: string; count: number }>>;
