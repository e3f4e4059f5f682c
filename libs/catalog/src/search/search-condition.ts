import type { DatasetSearchFilter } from './search-filter';

/** Where a phrase is looked for: the title (or English title), the description (or English one), a tag, the publisher's name. */
export type PhraseField = 'title' | 'description' | 'tag' | 'organization';

/**
 * A boolean combination of catalogue searches, for clients that send boolean queries (the CKAN API's q and fq).
 * Leaves:
 * - `words`: the catalogue's own word search, exactly as the `search` text of a request;
 * - `phrase`: the phrase occurs in one of the fields (case and width ignored: NFKC, lower case);
 * - `filter`: the catalogue's filter (organizations, tags, themes, formats, statuses ...);
 * - `slug`: the dataset's slug is this one, or starts with it.
 * `all` of nothing matches everything, `any` of nothing matches nothing. The search engine evaluates it
 * (`condition-evaluator.ts`).
 */
export type SearchCondition =
  | { words: string }
  | { phrase: string; fields: PhraseField[] }
  | { filter: DatasetSearchFilter }
  | { slug: string; prefix?: boolean }
  | { all: SearchCondition[] }
  | { any: SearchCondition[] }
  | { not: SearchCondition };

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
