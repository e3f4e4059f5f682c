import { DatasetCursor, DatasetOrderField, encodeCursor } from './dataset-cursor';
import { DatasetSearchFilter, FACET_NAMES, FacetCounts, FacetName, Visibility } from './dataset-search';
import { ParsedQuery, QueryTerm } from './query-parser';
import { STATUS_CODES, SearchIndex } from './search-index';
import { matchAlternative } from './term-matcher';
import { bigrams } from './text-analysis';

export interface EngineQuery {
  parsed: ParsedQuery | null;
  filter: DatasetSearchFilter;
  visibility: Visibility;
  order: { field: DatasetOrderField; direction: 'ASC' | 'DESC' };
  first: number;
  after: DatasetCursor | null;
  facets: readonly FacetName[];
}

export interface EnginePage {
  ids: string[];
  cursors: string[];
  hasNextPage: boolean;
  total: number;
  /** Facet counts; organizations by id. */
  facets: FacetCounts | null;
  relaxed: boolean;
  highlightTerms: string[];
}

/** Buckets returned per facet, most frequent first. */
const FACET_LIMIT = 30;
/** Partial matches rank by how many terms they match first, then by score. */
const PER_TERM = 1000;

type Filter = (doc: number) => boolean;

/**
 * Evaluates searches over the in-memory index: terms matched together (or, failing that, as many as
 * possible: relaxed), visibility and filters, exact facet counts over the whole matching set, and a keyset
 * page in any ordering. Synchronous from start to end, so the scratch arrays are never shared by two searches.
 */
export class SearchEngine {
  private score = new Float64Array(0);
  private count = new Uint8Array(0);
  private seen = new Int32Array(0);
  private best = new Float64Array(0);
  private bestSeen = new Int32Array(0);
  private stamp = 0;

  constructor(private readonly index: SearchIndex) {}

  search(query: EngineQuery): EnginePage {
    this.grow();
    const passes = this.filter(query);
    let matching: number[];
    let relaxed = false;
    let highlight: string[] = [];
    let key: (doc: number) => number = () => 0;
    if (!query.parsed || query.parsed.terms.length === 0) {
      matching = [];
      for (let doc = 0; doc < this.index.size; doc++) if (passes(doc)) matching.push(doc);
    } else {
      let result = this.evaluate(query.parsed.terms, query.parsed.phrase, passes, false);
      if (result.docs.length === 0 && query.parsed.terms.length > 1) result = this.evaluate(query.parsed.terms, query.parsed.phrase, passes, true);
      if (result.docs.length === 0) result = this.evaluate(bigramTerms(query.parsed.terms), '', passes, true);
      ({ docs: matching, relaxed, highlight } = result);
      const { score, count } = this;
      key = relaxed ? (doc) => count[doc] * PER_TERM + score[doc] : (doc) => score[doc];
    }
    const page = this.page(matching, query, key);
    return {
      ids: page.slice(0, query.first).map((doc) => this.index.ids[doc]),
      cursors: page.slice(0, query.first).map((doc) => this.cursor(doc, query.order.field, key)),
      hasNextPage: page.length > query.first,
      total: matching.length,
      facets: query.facets.length ? this.countFacets(matching, query.facets) : null,
      relaxed,
      highlightTerms: highlight,
    };
  }

