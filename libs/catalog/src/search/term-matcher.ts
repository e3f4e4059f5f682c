import { Alternative } from './query-parser';
import { ABSENT, BODY, NO_POSITION, OTHER, POSITION, Posting, REPEATED, SearchIndex, TAGS, TITLE, UNKNOWN, WORD_END, WORD_START, hanKey } from './search-index';

/** A requirement of an alternative: one Chinese run or one word, and the postings that find it. */
interface Requirement {
  text: string;
  han: boolean;
  /** Index in the alternative's lists of each bigram of the run, in order (one list for a word or a short run). */
  lists: number[];
  /** Tables of the tags and theme labels that are exactly this text. */
  exact: { tags: Uint8Array | null; themes: Uint8Array | null };
}

/** Where an alternative's matches go (the engine: one object, so that the calls stay monomorphic). */
export interface MatchSink {
  /** Whether the matched document passes the search's filter; records it as found by the alternative. */
  accept(doc: number): boolean;
  /** Whether the document already scored at least `bound` for this term (then scoring it again cannot matter). */
  covered(doc: number, bound: number): boolean;
  match(doc: number, score: number, titleAt: number): void;
}

/** The highest score fieldScore gives (a whole word at the start of the title, found in every field). */
const MAX_FIELD_SCORE = 1.25;

/**
 * Finds the documents matching one alternative of a query term, with how well each matches: fields (title
 * above tags above description above publisher), whole words above substrings, earlier in the title above
 * later. A Chinese run of three or more characters is looked up by its bigrams and then checked: in the title
 * by the bigrams' recorded positions (consecutive means the run is there), elsewhere in the text, so a match is
 * always the run itself (衡阳县 never matches 衡南县). `onMatch` receives the run's title position (-1: not in
 * the title) of single-run alternatives. With `candidates`, only those documents are considered. Unless
 * `scoreAll`, documents the term already scored above what this alternative could give are not scored again.
 */
export function matchAlternative(index: SearchIndex, alternative: Alternative, sink: MatchSink, candidates: Posting | null = null, scoreAll = true): void {
  const requirements: Requirement[] = [];
  const lists: Posting[] = [];
  const listOf = new Map<Posting, number>();
  const add = (posting: Posting) => {
    let at = listOf.get(posting);
    if (at === undefined) {
      at = lists.push(posting) - 1;
      listOf.set(posting, at);
    }
    return at;
  };
  for (const run of alternative.han) {
    const keys = run.length <= 2 ? [hanKey(run)] : Array.from({ length: run.length - 1 }, (_, i) => hanKey(run.slice(i, i + 2)));
    const found = keys.map((key) => index.hanPostings.get(key));
    if (found.some((p) => !p)) return;
    requirements.push({ text: run, han: true, lists: found.map((p) => add(p!)), exact: index.exactTags(run) });
  }
  for (const word of alternative.words) {
    const posting = index.wordPostings.get(word);
    if (!posting) return;
    requirements.push({ text: word, han: false, lists: [add(posting)], exact: index.exactTags(word) });
  }
  if (requirements.length === 0) return;
  // Only documents that matched the query's other terms can matter: they join the intersection as a list.
  if (candidates) lists.push(candidates);

  // The more of the query an alternative spells out, the more specific its matches (生产安全事故 over 安全生产).
  const weight = alternative.weight * (1 + 0.04 * Math.min(8, alternative.label.length));
  const bound = scoreAll ? Number.POSITIVE_INFINITY : MAX_FIELD_SCORE * weight;
  const masks = new Int32Array(lists.length);
  const titleAt = new Int32Array(lists.length);
  const bodyAt = new Int32Array(lists.length);
  const live = index.live;
  const found = new Int32Array(requirements.length);
  /** Per requirement, what titleMatch said (1 for a word in the title, -1 when not in the title). */
  const at = new Int32Array(requirements.length);
  intersect(lists, masks, titleAt, bodyAt, (doc) => {
    if (live[doc] !== 1) return;
    // First whether the document holds every requirement (the membership), then, if it can matter, how well.
    for (let r = 0; r < requirements.length; r++) {
      const requirement = requirements[r];
      const own = requirement.lists;
      let mask = 15;
      for (let i = 0; i < own.length; i++) mask &= masks[own[i]];
      at[r] = mask & TITLE ? (requirement.han ? titleMatch(index, doc, requirement.text, own, titleAt) : 1) : -1;
      if (requirement.han && requirement.text.length > 2 && at[r] < 0) {
        mask = index.fieldsOutsideTitle(doc, requirement.text, mask, mask & BODY ? aligned(own, bodyAt) : ABSENT);
      }
      if (mask === 0) return;
      found[r] = mask;
    }
    if (!sink.accept(doc) || sink.covered(doc, bound)) return;
    let score = Number.POSITIVE_INFINITY;
    for (let r = 0; r < requirements.length; r++) {
      const s = fieldScore(index, doc, requirements[r], found[r], at[r]);
      if (s < score) score = s;
    }
    sink.match(doc, score * weight, requirements.length === 1 ? at[0] >> 1 : -1);
  });
}

