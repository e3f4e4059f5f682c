import { DatasetStatus, OpenAttribute, PriorityDomain } from '../metadata/vocabularies';

/** Facet filters of a catalogue search; a boolean search (search-condition.ts) uses them as one of its leaves. */
export interface DatasetSearchFilter {
  organizations?: string[];
  themes?: string[];
  tags?: string[];
  formats?: string[];
  openAttributes?: OpenAttribute[];
  priorityDomains?: PriorityDomain[];
  statuses?: DatasetStatus[];
}
