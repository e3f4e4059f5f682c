import { DatasetCursor } from './dataset-cursor';
import { DatasetOrder, DatasetSearchFilter, FACET_NAMES, FacetCounts, FacetName, Visibility } from './dataset-search';
import { ConditionEvaluator } from './condition-evaluator';
import { Bits, DocFilter, setBit } from './doc-filter';
import { grow } from './index-columns';
import { PageOrder } from './page-order';
import { ParsedQuery, QueryTerm, parseQuery } from './query-parser';
import { SearchCondition } from './search-condition';
import { Posting, SearchIndex, hanKey } from './search-index';
import { MatchSink, matchAlternative, titlesHolding, titlesWithWord } from './term-matcher';
import { bigrams, isAllHan, pieces } from './text-analysis';

export interface EngineQuery {
  parsed: ParsedQuery | null;
  filter: DatasetSearchFilter;
  /** A boolean search ANDed with the words and the filter. */
  where?: SearchCondition | null;
  visibility: Visibility;
  order: DatasetOrder;
  thenBy?: readonly DatasetOrder[];
  first: number;
  after: DatasetCursor | null;
  offset?: number;
  facets: readonly FacetName[];
  /** Buckets per facet: absent for the default (30), null for all. */
  facetLimit?: number | null;
}

export interface EnginePage {
  ids: string[];
  /** Document numbers of the page, in order. */
  docs: number[];
  cursors: string[];
  hasNextPage: boolean;
  total: number;
  /** Facet counts; organizations by id. */
  facets: FacetCounts | null;
  relaxed: boolean;
  highlightTerms: string[];
}

/** Buckets returned per facet by default, most frequent first. */
const FACET_LIMIT = 30;
/** Partial matches rank by how many terms they match first, then by score. */
const PER_TERM = 1000;

/**
 * Evaluates searches over the in-memory index: terms matched together (or, failing that, as many as possible:
 * relaxed), visibility, filters and boolean conditions, exact facet counts over the whole matching set, and a
 * page in any ordering. Synchronous from start to end, so its scratch arrays (allocated once, grown with the
 * index) are never shared by two searches.
 */
export class SearchEngine {
  private score = new Float64Array(0);
  private count = new Uint8Array(0);
  private seen = new Int32Array(0);
  private best = new Float64Array(0);
  private bestSeen = new Int32Array(0);
  private extra = new Float64Array(0);
  private extraSeen = new Int32Array(0);
  private relevance = new Float64Array(0);
  private matched = new Int32Array(0);
  private touched = new Int32Array(0);
  private termDocs = new Int32Array(0);
  private stamp = 0;
  private extraStamp = 0;
  private facetCounts = new Int32Array(0);
  private bits = new Uint32Array(0);
  private readonly candidates = new Posting();

  // State of the term being collected, read by `collect` (one function for every match, never a closure per term).
  private filter: DocFilter | null = null;
  private termStamp = 0;
  private termSize = 0;
  /** Every document each alternative found (for highlighting), one range per alternative. */
  private altDocs = new Int32Array(1024);
  private altSize = 0;
  /** When the whole query is one Chinese run: the documents whose title holds it, by stamp (the phrase bonus without a title search). */
  private phraseSeen = new Int32Array(0);
  private phraseStamp = 0;
  /** The matcher's sink: this engine (see MatchSink). */
  private readonly sink: MatchSink = {
    accept: (doc) => {
      if (!this.filter!.passes(doc)) return false;
      if (this.altSize === this.altDocs.length) this.altDocs = grow(this.altDocs, this.altSize + 1);
      this.altDocs[this.altSize++] = doc;
      if (this.bestSeen[doc] !== this.termStamp) {
        this.bestSeen[doc] = this.termStamp;
        this.best[doc] = Number.NEGATIVE_INFINITY;
        this.termDocs[this.termSize++] = doc;
      }
      return true;
    },
    covered: (doc, bound) => this.best[doc] >= bound,
    match: (doc, score, titleAt) => {
      if (this.phraseStamp !== 0 && titleAt >= 0) this.phraseSeen[doc] = this.phraseStamp;
      if (score > this.best[doc]) this.best[doc] = score;
    },
  };

  constructor(private readonly index: SearchIndex) {}