  /**
   * Scores every term's matches into `score` and `count`; returns the documents matching all terms (or, when
   * `partial`, any of them) that pass the filter, and the Chinese texts of the alternatives that found them.
   */
  private evaluate(terms: QueryTerm[], phrase: string, passes: Filter, partial: boolean) {
    const queryStamp = ++this.stamp;
    const touched: number[] = [];
    const found: Array<{ label: string; docs: number[] }> = [];
    for (const term of terms) {
      const termStamp = ++this.stamp;
      const termDocs: number[] = [];
      for (const alternative of term.alternatives) {
        const docs: number[] = [];
        matchAlternative(this.index, alternative, (doc, score) => {
          if (!passes(doc)) return;
          docs.push(doc);
          if (this.bestSeen[doc] !== termStamp) {
            this.bestSeen[doc] = termStamp;
            this.best[doc] = score;
            termDocs.push(doc);
          } else if (score > this.best[doc]) this.best[doc] = score;
        });
        if (alternative.label && docs.length) found.push({ label: alternative.label, docs });
      }
      for (const doc of termDocs) {
        if (this.seen[doc] !== queryStamp) {
          this.seen[doc] = queryStamp;
          this.score[doc] = 0;
          this.count[doc] = 0;
          touched.push(doc);
        }
        this.score[doc] += this.best[doc];
        this.count[doc]++;
      }
    }
    const docs = partial ? touched : touched.filter((doc) => this.count[doc] === terms.length);
    if (phrase.length > 1) for (const doc of docs) if (this.index.titlePosition(doc, phrase) >= 0) this.score[doc] += 1;
    const inResult = (doc: number) => this.seen[doc] === queryStamp && (partial || this.count[doc] === terms.length);
    const highlight = [...new Set(found.filter((f) => f.docs.some(inResult)).map((f) => f.label))];
    return { docs, relaxed: partial && docs.length > 0, highlight };
  }

  /** Visibility (drafts of the caller's organizations only) and the filters, as one test per document. */
  private filter(query: EngineQuery): Filter {
    const ix = this.index;
    const v = ix.vocab;
    const ids = (values: string[] | undefined, find: (value: string) => number | undefined) =>
      values?.length ? new Set(values.map(find).filter((x): x is number => x !== undefined)) : null;
    const organizationIds = [...ix.organizations.values()];
    const bySlug = (slug: string) => v.organization.find(organizationIds.find((o) => o.slug === slug)?.id ?? '');
    const f = query.filter;
    const organizations = ids(f.organizations, bySlug);
    const themes = ids(f.themes, (t) => v.theme.find(t));
    const tags = ids(f.tags, (t) => v.tag.find(t));
    const formats = ids(f.formats, (t) => v.format.find(t.toUpperCase()));
    const open = ids(f.openAttributes, (t) => v.openAttribute.find(t));
    const domains = ids(f.priorityDomains, (t) => v.priorityDomain.find(t));
    const statuses = f.statuses?.length ? new Set(f.statuses.map((s) => STATUS_CODES.indexOf(s as (typeof STATUS_CODES)[number]))) : null;
    const all = query.visibility.allUnpublished;
    const members = new Set(query.visibility.organizationIds.map((id) => v.organization.find(id)).filter((x) => x !== undefined));
    const overlaps = (set: Set<number>, values: number[]) => values.some((x) => set.has(x));
    return (doc) =>
      ix.live[doc] === 1 &&
      (all || ix.status[doc] === 0 || members.has(ix.organization[doc])) &&
      (!organizations || organizations.has(ix.organization[doc])) &&
      (!themes || overlaps(themes, ix.themes[doc])) &&
      (!tags || overlaps(tags, ix.tags[doc])) &&
      (!formats || overlaps(formats, ix.formats[doc])) &&
      (!open || open.has(ix.openAttribute[doc])) &&
      (!domains || domains.has(ix.priorityDomain[doc])) &&
      (!statuses || statuses.has(ix.status[doc]));
  }

  private countFacets(docs: number[], facets: readonly FacetName[]): FacetCounts {
    const ix = this.index;
    const result = Object.fromEntries(FACET_NAMES.map((name) => [name, []])) as unknown as FacetCounts;
    const single = (values: number[]) => (doc: number) => [values[doc]];
    const sources: Record<FacetName, { values: (doc: number) => number[]; names: string[] }> = {
      organization: { values: single(ix.organization), names: ix.vocab.organization.values },
      theme: { values: (doc) => ix.themes[doc], names: ix.vocab.theme.values },
      tag: { values: (doc) => ix.tags[doc], names: ix.vocab.tag.values },
      format: { values: (doc) => ix.formats[doc], names: ix.vocab.format.values },
      openAttribute: { values: single(ix.openAttribute), names: ix.vocab.openAttribute.values },
      priorityDomain: { values: single(ix.priorityDomain), names: ix.vocab.priorityDomain.values },
    };
    for (const facet of facets) {
      const { values, names } = sources[facet];
      const counts = new Int32Array(names.length);
      for (const doc of docs) for (const value of values(doc)) if (value >= 0) counts[value]++;
      const buckets: Array<{ key: string; count: number }> = [];
      for (let i = 0; i < counts.length; i++) if (counts[i] > 0) buckets.push({ key: names[i], count: counts[i] });
      buckets.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      result[facet] = buckets.slice(0, FACET_LIMIT);
    }
    return result;
  }

