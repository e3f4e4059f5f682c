import { DatasetCursor, DatasetOrderField, encodeCursor } from './dataset-cursor';
import { DatasetOrder } from './dataset-search';
import { SearchIndex, idKey } from './search-index';

/** Above this many rows (offset + page), the matching set is sorted whole rather than kept in a bounded list. */
const BOUNDED_LIMIT = 256;

/** One sort key of documents: numbers (with an optional second number, ISSUED's ties) or texts. */
interface SortKey {
  numbers: Float64Array | null;
  second: Float64Array | null;
  texts: string[] | null;
  sign: number;
}

/**
 * Orders matching documents by the requested keys, the id breaking the last ties (in the first key's
 * direction, as the keyset cursor expects), and returns the page: bounded insertion for small pages, a full
 * sort for deep offsets. Numbers are compared from typed arrays; texts only for TITLE and NAME.
 */
export class PageOrder {
  private readonly keys: SortKey[];
  private readonly ids: string[];
  private readonly idKeys: Float64Array;
  private readonly idSign: number;

  constructor(
    private readonly index: SearchIndex,
    order: DatasetOrder,
    thenBy: readonly DatasetOrder[],
    private readonly relevance: Float64Array,
  ) {
    this.keys = [order, ...thenBy].map((o) => this.key(o));
    this.ids = index.ids;
    this.idKeys = index.idKey;
    this.idSign = order.direction === 'ASC' ? 1 : -1;
  }

  private key(order: DatasetOrder): SortKey {
    const ix = this.index;
    const sign = order.direction === 'ASC' ? 1 : -1;
    const numbers: Partial<Record<DatasetOrderField, Float64Array>> = { RELEVANCE: this.relevance, MODIFIED: ix.modified, DOWNLOADS: ix.downloads, ISSUED: ix.issued };
    const texts: Partial<Record<DatasetOrderField, string[]>> = { TITLE: ix.titles, NAME: ix.slugs };
    return { numbers: numbers[order.field] ?? null, second: order.field === 'ISSUED' ? ix.modified : null, texts: texts[order.field] ?? null, sign };
  }

  compare = (a: number, b: number): number => {
    for (const key of this.keys) {
      if (key.numbers) {
        const x = key.numbers[a];
        const y = key.numbers[b];
        if (x !== y) return x < y ? -key.sign : key.sign;
        if (key.second && key.second[a] !== key.second[b]) return key.second[a] < key.second[b] ? -key.sign : key.sign;
      } else {
        const x = key.texts![a];
        const y = key.texts![b];
        if (x !== y) return x < y ? -key.sign : key.sign;
      }
    }
    return this.compareIds(a, this.ids[b], this.idKeys[b]);
  };

  /** Document `a` against an id (and its idKey): by the numbers first, the strings only when those are equal. */
  private compareIds(a: number, id: string, key: number): number {
    const x = this.idKeys[a];
    if (x !== key) return x < key ? -this.idSign : this.idSign;
    const own = this.ids[a];
    return own === id ? 0 : own < id ? -this.idSign : this.idSign;
  }

  /** Whether a document comes after the cursor's position (the first key and the id only: cursors hold one key). */
  private afterCursor(doc: number, cursor: [number | string, number, string, number]): boolean {
    const key = this.keys[0];
    const value = key.numbers ? key.numbers[doc] : key.texts![doc];
    if (value !== cursor[0]) return (value < cursor[0] ? -key.sign : key.sign) > 0;
    if (key.second && key.second[doc] !== cursor[1]) return (key.second[doc] < cursor[1] ? -key.sign : key.sign) > 0;
    return this.compareIds(doc, cursor[2], cursor[3]) > 0;
  }

  /** The first `limit` documents of `docs[0 .. n)` in order, after the cursor if any. */
  top(docs: Int32Array, n: number, limit: number, after: DatasetCursor | null): number[] {
    const cursor = after ? cursorKeys(after) : null;
    if (limit > BOUNDED_LIMIT) {
      const all: number[] = [];
      for (let i = 0; i < n; i++) if (!cursor || this.afterCursor(docs[i], cursor)) all.push(docs[i]);
      return all.sort(this.compare).slice(0, limit);
    }
    const top: number[] = [];
    // With one numeric key (relevance, dates, downloads) most documents are turned away by one comparison of numbers.
    const key = this.keys.length === 1 && this.keys[0].numbers && !this.keys[0].second ? this.keys[0] : null;
    const numbers = key?.numbers ?? null;
    const sign = key?.sign ?? 1;
    for (let i = 0; i < n; i++) {
      const doc = docs[i];
      if (cursor && !this.afterCursor(doc, cursor)) continue;
      if (top.length === limit) {
        if (numbers) {
          const difference = (numbers[doc] - numbers[top[limit - 1]]) * sign;
          if (difference > 0 || (difference === 0 && this.compare(doc, top[limit - 1]) >= 0)) continue;
        } else if (this.compare(doc, top[limit - 1]) >= 0) continue;
      }
      let low = 0;
      let high = top.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (this.compare(top[mid], doc) < 0) low = mid + 1;
        else high = mid;
      }
      top.splice(low, 0, doc);
      if (top.length > limit) top.pop();
    }
    return top;
  }

  cursor(doc: number, field: DatasetOrderField): string {
    const ix = this.index;
    const iso = (ms: number) => new Date(ms).toISOString();
    const key = {
      RELEVANCE: () => this.relevance[doc],
      MODIFIED: () => iso(ix.modified[doc]),
      TITLE: () => ix.titles[doc],
      NAME: () => ix.slugs[doc],
      DOWNLOADS: () => ix.downloads[doc],
      ISSUED: () => `${Number.isFinite(ix.issued[doc]) ? iso(ix.issued[doc]) : ''}|${iso(ix.modified[doc])}`,
    }[field]();
    return encodeCursor({ field, key, id: ix.ids[doc] });
  }
}

/** A cursor's sort values, as the page compares them: primary key, secondary key (ISSUED), id and its idKey. */
function cursorKeys(cursor: DatasetCursor): [number | string, number, string, number] {
  const time = (text: string) => (text ? Date.parse(text) : Number.NEGATIVE_INFINITY);
  const key = cursor.key;
  switch (cursor.field) {
    case 'MODIFIED':
      return [time(key as string), 0, cursor.id, idKey(cursor.id)];
    case 'ISSUED': {
      const [issued, modified] = (key as string).split('|');
      return [time(issued), time(modified ?? ''), cursor.id, idKey(cursor.id)];
    }
    default:
      return [key, 0, cursor.id, idKey(cursor.id)];
  }
}
