import { THEMES } from '../metadata/vocabularies';
import { Visibility } from './dataset-search';
import { SearchIndex, TAGS, TITLE } from './search-index';
import { normalize } from './segmenter';
import { Suggestion } from './suggestion';
import { isHan } from './text-analysis';

/** Title matches examined per suggestion request at most: typing 衡 must not walk the whole catalogue. */
const SCAN_LIMIT = 3000;

/**
 * Completions for what is being typed: Chinese characters anywhere in a title or name, pinyin (full or
 * initials) of the catalogue's words, or the start of an English word. Datasets only the caller may see.
 */
export function suggest(index: SearchIndex, typed: string, visibility: Visibility, limit: number): Suggestion[] {
  const prefix = normalize(typed).replace(/\s+/g, ' ').trim();
  const english = !isHan(prefix);
  const texts = english ? index.pinyin.wordsStartingWith(prefix.replace(/\s/g, ''), 4) : [prefix.replace(/[^\p{Script=Han}]/gu, '')];
  const contains = (label: string | null | undefined) => !!label && texts.some((t) => t && normalize(label).includes(t));
  const startsWord = (label: string | null | undefined) => !!label && english && normalize(label).split(/[^a-z0-9.]+/).some((w) => w.startsWith(prefix));
  const matches = (label: string | null | undefined) => contains(label) || startsWord(label);

  const organizations = [...index.organizations.values()]
    .filter((o) => matches(o.name) || startsWord(o.nameEn))
    .map((o): Suggestion => ({ kind: 'ORGANIZATION', label: o.name, key: o.slug }));
  const themes = THEMES.filter((t) => index.vocab.theme.find(t.code) !== undefined && (matches(t.labelZh) || startsWord(t.labelEn))).map(
    (t): Suggestion => ({ kind: 'THEME', label: t.labelZh, key: t.code }),
  );
  const visible = visibleTo(index, visibility);
  const datasets = matchingTitles(index, texts, english ? prefix : null, visible);
  const tags = index.vocab.tag.values
    .map((tag, id) => ({ tag, id }))
    .filter(({ tag, id }) => matches(tag) && tagIsVisible(index, tag, id, visible))
    .slice(0, limit)
    .map(({ tag }): Suggestion => ({ kind: 'TAG', label: tag, key: tag }));
  const titles = datasets.map(
    (doc): Suggestion => ({ kind: 'DATASET', label: english && startsWord(index.titlesEn[doc]) ? index.titlesEn[doc]! : index.titles[doc], key: slugOf(index, doc) }),
  );
  return mix(limit, [titles, Math.ceil(limit / 2)], [organizations, 2], [tags, 2], [themes, 1]);
}

/** Visible datasets whose title holds one of the texts (or an English word starting with `word`), best first. */
function visibleTo(index: SearchIndex, visibility: Visibility): (doc: number) => boolean {
  const members = new Set(visibility.organizationIds.map((id) => index.vocab.organization.find(id)));
  return (doc) => index.live[doc] === 1 && (visibility.allUnpublished || index.status[doc] === 0 || members.has(index.organization[doc]));
}

/** Whether some dataset the caller may see carries the tag (so that drafts' tags are not suggested to the public). */
function tagIsVisible(index: SearchIndex, tag: string, id: number, visible: (doc: number) => boolean): boolean {
  const text = normalize(tag);
  const posting = index.postings.get(isHan(text[0]) ? text.slice(0, 2) : (text.match(/[a-z0-9]+/)?.[0] ?? ''));
  if (!posting) return false;
  for (let i = 0; i < posting.size && i < SCAN_LIMIT * 10; i++) {
    const doc = posting.data[i] >> 4;
    if (posting.data[i] & TAGS && index.tags[doc].includes(id) && visible(doc)) return true;
  }
  return false;
}

function matchingTitles(index: SearchIndex, texts: string[], word: string | null, visible: (doc: number) => boolean): number[] {
  const ranked: Array<{ doc: number; rank: number }> = [];
  const consider = (term: string, check: (doc: number) => number) => {
    const posting = index.postings.get(term);
    if (!posting) return;
    for (let i = 0, scanned = 0; i < posting.size && scanned < SCAN_LIMIT; i++) {
      const doc = posting.data[i] >> 4;
      if (!(posting.data[i] & TITLE) || !visible(doc)) continue;
      scanned++;
      const position = check(doc);
      if (position >= 0) ranked.push({ doc, rank: position * 1e13 - index.downloads[doc] * 1e9 - index.modified[doc] / 1e3 });
    }
  };
  for (const text of texts.filter(Boolean)) consider(text.slice(0, 2), (doc) => index.titlePosition(doc, text));
  if (word) {
    for (const term of asciiTermsStartingWith(index, word)) consider(term, (doc) => (normalize(index.titlesEn[doc] ?? '').includes(word) ? 0 : 1));
  }
  ranked.sort((a, b) => a.rank - b.rank);
  return [...new Set(ranked.map((r) => r.doc))].slice(0, 40);
}

function asciiTermsStartingWith(index: SearchIndex, word: string): string[] {
  const first = word.split(' ')[0];
  if (!/^[a-z0-9]/.test(first)) return [];
  return index.asciiTerms().filter((t) => t.startsWith(first)).slice(0, 20);
}

function slugOf(index: SearchIndex, doc: number): string {
  return index.slugs[doc];
}

/** Up to `limit` suggestions, each kind first up to its share, then whatever is left in order. */
function mix(limit: number, ...kinds: Array<[Suggestion[], number]>): Suggestion[] {
  const chosen = kinds.flatMap(([list, share]) => list.slice(0, share));
  const rest = kinds.flatMap(([list, share]) => list.slice(share));
  const seen = new Set<string>();
  return [...chosen, ...rest].filter((s) => !seen.has(`${s.kind}:${s.key}`) && seen.add(`${s.kind}:${s.key}`)).slice(0, limit);
}