  /** The first `first + 1` matching documents after the cursor, in order (a bounded insertion sort). */
  private page(docs: number[], query: EngineQuery, relevance: (doc: number) => number): number[] {
    const ix = this.index;
    const primary: Record<DatasetOrderField, (doc: number) => number | string> = {
      RELEVANCE: relevance,
      MODIFIED: (doc) => ix.modified[doc],
      TITLE: (doc) => ix.titles[doc],
      DOWNLOADS: (doc) => ix.downloads[doc],
      ISSUED: (doc) => ix.issued[doc],
    };
    const key1 = primary[query.order.field];
    const key2 = query.order.field === 'ISSUED' ? (doc: number) => ix.modified[doc] : () => 0;
    const sign = query.order.direction === 'ASC' ? 1 : -1;
    const order = (a1: number | string, a2: number, aId: string, b1: number | string, b2: number, bId: string): number => {
      if (a1 !== b1) return a1 < b1 ? -sign : sign;
      if (a2 !== b2) return a2 < b2 ? -sign : sign;
      return aId === bId ? 0 : aId < bId ? -sign : sign;
    };
    const compare = (a: number, b: number) => order(key1(a), key2(a), ix.ids[a], key1(b), key2(b), ix.ids[b]);
    const after = query.after ? cursorKeys(query.after) : null;
    const limit = query.first + 1;
    const top: number[] = [];
    for (const doc of docs) {
      if (after && order(key1(doc), key2(doc), ix.ids[doc], after[0], after[1], after[2]) <= 0) continue;
      if (top.length === limit && compare(doc, top[limit - 1]) >= 0) continue;
      let low = 0;
      let high = top.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (compare(top[mid], doc) < 0) low = mid + 1;
        else high = mid;
      }
      top.splice(low, 0, doc);
      if (top.length > limit) top.pop();
    }
    return top;
  }

  private cursor(doc: number, field: DatasetOrderField, relevance: (doc: number) => number): string {
    const ix = this.index;
    const iso = (ms: number) => new Date(ms).toISOString();
    const key = {
      RELEVANCE: () => relevance(doc),
      MODIFIED: () => iso(ix.modified[doc]),
      TITLE: () => ix.titles[doc],
      DOWNLOADS: () => ix.downloads[doc],
      ISSUED: () => `${Number.isFinite(ix.issued[doc]) ? iso(ix.issued[doc]) : ''}|${iso(ix.modified[doc])}`,
    }[field]();
    return encodeCursor({ field, key, id: ix.ids[doc] });
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
    this.stamp = 0;
  }
}

/** A cursor's sort values, as the page compares them: primary key, secondary key (ISSUED), id. */
function cursorKeys(cursor: DatasetCursor): [number | string, number, string] {
  const time = (text: string) => (text ? Date.parse(text) : Number.NEGATIVE_INFINITY);
  const key = cursor.key;
  switch (cursor.field) {
    case 'MODIFIED':
      return [time(key as string), 0, cursor.id];
    case 'ISSUED': {
      const [issued, modified] = (key as string).split('|');
      return [time(issued), time(modified ?? ''), cursor.id];
    }
    default:
      return [key, 0, cursor.id];
  }
}

/** Last resort for a query nothing matched: every bigram of its Chinese terms, ranked by how many match. */
function bigramTerms(terms: QueryTerm[]): QueryTerm[] {
  const pairs = new Set(terms.flatMap((t) => t.alternatives[0]?.han.filter((run) => run.length > 2).flatMap(bigrams) ?? []));
  return [...pairs].map((pair) => ({ text: pair, alternatives: [{ han: [pair], words: [], weight: 0.5, label: pair }] }));
}
