import type { DatasetSearchFilter } from './search-filter';
import { normalize } from './segmenter';
import { SqlParams, escapeLike } from './sql-params';

/** Where a phrase is looked for: the title (or English title), the description (or English one), a tag, the publisher's name. */
export type PhraseField = 'title' | 'description' | 'tag' | 'organization';

/**
 * A boolean combination of catalogue searches, for clients that send boolean queries (the CKAN API's q and fq).
 * Leaves:
 * - `words`: the catalogue's own word search, exactly as the `search` text of a request;
 * - `phrase`: the phrase occurs in one of the fields (case and width ignored: NFKC, lower case);
 * - `filter`: the catalogue's filter (organizations, tags, themes, formats, statuses ...);
 * - `slug`: the dataset's slug is this one, or starts with it.
 * `all` of nothing matches everything, `any` of nothing matches nothing.
 */
export type SearchCondition =
  | { words: string }
  | { phrase: string; fields: PhraseField[] }
  | { filter: DatasetSearchFilter }
  | { slug: string; prefix?: boolean }
  | { all: SearchCondition[] }
  | { any: SearchCondition[] }
  | { not: SearchCondition };

/** How the search compiles the leaves it shares with plain searches (words, filters). */
export interface LeafCompilers {
  /** The condition and the rank of a word search; null when the words leave nothing to search for (matches all). */
  words(text: string): { match: string; rank: () => string } | null;
  filter(filter: DatasetSearchFilter): string[];
}

/**
 * The SQL condition on `datasets d` of a boolean search. Word searches outside any negation add their rank to
 * `ranks`, so that relevance counts the words a dataset was found by.
 */
export function conditionSql(condition: SearchCondition, p: SqlParams, leaves: LeafCompilers, ranks: string[], negated = false): string {
  if ('words' in condition) {
    const words = leaves.words(condition.words);
    if (!words) return 'TRUE';
    if (!negated) ranks.push(words.rank());
    return words.match;
  }
  if ('phrase' in condition) return phraseSql(condition.phrase, condition.fields, p);
  if ('filter' in condition) {
    const parts = leaves.filter(condition.filter);
    return parts.length ? `(${parts.join(' AND ')})` : 'TRUE';
  }
  if ('slug' in condition) return condition.prefix ? `d.slug LIKE ${p.add(`${escapeLike(condition.slug)}%`)}` : `d.slug = ${p.add(condition.slug)}`;
  if ('not' in condition) return `NOT ${conditionSql(condition.not, p, leaves, ranks, !negated)}`;
  const [items, joiner, empty] = 'all' in condition ? [condition.all, ' AND ', 'TRUE'] : [condition.any, ' OR ', 'FALSE'];
  if (items.length === 0) return empty;
  return `(${items.map((c) => conditionSql(c, p, leaves, ranks, negated)).join(joiner)})`;
}

/** The leaves of a condition, as `[kind, text]`: for bounds on the size of a request. */
export function conditionLeaves(condition: SearchCondition): Array<['words' | 'phrase' | 'filter' | 'slug', string]> {
  if ('words' in condition) return [['words', condition.words]];
  if ('phrase' in condition) return [['phrase', condition.phrase]];
  if ('filter' in condition) return [['filter', '']];
  if ('slug' in condition) return [['slug', condition.slug]];
  if ('not' in condition) return conditionLeaves(condition.not);
  return ('all' in condition ? condition.all : condition.any).flatMap(conditionLeaves);
}

/** Whether a word search occurs outside any negation (then relevance means something). */
export function conditionHasWords(condition: SearchCondition, negated = false): boolean {
  if ('words' in condition) return !negated;
  if ('not' in condition) return conditionHasWords(condition.not, !negated);
  if ('all' in condition || 'any' in condition) return ('all' in condition ? condition.all : condition.any).some((c) => conditionHasWords(c, negated));
  return false;
}

const folded = (column: string) => `lower(normalize(${column}, NFKC))`;

const PHRASE_SQL: Record<PhraseField, (like: string) => string> = {
  title: (like) => `(${folded('d.title')} LIKE ${like} OR ${folded(`coalesce(d.title_en, '')`)} LIKE ${like})`,
  description: (like) => `(${folded('d.description')} LIKE ${like} OR ${folded(`coalesce(d.description_en, '')`)} LIKE ${like})`,
  tag: (like) => `EXISTS (SELECT 1 FROM unnest(d.facet_tags) AS tag(name) WHERE ${folded('tag.name')} LIKE ${like})`,
  organization: (like) => `EXISTS (SELECT 1 FROM organizations o WHERE o.id = d.organization_id AND ${folded('o.name')} LIKE ${like})`,
};

function phraseSql(phrase: string, fields: PhraseField[], p: SqlParams): string {
  if (fields.length === 0) return 'FALSE';
  const like = p.add(`%${escapeLike(normalize(phrase))}%`);
  return `(${fields.map((f) => PHRASE_SQL[f](like)).join(' OR ')})`;
}
