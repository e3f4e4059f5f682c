import { DATASET_STATUSES, DatasetStatus, PhraseField, SearchCondition } from '@opendata/catalog';
import { message } from '@opendata/common';
import { ckanValidation } from './ckan-envelope';
import { ckanPrivate, ckanState } from './ckan-shapes';
import { QueryNode, SolrQueryError, parseSolrQuery, valuesOf } from './solr-query';

/**
 * CKAN's `q`, `fq` and `fq_list` as one catalogue search condition. What each field of CKAN's search index means
 * here (anything else is refused, naming the field):
 * - free words and `text:` — the catalogue's word search (words side by side form one search: all must match);
 * - a quoted phrase without field — the phrase in the title, description, a tag or the publisher's name;
 * - `title:` / `notes:` — the value (word or quoted phrase) occurs in the title / the description
 *   (Chinese or English), ignoring case and full-width forms;
 * - `name:` — the slug is the value; `name:abc*` — the slug starts with abc;
 * - `tags:`, `organization:` (slug), `owner_org:` (id), `groups:` (theme code), `res_format:` (any case) —
 *   exact values, as the catalogue filters;
 * - `capacity:public|private`, `state:active|draft`, `dataset_type:` / `type:` — as the package dicts show them.
 */
export interface CkanQueryInput {
  q: string | null;
  fq: string | null;
  fqList: string[];
}

const EVERY_PHRASE_FIELD: PhraseField[] = ['title', 'description', 'tag', 'organization'];
const NOTHING: SearchCondition = { any: [] };
const EVERYTHING: SearchCondition = { all: [] };

type FieldReader = (value: string) => SearchCondition;

/** Reads the query parameters into their trees, refusing unsupported syntax with a 409 naming the parameter. */
export function parseCkanQueries(input: CkanQueryInput): Array<{ param: string; tree: QueryNode }> {
  const sources: Array<[string, string | null]> = [['q', input.q], ['fq', input.fq], ...input.fqList.map((f): [string, string] => ['fq_list', f])];
  return sources.flatMap(([param, source]) => {
    if (source === null || !source.trim() || source.trim() === '""' || source.trim() === "''") return [];
    try {
      return [{ param, tree: parseSolrQuery(source) }];
    } catch (error) {
      if (error instanceof SolrQueryError) throw ckanValidation({ [param]: error.message });
      throw error;
    }
  });
}

/** The organization ids that `owner_org:` terms name, to be looked up before translating. */
export function ownerOrgIds(trees: Array<{ tree: QueryNode }>): string[] {
  return [...new Set(trees.flatMap(({ tree }) => valuesOf(tree, 'owner_org')))];
}

/**
 * The catalogue condition of the parsed queries, all ANDed (Solr filters q by every fq). `organizationSlugs`
 * maps the ids of owner_org: terms to slugs (an id not in it matches nothing).
 */
export function toSearchCondition(trees: Array<{ param: string; tree: QueryNode }>, organizationSlugs: Map<string, string>): SearchCondition | null {
  if (trees.length === 0) return null;
  const fields = fieldReaders(organizationSlugs);
  const conditions = trees.map(({ param, tree }) => translate(tree, fields, param));
  return conditions.length === 1 ? conditions[0] : { all: conditions };
}

function translate(node: QueryNode, fields: Record<string, FieldReader>, param: string): SearchCondition {
  switch (node.kind) {
    case 'everything':
      return EVERYTHING;
    case 'not':
      return { not: translate(node.item, fields, param) };
    case 'or':
      return node.items.some((n) => n.kind === 'everything') ? EVERYTHING : { any: node.items.map((n) => translate(n, fields, param)) };
    case 'and':
      return translateAnd(node.items, fields, param);
    case 'term':
      return translateTerm(node, fields, param);
  }
}

/** Free words side by side are one catalogue search (every word must match), as a plain search of them would be. */
function translateAnd(items: QueryNode[], fields: Record<string, FieldReader>, param: string): SearchCondition {
  const isFreeWord = (n: QueryNode) => n.kind === 'term' && (n.field === null || n.field === 'text') && !n.quoted && !n.prefix;
  const words = items.filter(isFreeWord).map((n) => (n as Extract<QueryNode, { kind: 'term' }>).value);
  const rest = items.filter((n) => !isFreeWord(n) && n.kind !== 'everything').map((n) => translate(n, fields, param));
  const all = words.length ? [{ words: words.join(' ') }, ...rest] : rest;
  return all.length === 1 ? all[0] : { all };
}

function translateTerm(term: Extract<QueryNode, { kind: 'term' }>, fields: Record<string, FieldReader>, param: string): SearchCondition {
  const field = term.field ?? 'text';
  if (term.prefix && field !== 'name') {
    throw ckanValidation({ [param]: message('ckan.prefixOnName', { term: `${term.field ?? ''}${term.field ? ':' : ''}${term.value}*` }) });
  }
  if (field === 'name') return { slug: term.value, prefix: term.prefix };
  if (field === 'text') return term.quoted ? { phrase: term.value, fields: EVERY_PHRASE_FIELD } : { words: term.value };
  const read = Object.hasOwn(fields, field) ? fields[field] : undefined;
  if (!read) throw ckanValidation({ [param]: message('ckan.searchField', { field }) });
  return read(term.value);
}

function fieldReaders(organizationSlugs: Map<string, string>): Record<string, FieldReader> {
  const statuses = (keep: (s: DatasetStatus) => boolean): SearchCondition => {
    const matching = DATASET_STATUSES.filter(keep);
    return matching.length ? { filter: { statuses: [...matching] } } : NOTHING;
  };
  return {
    title: (v) => ({ phrase: v, fields: ['title'] }),
    notes: (v) => ({ phrase: v, fields: ['description'] }),
    tags: (v) => ({ filter: { tags: [v] } }),
    organization: (v) => ({ filter: { organizations: [v] } }),
    owner_org: (v) => {
      const slug = organizationSlugs.get(v);
      return slug ? { filter: { organizations: [slug] } } : NOTHING;
    },
    res_format: (v) => ({ filter: { formats: [v] } }),
    // Group names are the lower-case theme codes, as in the packages' groups.
    groups: (v) => ({ filter: { themes: [v.toUpperCase()] } }),
    capacity: (v) => statuses((s) => (v === 'private' ? ckanPrivate(s) : v === 'public' ? !ckanPrivate(s) : false)),
    state: (v) => statuses((s) => ckanState(s) === v),
    dataset_type: (v) => (v === 'dataset' ? EVERYTHING : NOTHING),
    type: (v) => (v === 'dataset' ? EVERYTHING : NOTHING),
  };
}