/** Calls `onDoc` for each of the candidates whose title holds the Chinese run (positions first, as the matcher does). */
export function titlesHolding(index: SearchIndex, run: string, candidates: Posting, onDoc: (doc: number) => void): void {
  const keys = run.length <= 2 ? [hanKey(run)] : Array.from({ length: run.length - 1 }, (_, i) => hanKey(run.slice(i, i + 2)));
  const lists: Posting[] = [];
  const own: number[] = [];
  for (const key of keys) {
    const posting = index.hanPostings.get(key);
    if (!posting) return;
    let at = lists.indexOf(posting);
    if (at < 0) at = lists.push(posting) - 1;
    own.push(at);
  }
  lists.push(candidates);
  const masks = new Int32Array(lists.length);
  const titleAt = new Int32Array(lists.length);
  const bodyAt = new Int32Array(lists.length);
  intersect(lists, masks, titleAt, bodyAt, (doc) => {
    let mask = 15;
    for (let i = 0; i < own.length; i++) mask &= masks[own[i]];
    if (mask & TITLE && titleMatch(index, doc, run, own, titleAt) >= 0) onDoc(doc);
  });
}

/** Calls `onDoc` for each of the sorted documents whose Chinese title holds the (indexed) word. */
export function titlesWithWord(index: SearchIndex, word: string, docs: Int32Array, n: number, onDoc: (doc: number) => void): void {
  const posting = index.wordPostings.get(word);
  if (!posting) return;
  let at = 0;
  for (let i = 0; i < n && at < posting.size; i++) {
    const doc = docs[i];
    if (posting.data[at] >> 4 < doc) at = seek(posting, at, doc);
    if (at < posting.size && posting.data[at] >> 4 === doc && posting.titleAt[at] !== NO_POSITION) onDoc(doc);
  }
}

/**
 * Where a Chinese run starts in a field, from its bigrams' first positions there: consecutive, the run is there;
 * not consecutive while none of them occurs twice, it is not (ABSENT); otherwise (repeated bigrams, a long
 * text, an English title) UNKNOWN.
 */
function aligned(own: number[], positions: Int32Array): number {
  const first = positions[own[0]];
  if (first === NO_POSITION || first & REPEATED) return UNKNOWN;
  const start = first & POSITION;
  let consecutive = true;
  let certain = true;
  for (let j = 1; j < own.length; j++) {
    const position = positions[own[j]];
    if (position === NO_POSITION || position & REPEATED) certain = false;
    if (position === NO_POSITION || (position & POSITION) !== start + j) consecutive = false;
  }
  return consecutive ? start : certain ? ABSENT : UNKNOWN;
}