  search(query: EngineQuery): EnginePage {
    this.grow();
    const extraStamp = ++this.extraStamp;
    const where = query.where ? this.evaluateWhere(query.where, extraStamp) : null;
    const filter = new DocFilter(this.index, query.filter, query.visibility, where);
    let n = 0;
    let relaxed = false;
    let highlight: string[] = [];
    const terms = query.parsed?.terms ?? [];
    if (terms.length === 0) {
      for (let doc = 0; doc < this.index.size; doc++) if (filter.passes(doc)) this.matched[n++] = doc;
      for (let i = 0; i < n; i++) this.relevance[this.matched[i]] = 0;
    } else {
      let result = this.evaluate(terms, query.parsed!.phrase, filter, false);
      if (result.n === 0 && terms.length > 1) result = this.evaluate(terms, query.parsed!.phrase, filter, true);
      if (result.n === 0) result = this.evaluate(bigramTerms(terms), '', filter, true);
      ({ n, relaxed, highlight } = result);
      for (let i = 0; i < n; i++) {
        const doc = this.matched[i];
        this.relevance[doc] = relaxed ? this.count[doc] * PER_TERM + this.score[doc] : this.score[doc];
      }
    }
    if (where) this.addConditionScores(n, extraStamp);
    const order = new PageOrder(this.index, query.order, query.thenBy ?? [], this.relevance);
    const offset = query.offset ?? 0;
    const top = order.top(this.matched, n, offset + query.first + 1, query.after);
    const docs = top.slice(offset, offset + query.first);
    return {
      ids: docs.map((doc) => this.index.ids[doc]),
      docs,
      cursors: docs.map((doc) => order.cursor(doc, query.order.field)),
      hasNextPage: top.length > offset + query.first,
      total: n,
      facets: query.facets.length ? this.countFacets(n, query.facets, query.facetLimit === undefined ? FACET_LIMIT : query.facetLimit) : null,
      relaxed,
      highlightTerms: highlight,
    };
  }

  /** The documents a boolean condition holds; the scores of its word searches go to `extra`. */
  private evaluateWhere(where: SearchCondition, extraStamp: number): Bits {
    const index = this.index;
    const rank = (doc: number, score: number) => {
      if (this.extraSeen[doc] !== extraStamp) {
        this.extraSeen[doc] = extraStamp;
        this.extra[doc] = 0;
      }
      this.extra[doc] += score;
    };
    const live = new DocFilter(index, {}, null);
    const words = (text: string, bits: Bits, ranked: ((doc: number, score: number) => void) | null): boolean => {
      const parsed = parseQuery(text, index.pinyin, (word) => index.hasWord(word));
      if (parsed.terms.length === 0) return false;
      const { n } = this.evaluate(parsed.terms, parsed.phrase, live, false);
      for (let i = 0; i < n; i++) {
        const doc = this.matched[i];
        setBit(bits, doc);
        ranked?.(doc, this.score[doc]);
      }
      return true;
    };
    return new ConditionEvaluator(index, words, rank).evaluate(where);
  }

  private addConditionScores(n: number, extraStamp: number): void {
    for (let i = 0; i < n; i++) {
      const doc = this.matched[i];
      if (this.extraSeen[doc] === extraStamp) this.relevance[doc] += this.extra[doc];
    }
  }

