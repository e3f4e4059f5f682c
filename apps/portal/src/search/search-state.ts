import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { DatasetFilter, DatasetOrderField, OpenAttribute, PriorityDomain } from '../gql/graphql';

/** Everything a search page shows, as the URL holds it: the URL is the state, so a result page can be shared. */
export interface SearchState {
  q: string;
  organization: string[];
  theme: string[];
  tag: string[];
  format: string[];
  open: OpenAttribute[];
  domain: PriorityDomain[];
  sort: SortKey;
  after: string;
}

export type SortKey = 'relevance' | 'modified' | 'issued' | 'downloads' | 'title';
export const SORT_KEYS: SortKey[] = ['relevance', 'modified', 'issued', 'downloads', 'title'];
export type FacetName = 'organization' | 'theme' | 'tag' | 'format' | 'open' | 'domain';

const SORT_FIELDS: Record<SortKey, DatasetOrderField> = {
  relevance: 'RELEVANCE',
  modified: 'MODIFIED',
  issued: 'ISSUED',
  downloads: 'DOWNLOADS',
  title: 'TITLE',
};
const OPEN: OpenAttribute[] = ['UNCONDITIONAL', 'CONDITIONAL', 'NOT_OPEN'];
const DOMAINS: PriorityDomain[] = ['LIVELIHOOD', 'PUBLIC_SERVICE', 'MARKET_REGULATION'];

function list(value: LocationQuery[string]): string[] {
  const values = Array.isArray(value) ? value : value ? [value] : [];
  return [...new Set(values.filter((item): item is string => typeof item === 'string' && item.length > 0))];
}

function text(value: LocationQuery[string]): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** Reads the URL; unknown values are dropped rather than sent to the API. */
export function parseSearchState(query: LocationQuery): SearchState {
  const q = text(query.q).trim();
  const sort = text(query.sort) as SortKey;
  return {
    q,
    organization: list(query.organization),
    theme: list(query.theme),
    tag: list(query.tag),
    format: list(query.format),
    open: list(query.open).filter((value): value is OpenAttribute => OPEN.includes(value as OpenAttribute)),
    domain: list(query.domain).filter((value): value is PriorityDomain => DOMAINS.includes(value as PriorityDomain)),
    sort: SORT_KEYS.includes(sort) ? sort : defaultSort(q),
    after: text(query.after),
  };
}

export function defaultSort(q: string): SortKey {
  return q ? 'relevance' : 'modified';
}

/** The URL of a state, defaults left out, so equal states have equal URLs. */
export function searchQuery(state: SearchState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.q) query.q = state.q;
  for (const name of ['organization', 'theme', 'tag', 'format', 'open', 'domain'] as const) {
    if (state[name].length) query[name] = [...state[name]];
  }
  if (state.sort !== defaultSort(state.q)) query.sort = state.sort;
  if (state.after) query.after = state.after;
  return query;
}

export function hasFilters(state: SearchState): boolean {
  return ['organization', 'theme', 'tag', 'format', 'open', 'domain'].some((name) => state[name as FacetName].length > 0);
}

/** The API's variables for a state. */
export function searchVariables(state: SearchState, pageSize: number) {
  const filter: DatasetFilter = {};
  if (state.organization.length) filter.organization = state.organization;
  if (state.theme.length) filter.theme = state.theme;
  if (state.tag.length) filter.tag = state.tag;
  if (state.format.length) filter.format = state.format;
  if (state.open.length) filter.openAttribute = state.open;
  if (state.domain.length) filter.priorityDomain = state.domain;
  return {
    search: state.q || null,
    filter,
    orderBy: { field: SORT_FIELDS[state.sort] },
    first: pageSize,
    after: state.after || null,
  };
}

/** Splits a text into parts to mark (the search's highlight terms), longest terms first, without HTML. */
export function highlight(text: string, terms: readonly string[]): { text: string; hit: boolean }[] {
  const usable = [...new Set(terms.map((term) => term.trim()).filter((term) => term.length > 0))].sort((a, b) => b.length - a.length);
  if (!usable.length || !text) return [{ text, hit: false }];
  const pattern = new RegExp(`(${usable.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi');
  return text
    .split(pattern)
    .filter((part) => part.length > 0)
    .map((part) => ({ text: part, hit: usable.some((term) => term.toLowerCase() === part.toLowerCase()) }));
}