/**
 * A Chinese run in the title: its position times two, plus one when it is a whole word there; -1 when it is not
 * in the title. Read from the postings' positions and word flags; the title itself only when they cannot tell.
 */
function titleMatch(index: SearchIndex, doc: number, text: string, own: number[], positions: Int32Array): number {
  const at = aligned(own, positions);
  // Aligned, the first bigram occurs once: so does the run, and the flags of its ends say whether it is a word.
  if (at >= 0) return at * 2 + (positions[own[0]] & WORD_START && positions[own[own.length - 1]] & WORD_END ? 1 : 0);
  if (at === ABSENT) return -1;
  const found = index.titleText[doc].indexOf(text);
  return found < 0 ? -1 : found * 2 + (index.wholeWordInTitle(doc, text, found) ? 1 : 0);
}

function fieldScore(index: SearchIndex, doc: number, requirement: Requirement, mask: number, title: number): number {
  let score = 0;
  if (mask & TITLE) {
    // Words of letters and digits count as whole and first; a run only in the English title as neither.
    const whole = !requirement.han || (title >= 0 && (title & 1) === 1);
    const at = requirement.han ? Math.max(0, title >> 1) : 0;
    score = (whole ? 1 : 0.7) + 0.1 * (1 - at / (index.titleLength[doc] || 1));
  }
  if (mask & TAGS) {
    const { tags, themes } = requirement.exact;
    score = Math.max(score, (tags && index.tags.any(doc, tags)) || (themes && index.themes.any(doc, themes)) ? 0.9 : 0.6);
  }
  if (mask & BODY) score = Math.max(score, 0.3);
  if (mask & OTHER) score = Math.max(score, 0.2);
  const fields = (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1) + ((mask >> 3) & 1);
  return score + 0.05 * (fields - 1);
}

/** Calls `onDoc` for every document present in all lists, with each list's field bits and positions. */
function intersect(lists: Posting[], masks: Int32Array, titleAt: Int32Array, bodyAt: Int32Array, onDoc: (doc: number) => void): void {
  let driver = 0;
  for (let i = 1; i < lists.length; i++) if (lists[i].size < lists[driver].size) driver = i;
  const lead = lists[driver];
  const data = lead.data;
  if (lists.length === 1) {
    for (let p = 0; p < lead.size; p++) {
      masks[0] = data[p] & 15;
      titleAt[0] = lead.titleAt[p];
      bodyAt[0] = lead.bodyAt[p];
      onDoc(data[p] >> 4);
    }
    return;
  }
  const cursor = new Int32Array(lists.length);
  outer: for (let p = 0; p < lead.size; p++) {
    const doc = data[p] >> 4;
    masks[driver] = data[p] & 15;
    titleAt[driver] = lead.titleAt[p];
    bodyAt[driver] = lead.bodyAt[p];
    for (let i = 0; i < lists.length; i++) {
      if (i === driver) continue;
      const list = lists[i];
      let at = cursor[i];
      if (at < list.size && list.data[at] >> 4 < doc) at = seek(list, at, doc);
      cursor[i] = at;
      if (at >= list.size) return;
      if (list.data[at] >> 4 !== doc) continue outer;
      masks[i] = list.data[at] & 15;
      titleAt[i] = list.titleAt[at];
      bodyAt[i] = list.bodyAt[at];
    }
    onDoc(doc);
  }
}

/** First position at or after `from` whose document is not below `doc` (galloping, then binary search). */
function seek(list: Posting, from: number, doc: number): number {
  let step = 1;
  let high = from;
  while (high < list.size && list.data[high] >> 4 < doc) {
    from = high;
    high += step;
    step *= 2;
  }
  high = Math.min(high, list.size);
  while (from < high) {
    const mid = (from + high) >> 1;
    if (list.data[mid] >> 4 < doc) from = mid + 1;
    else high = mid;
  }
  return from;
}
