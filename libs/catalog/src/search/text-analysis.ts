import { normalize } from './segmenter';

/**
 * The pieces search works with: runs of Chinese characters (indexed by their characters and bigrams, as
 * Lucene's CJK analyzer and pg_bigm do, so that any run of two or more characters is found), and words of
 * letters and digits (English, numbers, codes such as pm2.5).
 */
const HAN = /\p{Script=Han}/u;
const PIECES = /(\p{Script=Han}+)|([a-z0-9]+(?:\.[0-9]+)*)/gu;

export function isHan(text: string): boolean {
  return HAN.test(text);
}

export function isAllHan(text: string): boolean {
  return /^\p{Script=Han}+$/u.test(text);
}

export interface TextPieces {
  /** Runs of Chinese characters, in order. */
  han: string[];
  /** Words of letters and digits, folded (see `foldWord`). */
  words: string[];
}

/** Splits normalized text into Chinese runs and words; everything else separates. */
export function pieces(text: string): TextPieces {
  const han: string[] = [];
  const words: string[] = [];
  for (const match of normalize(text).matchAll(PIECES)) {
    if (match[1]) han.push(match[1]);
    else words.push(foldWord(match[2]));
  }
  return { han, words };
}

/** A light English stemmer on both sides of the index: plural endings only (prices -> price, facilities -> facility). */
export function foldWord(word: string): string {
  if (word.length <= 4 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** Every adjacent pair of characters of a Chinese run (空气质量 -> 空气, 气质, 质量). */
export function bigrams(run: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  return out;
}

const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Word boundaries of a normalized title as a string of flags ('1' where a word starts or ends), so that a
 * match of the whole word 水质 ranks above 水质 found inside 供水质量.
 */
export function wordBoundaries(text: string): string {
  const flags = new Array<string>(text.length + 1).fill('0');
  for (const part of wordSegmenter.segment(text)) {
    flags[part.index] = '1';
    flags[part.index + part.segment.length] = '1';
  }
  return flags.join('');
}