  /**
   * Scores every term's matches into `score` and `count`; leaves in `matched` the documents matching all terms
   * (or, when `partial`, any of them) that pass the filter; returns how many, and the Chinese texts of the
   * alternatives that found some of them.
   */
  private evaluate(terms: QueryTerm[], phrase: string, filter: DocFilter, partial: boolean) {
    const queryStamp = ++this.stamp;
    let touched = 0;
    const found: Array<{ term: number; label: string; from: number; to: number }> = [];
    this.altSize = 0;
    this.filter = filter;
    const typed = terms[0]?.alternatives[0];
    // The phrase is what was typed: when that is one Chinese run, its matches' title positions tell the bonus.
    const phraseIsRun = terms.length === 1 && typed !== undefined && typed.words.length === 0 && typed.han.length === 1 && typed.han[0] === phrase;
    const phraseStamp = phraseIsRun ? ++this.stamp : 0;
    // All terms must match: the rarest first, each later one only among the documents matching those before.
    const order = partial ? terms.map((_, i) => i) : byEstimatedMatches(this.index, terms);
    let candidates: Posting | null = null;
    for (let o = 0; o < order.length; o++) {
      const t = order[o];
      const term = terms[t];
      this.termStamp = ++this.stamp;
      this.termSize = 0;
      for (const alternative of term.alternatives) {
        const from = this.altSize;
        this.phraseStamp = alternative === typed ? phraseStamp : 0;
        matchAlternative(this.index, alternative, this.sink, candidates, alternative === typed);
        if (alternative.label && this.altSize > from) found.push({ term: t, label: alternative.label, from, to: this.altSize });
      }
      if (!partial && o + 1 < order.length) candidates = this.candidatesOf(this.termSize);
      for (let i = 0; i < this.termSize; i++) {
        const doc = this.termDocs[i];
        if (this.seen[doc] !== queryStamp) {
          this.seen[doc] = queryStamp;
          this.score[doc] = 0;
          this.count[doc] = 0;
          this.touched[touched++] = doc;
        }
        this.score[doc] += this.best[doc];
        this.count[doc]++;
      }
    }
    this.filter = null;
    const n = this.collectMatched(touched, partial ? 0 : terms.length);
    this.phraseStamp = 0;
    if (phrase.length > 1) this.addPhraseBonus(n, phrase, phraseIsRun ? phraseStamp : 0);
    const inResult = (doc: number) => this.seen[doc] === queryStamp && (partial || this.count[doc] === terms.length);
    const labels = new Set<string>();
    found.sort((a, b) => a.term - b.term || a.from - b.from);
    for (const f of found) {
      if (labels.has(f.label)) continue;
      for (let i = f.from; i < f.to; i++) {
        if (inResult(this.altDocs[i])) {
          labels.add(f.label);
          break;
        }
      }
    }
    return { n, relaxed: partial && n > 0, highlight: [...labels] };
  }

  /**
   * Leaves in `matched`, in document order (so that facets and sort keys are read front to back), the touched
   * documents that matched `terms` terms (any number when 0); returns how many.
   */
  private collectMatched(touched: number, terms: number): number {
    const words = (this.index.size + 31) >>> 5;
    const bits = this.bits;
    bits.fill(0, 0, words);
    for (let i = 0; i < touched; i++) {
      const doc = this.touched[i];
      if (terms === 0 || this.count[doc] === terms) bits[doc >>> 5] |= 1 << (doc & 31);
    }
    let n = 0;
    for (let w = 0; w < words; w++) {
      let word = bits[w];
      while (word !== 0) {
        const lowest = word & -word;
        this.matched[n++] = (w << 5) + 31 - Math.clz32(lowest);
        word ^= lowest;
      }
    }
    return n;
  }

  /**
   * A title holding the whole query (without spaces) ranks first: known from the matches when the query is one
   * Chinese run (`stamp`), found through the postings when it is Chinese, read from the titles otherwise.
   */
  private addPhraseBonus(n: number, phrase: string, stamp: number): void {
    if (stamp !== 0) {
      for (let i = 0; i < n; i++) if (this.phraseSeen[this.matched[i]] === stamp) this.score[this.matched[i]] += 1;
    } else if (isAllHan(phrase)) {
      titlesHolding(this.index, phrase, this.asPosting(this.matched, n), (doc) => (this.score[doc] += 1));
    } else {
      // Mixed or not Chinese: only titles holding its longest Chinese run (or its first word) can hold it.
      const { han, words } = pieces(phrase);
      const run = han.reduce((longest, r) => (r.length > longest.length ? r : longest), '');
      const bonus = (doc: number) => {
        if (this.index.titlePosition(doc, phrase) >= 0) this.score[doc] += 1;
      };
      if (run.length >= 2) titlesHolding(this.index, run, this.asPosting(this.matched, n), bonus);
      else if (words.length) titlesWithWord(this.index, words[0], this.matched, n, bonus);
    }
  }

  /** Sorted documents as a list to intersect postings with. */
  private asPosting(docs: Int32Array, size: number): Posting {
    const list = this.candidates;
    if (list.data.length < size) list.data = new Int32Array(Math.max(size, list.data.length * 2));
    if (list.titleAt.length < size) list.titleAt = list.bodyAt = new Uint16Array(list.data.length);
    for (let i = 0; i < size; i++) list.data[i] = (docs[i] << 4) | 15;
    list.size = size;
    return list;
  }

