import { indexTokens, normalize } from './segmenter';

export interface SearchSource {
  title: string;
  titleEn: string | null;
  description: string;
  descriptionEn: string | null;
  tags: string[];
  themeLabels: string[];
  organizationName: string;
  spatial: string | null;
}

/**
 * What the full-text index holds for one dataset, as space-separated tokens per weight: titles (A) above tags
 * and theme labels (B) above descriptions (C) above publisher and place (D). `text` feeds the trigram index
 * used for substring matches the segmenter cannot produce.
 */
export interface SearchDocument {
  a: string;
  b: string;
  c: string;
  d: string;
  text: string;
}

const words = (...texts: Array<string | null>): string =>
  texts
    .filter((t): t is string => !!t)
    .flatMap(indexTokens)
    .join(' ');

export function searchDocument(source: SearchSource): SearchDocument {
  return {
    a: words(source.title, source.titleEn),
    b: words(...source.tags, ...source.themeLabels),
    c: words(source.description, source.descriptionEn),
    d: words(source.organizationName, source.spatial),
    text: normalize([source.title, source.titleEn, ...source.tags, source.organizationName].filter(Boolean).join(' ')),
  };
}

/** The SQL expression building the weighted tsvector from four text parameters. */
export const SEARCH_VECTOR_SQL = (a: string, b: string, c: string, d: string): string =>
  `setweight(to_tsvector('simple', ${a}), 'A') || setweight(to_tsvector('simple', ${b}), 'B') || ` +
  `setweight(to_tsvector('simple', ${c}), 'C') || setweight(to_tsvector('simple', ${d}), 'D')`;
