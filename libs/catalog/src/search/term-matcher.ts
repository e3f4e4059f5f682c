import { Alternative } from './query-parser';
import { BODY, OTHER, Posting, SearchIndex, TAGS, TITLE, tagKey } from './search-index';

/** A requirement of an alternative: one Chinese run or one word, and the postings that find it. */
interface Requirement {
  text: string;
  han: boolean;
  lists: Posting[];
  /** The text as a whole tag, as SearchIndex.isTag looks for it. */
  tag: string;
}

/**
 * Finds the documents matching one alternative of a query term, with how well each matches: fields (title
 * above tags above description above publisher), whole words above substrings, earlier in the title above
 * later. A Chinese run of three or more characters is looked up by its bigrams and then checked in the text,
 * so a match is always the run itself (衡阳县 never matches 衡南县).
 */
export function matchAlternative(index: SearchIndex, alternative: Alternative, onMatch: (doc: number, score: number) => void): void {
  const requirements: Requirement[] = [];
  for (const run of alternative.han) {
    const keys = run.length <= 2 ? [run] : [...new Set(Array.from({ length: run.length - 1 }, (_, i) => run.slice(i, i + 2)))];
    requirements.push({ text: run, han: true, lists: keys.map((k) => index.postings.get(k)!), tag: tagKey(run) });
  }
  for (const word of alternative.words) requirements.push({ text: word, han: false, lists: [index.postings.get(word)!], tag: tagKey(word) });
  if (requirements.length === 0 || requirements.some((r) => r.lists.some((l) => !l))) return;

  // The more of the query an alternative spells out, the more specific its matches (生产安全事故 over 安全生产).
  const weight = alternative.weight * (1 + 0.04 * Math.min(8, alternative.label.length));
  const lists = requirements.flatMap((r) => r.lists);
  const masks = new Int32Array(lists.length);
  intersect(lists, masks, (doc) => {
    if (!index.live[doc]) return;
    let score = Number.POSITIVE_INFINITY;
    let k = 0;
    for (const requirement of requirements) {
      let mask = 15;
      for (let i = 0; i < requirement.lists.length; i++) mask &= masks[k++];
      if (requirement.han && requirement.text.length > 2) mask = index.fieldsContaining(doc, requirement.text, mask);
      if (mask === 0) return;
      score = Math.min(score, fieldScore(index, doc, requirement, mask));
    }
    onMatch(doc, score * weight);
  });
}

function fieldScore(index: SearchIndex, doc: number, requirement: Requirement, mask: number): number {
  let score = 0;
  if (mask & TITLE) {
    const whole = !requirement.han || index.wholeWordInTitle(doc, requirement.text);
    const at = requirement.han ? index.titlePosition(doc, requirement.text) : 0;
    const length = index.texts[doc][0].length || 1;
    score = (whole ? 1 : 0.7) + 0.1 * (1 - Math.max(0, at) / length);
  }
  if (mask & TAGS) score = Math.max(score, index.texts[doc][1].includes(requirement.tag) ? 0.9 : 0.6);
  if (mask & BODY) score = Math.max(score, 0.3);
  if (mask & OTHER) score = Math.max(score, 0.2);
  const fields = ((mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1) + ((mask >> 3) & 1)) as number;
  return score + 0.05 * (fields - 1);
}

/** Calls `onDoc` for every document present in all lists, with each list's field bits in `masks`. */
function intersect(lists: Posting[], masks: Int32Array, onDoc: (doc: number) => void): void {
  let driver = 0;
  for (let i = 1; i < lists.length; i++) if (lists[i].size < lists[driver].size) driver = i;
  const positions = new Int32Array(lists.length);
  const lead = lists[driver];
  outer: for (let p = 0; p < lead.size; p++) {
    const doc = lead.data[p] >> 4;
    masks[driver] = lead.data[p] & 15;
    for (let i = 0; i < lists.length; i++) {
      if (i === driver) continue;
      const list = lists[i];
      let at = positions[i];
      if (at < list.size && list.data[at] >> 4 < doc) at = seek(list, at, doc);
      positions[i] = at;
      if (at >= list.size) return;
      if (list.data[at] >> 4 !== doc) continue outer;
      masks[i] = list.data[at] & 15;
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
