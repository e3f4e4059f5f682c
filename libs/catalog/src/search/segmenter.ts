import { DOMAIN_TERMS } from './domain-dictionary';

/**
 * Chinese word segmentation for search: ICU's word segmenter (Intl.Segmenter) plus a domain dictionary. The
 * index and the query must be segmented by the same code (re-index after changing either).
 *
 * - Index side: every segment, plus every dictionary term spanning consecutive segments, so that 住房公积金 is
 *   found by 住房, 公积金 and 住房公积金.
 * - Query side: the longest dictionary term wins (公积金 stays whole), and function words are dropped.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const dictionary = new Set(DOMAIN_TERMS.map(normalize));
const longestTermChars = Math.max(...DOMAIN_TERMS.map((t) => t.length));

const QUERY_STOPWORDS = new Set(['的', '了', '和', '与', '及', '或', '在', '是', '等', '之', '对', '于', '其', 'the', 'and', 'of', 'a', 'an', 'in', 'for', 'to', 'on']);

/** NFKC folds full-width letters and digits (ＰＭ２．５) to their ordinary forms. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function segments(text: string): string[] {
  const words: string[] = [];
  for (const part of segmenter.segment(normalize(text))) {
    if (part.isWordLike) words.push(part.segment);
  }
  return words;
}

/** Dictionary terms made of segments[start..end], for every end; shortest first. */
function termsStartingAt(words: string[], start: number): Array<{ term: string; end: number }> {
  const found: Array<{ term: string; end: number }> = [];
  let joined = words[start];
  for (let end = start + 1; end < words.length && joined.length < longestTermChars; end++) {
    joined += words[end];
    if (dictionary.has(joined)) found.push({ term: joined, end });
  }
  return found;
}

/** Tokens to index for a text: all segments and all dictionary terms they form. */
export function indexTokens(text: string): string[] {
  const words = segments(text);
  const tokens = [...words];
  for (let start = 0; start < words.length; start++) {
    for (const { term } of termsStartingAt(words, start)) tokens.push(term);
  }
  return tokens;
}

/** Tokens of a search query: greedy longest dictionary match, without function words. */
export function queryTokens(text: string): string[] {
  const words = segments(text);
  const tokens: string[] = [];
  for (let start = 0; start < words.length; start++) {
    const terms = termsStartingAt(words, start);
    const longest = terms[terms.length - 1];
    if (longest) {
      tokens.push(longest.term);
      start = longest.end;
    } else if (!QUERY_STOPWORDS.has(words[start])) {
      tokens.push(words[start]);
    }
  }
  return [...new Set(tokens)];
}
