import { THEMES } from '../metadata/vocabularies';
import { Visibility } from './dataset-search';
import { NO_POSITION, POSITION, SearchIndex, TAGS, TITLE } from './search-index';
import { normalize } from './segmenter';
import { Suggestion } from './suggestion';
import { isHan } from './text-analysis';

/** Title matches examined per suggestion request at most: typing 衡 must not walk the whole catalogue. */
const SCAN_LIMIT = 3000;
/** Dataset titles ranked per request, before the kinds are mixed. */
const TITLES = 40;

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
  const tags: Suggestion[] = [];
  const tagTexts = index.tagTexts;
  for (let id = 0; id < tagTexts.length && tags.length < limit; id++) {
    const text = tagTexts[id];
    const hit = texts.some((t) => t && text.includes(t)) || (english && text.split(/[^a-z0-9.]+/).some((w) => w.startsWith(prefix)));
    if (hit && tagIsVisible(index, text, id, visible)) tags.push({ kind: 'TAG', label: index.vocab.tag.values[id], key: index.vocab.tag.values[id] });
  }
  const titles = datasets.map(
    (doc): Suggestion => ({ kind: 'DATASET', label: english && startsWord(index.titlesEn[doc]) ? index.titlesEn[doc]! : index.titles[doc], key: slugOf(index, doc) }),
  );
  return mix(limit, [titles, Math.ceil(limit / 2)], [organizations, 2], [tags, 2], [themes, 1]);
}

/** Visible datasets whose title holds one of the texts (or an English word starting with `word`), best first. */
function visibleTo(index: SearchIndex, visibility: Visibility): (doc: number) => boolean {
  const members = new Uint8Array(Math.max(1, index.vocab.organization.size));
  for (const id of visibility.organizationIds) {
    const n = index.vocab.organization.find(id);
    if (n !== undefined) members[n] = 1;
  }
  return (doc) => index.live[doc] === 1 && (visibility.allUnpublished || index.status[doc] === 0 || members[index.organization[doc]] === 1);
}

/** Whether some dataset the caller may see carries the tag (so that drafts' tags are not suggested to the public). */
function tagIsVisible(index: SearchIndex, text: string, id: number, visible: (doc: number) => boolean): boolean {
  const posting = index.posting(isHan(text[0]) ? text.slice(0, 2) : (text.match(/[a-z0-9]+/)?.[0] ?? ''));
  if (!posting) return false;
  for (let i = 0; i < posting.size && i < SCAN_LIMIT * 10; i++) {
    const doc = posting.data[i] >> 4;
    if (posting.data[i] & TAGS && index.tags.includes(doc, id) && visible(doc)) return true;
  }
  return false;
}

/**
 * The best visible titles holding one of the texts (earlier in the title first, then the most downloaded, then
 * the newest), or for English an indexed word starting with `word` (English titles holding the whole prefix
 * first). A bounded list of typed values: no object per candidate.
 */
function matchingTitles(index: SearchIndex, texts: string[], word: string | null, visible: (doc: number) => boolean): number[] {
  const best = new BestDocs(TITLES);
  const rank = (doc: number, position: number) => position * 1e13 - index.downloads[doc] * 1e9 - index.modified[doc] / 1e3;
  const consider = (term: string, budget: number, check: (doc: number, position: number) => number) => {
    const posting = index.posting(term);
    if (!posting) return;
    for (let i = 0; i < posting.size && budget > 0; i++) {
      const doc = posting.data[i] >> 4;
      if (!(posting.data[i] & TITLE) || !visible(doc)) continue;
      budget--;
      const position = check(doc, posting.titleAt[i]);
      if (position >= 0) best.offer(doc, rank(doc, position));
    }
  };
  for (const text of texts.filter(Boolean)) {
    // One or two characters: the posting holds where they first occur in the title; longer texts are read.
    const short = text.length <= 2 && isHan(text);
    consider(text.slice(0, 2), SCAN_LIMIT, (doc, at) => (short && at !== NO_POSITION ? at & POSITION : index.titlePosition(doc, text)));
  }
  if (word) {
    const terms = asciiTermsStartingWith(index, word);
    for (const term of terms) consider(term, SCAN_LIMIT / terms.length, (doc) => (index.titlesEn[doc]?.toLowerCase().includes(word) ? 0 : 1));
  }
  return best.docs();
}

/** The documents of lowest rank offered, at most `size`, each once. */
class BestDocs {
  private readonly ranks: number[] = [];
  private readonly list: number[] = [];

  constructor(private readonly size: number) {}

  offer(doc: number, rank: number): void {
    const at = this.list.indexOf(doc);
    if (at >= 0) {
      if (this.ranks[at] <= rank) return;
      this.list.splice(at, 1);
      this.ranks.splice(at, 1);
    }
    if (this.list.length === this.size && rank >= this.ranks[this.size - 1]) return;
    let i = this.list.length;
    while (i > 0 && this.ranks[i - 1] > rank) i--;
    this.list.splice(i, 0, doc);
    this.ranks.splice(i, 0, rank);
    if (this.list.length > this.size) {
      this.list.pop();
      this.ranks.pop();
    }
  }

  docs(): number[] {
    return this.list;
  }
}

function asciiTermsStartingWith(index: SearchIndex, word: string): string[] {
  const first = word.split(' ')[0];
  if (!/^[a-z0-9]/.test(first)) return [];
  const terms = index.asciiTerms();
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (terms[mid] < first) low = mid + 1;
    else high = mid;
  }
  const found: string[] = [];
  for (let i = low; i < terms.length && found.length < 20 && terms[i].startsWith(first); i++) found.push(terms[i]);
  return found;
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
