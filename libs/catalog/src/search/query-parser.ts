import { PinyinVocabulary } from './pinyin-vocabulary';
import { normalize, queryTokens } from './segmenter';
import { SYNONYM_GROUPS } from './synonym-data';
import { foldWord, isHan, pieces } from './text-analysis';

/** One way of matching a query term: every Chinese run (as a substring) and every word must occur. */
export interface Alternative {
  han: string[];
  words: string[];
  /** 1 for what was typed, less for synonyms and pinyin readings. */
  weight: number;
  /** The Chinese text to highlight when it matched ('' for words only). */
  label: string;
}

/** A term of the query; a dataset matches the term when it matches any alternative. */
export interface QueryTerm {
  text: string;
  alternatives: Alternative[];
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** The query without spaces, for the bonus of a title containing all of it. */
  phrase: string;
}

const SYNONYM_WEIGHT = 0.8;
const PINYIN_WEIGHT = 0.75;
const ENGLISH_STOPWORDS = new Set(['the', 'and', 'of', 'a', 'an', 'in', 'for', 'to', 'on', 'data', 'dataset']);

/** Synonym groups by each of their terms (normalized; words folded as the index folds them). */
const synonyms = new Map<string, string[]>();
for (const group of SYNONYM_GROUPS) {
  const terms = group.map(termKey);
  for (const term of terms) synonyms.set(term, [...new Set([...(synonyms.get(term) ?? []), ...terms])]);
}
const longestSynonym = Math.max(...[...synonyms.keys()].map((k) => k.split(' ').length));

function termKey(text: string): string {
  const { han, words } = pieces(text);
  return han.length && !words.length ? han.join('') : normalize(text).split(/\s+/).map(foldWord).join(' ');
}

/** Every way of writing PM2.5 (pm25, PM 2.5, ＰＭ２．５, pm2。5) becomes pm2.5. */
function rewrite(text: string): string {
  return normalize(text).replace(/pm\s*2\s*[.\u3002]?\s*5(?![0-9])/g, ' pm2.5 ');
}

function alternative(text: string, weight: number): Alternative {
  const { han, words } = pieces(text);
  return { han, words, weight, label: han.join('') };
}

/** The query's tokens in order: dictionary-aware segments of Chinese runs, folded words. */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/(\p{Script=Han}+)|([a-z0-9]+(?:\.[0-9]+)*)/gu)) {
    if (match[1]) out.push(...queryTokens(match[1]));
    else if (!ENGLISH_STOPWORDS.has(match[2])) out.push(foldWord(match[2]));
  }
  return out;
}

/** Joins tokens as they were typed: Chinese without spaces, words with. */
function join(parts: string[]): string {
  return parts.reduce((joined, part) => (joined && !isHan(joined.at(-1)!) && !isHan(part[0]) ? `${joined} ${part}` : joined + part), '');
}

/**
 * Turns what was typed into terms: segments (dictionary terms kept whole), phrases of the synonym table
 * merged (空气 污染 -> 空气污染), each term with its synonyms; letters that are no word of the catalogue but
 * spell Chinese words in pinyin become those words.
 */
export function parseQuery(input: string, pinyinWords: PinyinVocabulary | null, isIndexedWord: (word: string) => boolean): ParsedQuery {
  const text = rewrite(input);
  const list = tokens(text);
  const terms: QueryTerm[] = [];
  for (let i = 0; i < list.length; i++) {
    let end = i + 1;
    for (let j = Math.min(list.length, i + longestSynonym + 2); j > i + 1; j--) {
      if (synonyms.has(join(list.slice(i, j)))) {
        end = j;
        break;
      }
    }
    const term = join(list.slice(i, end));
    i = end - 1;
    const pinyinTerms = !synonyms.has(term) && /^[a-z]{2,}$/.test(term) && !isIndexedWord(term) ? pinyinWords?.segment(term) : null;
    if (pinyinTerms) {
      for (const readings of pinyinTerms) terms.push({ text: readings[0] ?? term, alternatives: readings.map((w) => alternative(w, PINYIN_WEIGHT)) });
      continue;
    }
    const alternatives = [alternative(term, 1)];
    for (const synonym of synonyms.get(term) ?? []) {
      if (synonym !== term) alternatives.push(alternative(synonym, SYNONYM_WEIGHT));
    }
    terms.push({ text: term, alternatives: alternatives.filter((a) => a.han.length || a.words.length) });
  }
  return { terms: terms.filter((t) => t.alternatives.length), phrase: text.replace(/[\s\p{P}]+/gu, '') };
}