  /** The documents that matched the term just evaluated, sorted, as a list to intersect the next term with. */
  private candidatesOf(size: number): Posting {
    return this.asPosting(this.termDocs.subarray(0, size).sort(), size);
  }

  private countFacets(n: number, facets: readonly FacetName[], limit: number | null): FacetCounts {
    const ix = this.index;
    const result = Object.fromEntries(FACET_NAMES.map((name) => [name, []])) as unknown as FacetCounts;
    const docs = this.matched;
    for (const facet of facets) {
      const names = ix.vocab[facet].values;
      if (this.facetCounts.length < names.length) this.facetCounts = new Int32Array(Math.max(names.length, this.facetCounts.length * 2));
      const counts = this.facetCounts;
      counts.fill(0, 0, names.length);
      if (facet === 'theme' || facet === 'tag' || facet === 'format') {
        const lists = facet === 'theme' ? ix.themes : facet === 'tag' ? ix.tags : ix.formats;
        const { offsets, values } = lists;
        for (let i = 0; i < n; i++) {
          const doc = docs[i];
          for (let k = offsets[doc], end = offsets[doc + 1]; k < end; k++) counts[values[k]]++;
        }
      } else {
        const column = facet === 'organization' ? ix.organization : facet === 'openAttribute' ? ix.openAttribute : ix.priorityDomain;
        for (let i = 0; i < n; i++) {
          const value = column[docs[i]];
          if (value >= 0) counts[value]++;
        }
      }
      const buckets: Array<{ key: string; count: number }> = [];
      for (let i = 0; i < names.length; i++) if (counts[i] > 0) buckets.push({ key: names[i], count: counts[i] });
      buckets.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      result[facet] = limit === null ? buckets : buckets.slice(0, limit);
    }
    return result;
  }

  private grow(): void {
    const size = this.index.size;
    if (this.score.length >= size) return;
    const capacity = Math.max(1024, Math.ceil(size * 1.25));
    this.score = new Float64Array(capacity);
    this.count = new Uint8Array(capacity);
    this.seen = new Int32Array(capacity);
    this.best = new Float64Array(capacity);
    this.bestSeen = new Int32Array(capacity);
    this.extra = new Float64Array(capacity);
    this.extraSeen = new Int32Array(capacity);
    this.relevance = new Float64Array(capacity);
    this.phraseSeen = new Int32Array(capacity);
    this.bits = new Uint32Array((capacity + 31) >>> 5);
    this.matched = new Int32Array(capacity);
    this.touched = new Int32Array(capacity);
    this.termDocs = new Int32Array(capacity);
    this.stamp = 0;
    this.extraStamp = 0;
  }
}

/**
 * Terms in the order to evaluate them: fewest expected matches first (for each alternative, its rarest
 * posting list; a term matches at most the sum over its alternatives).
 */
function byEstimatedMatches(index: SearchIndex, terms: QueryTerm[]): number[] {
  const estimate = terms.map((term) => {
    let sum = 0;
    for (const alternative of term.alternatives) {
      let rarest = Number.POSITIVE_INFINITY;
      for (const run of alternative.han) {
        for (let i = 0; i + 1 < run.length || i === 0; i++) rarest = Math.min(rarest, index.hanPostings.get(hanKey(run.length === 1 ? run : run.slice(i, i + 2)))?.size ?? 0);
      }
      for (const word of alternative.words) rarest = Math.min(rarest, index.wordPostings.get(word)?.size ?? 0);
      sum += Number.isFinite(rarest) ? rarest : 0;
    }
    return sum;
  });
  return terms.map((_, i) => i).sort((a, b) => estimate[a] - estimate[b]);
}

/** Last resort for a query nothing matched: every bigram of its Chinese terms, ranked by how many match. */
function bigramTerms(terms: QueryTerm[]): QueryTerm[] {
  const pairs = new Set(terms.flatMap((t) => t.alternatives[0]?.han.filter((run) => run.length > 2).flatMap(bigrams) ?? []));
  return [...pairs].map((pair) => ({ text: pair, alternatives: [{ han: [pair], words: [], weight: 0.5, label: pair }] }));
}
