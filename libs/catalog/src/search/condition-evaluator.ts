import { Bits, DocFilter, newBits, setBit } from './doc-filter';
import { SearchCondition, PhraseField } from './search-condition';
import { SearchIndex, hanKey } from './search-index';
import { normalize } from './segmenter';

/** What the evaluator needs of the engine: a word search, strict (every term), over live documents. */
export interface WordSearch {
  /** Marks the documents the words find in `bits`; calls `ranked` with each and its score. Null: no words to search (all match). */
  (text: string, bits: Bits, ranked: ((doc: number, score: number) => void) | null): boolean;
}

/**
 * Evaluates a boolean search to the set of documents it holds, as bits: leaves by the index (word searches by
 * the engine, filters by the columns, phrases by the normalized texts, slugs), AND/OR/NOT as word operations.
 * Word searches outside any negation add their score to `rank`, so relevance counts what a dataset was found by.
 */
export class ConditionEvaluator {
  private readonly size: number;
  private readonly words32: number;

  constructor(
    private readonly index: SearchIndex,
    private readonly words: WordSearch,
    private readonly rank: (doc: number, score: number) => void,
  ) {
    this.size = index.size;
    this.words32 = (this.size + 31) >>> 5;
  }

  evaluate(condition: SearchCondition, negated = false): Bits {
    if ('words' in condition) {
      const bits = newBits(this.size);
      if (!this.words(condition.words, bits, negated ? null : this.rank)) bits.fill(0xffffffff);
      return bits;
    }
    if ('phrase' in condition) return this.phrase(normalize(condition.phrase), condition.fields);
    if ('filter' in condition) return new DocFilter(this.index, condition.filter, null).bits();
    if ('slug' in condition) return this.slug(condition.slug, condition.prefix === true);
    if ('not' in condition) {
      const bits = this.evaluate(condition.not, !negated);
      for (let i = 0; i < bits.length; i++) bits[i] = ~bits[i];
      return bits;
    }
    const all = 'all' in condition;
    const items = all ? condition.all : condition.any;
    const bits = newBits(this.size);
    if (all) bits.fill(0xffffffff);
    for (const item of items) {
      const part = this.evaluate(item, negated);
      if (all) for (let i = 0; i < this.words32; i++) bits[i] &= part[i];
      else for (let i = 0; i < this.words32; i++) bits[i] |= part[i];
    }
    return bits;
  }

  private slug(slug: string, prefix: boolean): Bits {
    const bits = newBits(this.size);
    const slugs = this.index.slugs;
    for (let doc = 0; doc < this.size; doc++) if (prefix ? slugs[doc].startsWith(slug) : slugs[doc] === slug) setBit(bits, doc);
    return bits;
  }

  /**
   * The phrase in the named fields (texts normalized as the phrase is: NFKC, lower case). Titles and
   * descriptions are checked on the documents that hold the phrase's first Chinese bigram when it has one
   * (bigrams of every field are indexed), else on every document; tags and publishers through their values.
   */
  private phrase(phrase: string, fields: PhraseField[]): Bits {
    const ix = this.index;
    const bits = newBits(this.size);
    if (fields.length === 0 || phrase.includes('\u0001')) return bits;
    const inTitle = fields.includes('title');
    const inBody = fields.includes('description');
    const check = (doc: number) => {
      if (inTitle && (ix.titleText[doc].includes(phrase) || (ix.titlesEn[doc] !== null && normalize(ix.titlesEn[doc]!).includes(phrase)))) setBit(bits, doc);
      else if (inBody && ix.bodyText[doc].includes(phrase)) setBit(bits, doc);
    };
    if (inTitle || inBody) {
      const pair = /\p{Script=Han}{2}/u.exec(phrase)?.[0];
      if (pair?.length === 2) {
        const posting = ix.hanPostings.get(hanKey(pair));
        if (posting) for (let p = 0; p < posting.size; p++) check(posting.data[p] >> 4);
      } else for (let doc = 0; doc < this.size; doc++) check(doc);
    }
    const tags = fields.includes('tag') ? valuesContaining(ix.vocab.tag.values, phrase) : null;
    const organizations = fields.includes('organization')
      ? new Uint8Array(ix.vocab.organization.values.map((id) => (normalize(ix.organizations.get(id)?.name ?? '').includes(phrase) ? 1 : 0)))
      : null;
    if (tags?.includes(1) || organizations?.includes(1)) {
      for (let doc = 0; doc < this.size; doc++) {
        if ((tags && ix.tags.any(doc, tags)) || (organizations && organizations[ix.organization[doc]] === 1)) setBit(bits, doc);
      }
    }
    return bits;
  }
}

function valuesContaining(values: readonly string[], phrase: string): Uint8Array {
  return new Uint8Array(values.map((v) => (normalize(v).includes(phrase) ? 1 : 0)));
}
