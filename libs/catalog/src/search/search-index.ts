import { THEMES } from '../metadata/vocabularies';
import { normalize } from './segmenter';
import { DOMAIN_TERMS } from './domain-dictionary';
import { NO_POSITION, POSITION, Posting, ValueLists, Vocabulary, WORD_END, WORD_START, grow } from './index-columns';
import { PinyinVocabulary } from './pinyin-vocabulary';
import { SYNONYM_GROUPS } from './synonym-data';
import { foldWord, isAllHan, isDigit, isHanUnit, isWordUnit, wordBoundaries } from './text-analysis';

export { NO_POSITION, POSITION, Posting, REPEATED, Vocabulary, WORD_END, WORD_START } from './index-columns';

/** What the index needs of a dataset (its record, tags, themes and released formats). */
export interface IndexedDataset {
  id: string;
  slug: string;
  organizationId: string;
  status: string;
  deleted: boolean;
  title: string;
  titleEn: string | null;
  description: string;
  descriptionEn: string | null;
  tags: string[];
  themes: string[];
  formats: string[];
  openAttribute: string;
  priorityDomain: string | null;
  spatial: string | null;
  /** Milliseconds since the epoch. */
  modified: number;
  issued: number | null;
}

export interface IndexedOrganization {
  id: string;
  slug: string;
  name: string;
  nameEn: string | null;
}

/** What a run's bigram positions say of a field: the run is not there (-2), cannot tell (-1), or where it starts. */
export const ABSENT = -2;
export const UNKNOWN = -1;

/** Fields a term can occur in, as bits of a posting. */
export const TITLE = 1;
export const TAGS = 2;
export const BODY = 4;
export const OTHER = 8;
/** Separates tags in a document's tag text and the Chinese and English descriptions in its body text. */
const SEP = '\u0001';

export const STATUS_CODES = ['published', 'draft', 'submitted', 'withdrawn'] as const;

/**
 * Postings key of Chinese text of one or two UTF-16 units: a character is its code, a pair of characters
 * c0 * 65536 + c1 (always above any single code), so no string is made per bigram while indexing.
 */
export function hanKey(text: string): number {
  return text.length === 1 ? text.charCodeAt(0) : text.charCodeAt(0) * 65536 + text.charCodeAt(1);
}

const themeLabels = new Map(THEMES.map((t) => [t.code, [t.labelZh, t.labelEn].map(normalize)]));

/**
 * The catalogue in memory, for search: per dataset its facet values and sort keys in typed columns (multi-valued
 * facets as compressed rows), its normalized texts, and an inverted index of Chinese characters and bigrams and
 * of words. An update appends a new document and retires the old one, so postings stay sorted without being
 * rewritten; a rebuild compacts.
 */
export class SearchIndex {
  readonly ids: string[] = [];
  readonly slugs: string[] = [];
  readonly titles: string[] = [];
  readonly titlesEn: Array<string | null> = [];
  /** Normalized texts per document: title; tags and theme labels between separators; descriptions; publisher and place. */
  readonly titleText: string[] = [];
  readonly tagText: string[] = [];
  readonly bodyText: string[] = [];
  readonly otherText: string[] = [];
  /** Word boundaries of titles the postings' flags could not answer for, kept once computed ('' until then). */
  private readonly boundaries: string[] = [];
  live = new Uint8Array(0);
  /** Length of each normalized title (UTF-16 units), for ranking by where in the title a match starts. */
  titleLength = new Uint16Array(0);
  status = new Uint8Array(0);
  organization = new Int32Array(0);
  openAttribute = new Int32Array(0);
  priorityDomain = new Int32Array(0);
  modified = new Float64Array(0);
  /** The first 48 bits of each id as a number: ties between equal sort keys are broken by id without reading strings. */
  idKey = new Float64Array(0);
  issued = new Float64Array(0);
  downloads = new Float64Array(0);
  readonly themes = new ValueLists();
  readonly tags = new ValueLists();
  readonly formats = new ValueLists();
  /** Chinese characters and bigrams (see hanKey). */
  readonly hanPostings = new Map<number, Posting>();
  /** Words of letters and digits, folded. */
  readonly wordPostings = new Map<string, Posting>();
  readonly vocab = {
    organization: new Vocabulary(),
    theme: new Vocabulary(),
    tag: new Vocabulary(),
    format: new Vocabulary(),
    openAttribute: new Vocabulary(),
    priorityDomain: new Vocabulary(),
  };
  readonly organizations = new Map<string, IndexedOrganization>();
  readonly pinyin = new PinyinVocabulary();
  /** Each tag's normalized text, by tag id. */
  readonly tagTexts: string[] = [];
  /** Tag and theme ids by their normalized text (a tag or label may be written several ways). */
  private readonly tagsByText = new Map<string, number[]>();
  private readonly themesByText = new Map<string, number[]>();
  private readonly docOf = new Map<string, number>();
  private readonly interned = new Map<string, string>();
  private count = 0;
  private retired = 0;
  private ascii: { terms: string[]; from: number } | null = null;

  constructor() {
    for (const term of [...DOMAIN_TERMS, ...SYNONYM_GROUPS.flat()]) this.addWord(normalize(term));
  }

  get size(): number {
    return this.count;
  }

  get liveCount(): number {
    return this.count - this.retired;
  }

  /** Whether so many documents were retired that a rebuild pays. */
  get fragmented(): boolean {
    return this.retired > 1000 && this.retired > this.liveCount / 4;
  }

  docNo(id: string): number | undefined {
    return this.docOf.get(id);
  }

  /** The postings of a Chinese text of one or two characters, or of a word. */
  posting(term: string): Posting | undefined {
    return term.length > 0 && isHanUnit(term, 0) ? this.hanPostings.get(hanKey(term)) : this.wordPostings.get(term);
  }

  /** Whether the catalogue holds this word of letters and digits. */
  hasWord(word: string): boolean {
    return this.wordPostings.has(word);
  }

  setOrganizations(organizations: IndexedOrganization[]): void {
    this.organizations.clear();
    for (const o of organizations) {
      this.organizations.set(o.id, o);
      this.vocab.organization.id(o.id);
    }
  }

  /** Adds or replaces a dataset; a deleted one is only retired. */
  put(dataset: IndexedDataset): void {
    const previous = this.docOf.get(dataset.id);
    let downloads = 0;
    if (previous !== undefined) {
      downloads = this.downloads[previous];
      this.live[previous] = 0;
      this.retired++;
      this.docOf.delete(dataset.id);
    }
    if (dataset.deleted) return;
    const doc = this.count;
    if (doc === this.live.length) this.growColumns(doc + 1);
    this.count++;
    const organization = this.organizations.get(dataset.organizationId);
    const title = same(dataset.title, normalize(dataset.title));
    const tagWords = dataset.tags.map(normalize);
    const themeWords = dataset.themes.flatMap((code) => themeLabels.get(code) ?? [normalize(code)]);
    const tagText = `${SEP}${[...tagWords, ...themeWords].join(SEP)}${SEP}`;
    const body = normalize(dataset.descriptionEn ? `${dataset.description}${SEP}${dataset.descriptionEn}` : dataset.description);
    const other = this.intern(normalize([organization?.name, organization?.nameEn, dataset.spatial].filter(Boolean).join(' ')));
    this.ids.push(dataset.id);
    this.slugs.push(dataset.slug);
    this.titles.push(dataset.title);
    this.titlesEn.push(dataset.titleEn);
    this.titleText.push(title);
    this.boundaries.push('');
    this.tagText.push(this.intern(tagText));
    this.bodyText.push(body);
    this.otherText.push(other);
    this.live[doc] = 1;
    this.titleLength[doc] = Math.min(65535, title.length);
    this.organization[doc] = this.vocab.organization.id(dataset.organizationId);
    this.status[doc] = Math.max(0, STATUS_CODES.indexOf(dataset.status as (typeof STATUS_CODES)[number]));
    this.openAttribute[doc] = this.vocab.openAttribute.id(dataset.openAttribute);
    this.priorityDomain[doc] = dataset.priorityDomain ? this.vocab.priorityDomain.id(dataset.priorityDomain) : -1;
    this.themes.push(dataset.themes.map((t) => this.valueId(this.vocab.theme, this.themesByText, t, themeLabels.get(t) ?? [normalize(t)])));
    this.tags.push([...new Set(dataset.tags)].map((t) => this.valueId(this.vocab.tag, this.tagsByText, t, [normalize(t)], this.tagTexts)));
    this.formats.push([...new Set(dataset.formats.map((f) => f.toUpperCase()))].map((f) => this.vocab.format.id(f)));
    this.modified[doc] = dataset.modified;
    this.idKey[doc] = idKey(dataset.id);
    this.issued[doc] = dataset.issued ?? Number.NEGATIVE_INFINITY;
    this.downloads[doc] = downloads;
    this.docOf.set(dataset.id, doc);
    for (const word of tagWords) this.addWord(word);
    for (const word of themeWords) this.addWord(word);
    // Titles are segmented once here, so that ranking whole words above parts of words reads only flags.
    this.indexText(doc, TITLE, title, true, (this.boundaries[doc] = wordBoundaries(title)));
    if (dataset.titleEn) this.indexText(doc, TITLE, normalize(dataset.titleEn), true, null);
    this.indexText(doc, TAGS, tagText, true, null);
    this.indexText(doc, BODY, body, false, '');
    this.indexText(doc, OTHER, other, true, null);
  }

  /** Tables (by tag id, by theme id) of the tags and theme labels that are exactly `text`; null when none is. */
  exactTags(text: string): { tags: Uint8Array | null; themes: Uint8Array | null } {
    const table = (ids: number[] | undefined, size: number) => {
      if (!ids) return null;
      const member = new Uint8Array(size);
      for (const id of ids) member[id] = 1;
      return member;
    };
    return { tags: table(this.tagsByText.get(text), this.vocab.tag.size), themes: table(this.themesByText.get(text), this.vocab.theme.size) };
  }

  private valueId(vocabulary: Vocabulary, byText: Map<string, number[]>, value: string, texts: string[], textById?: string[]): number {
    const known = vocabulary.find(value);
    if (known !== undefined) return known;
    const id = vocabulary.id(value);
    textById?.push(texts[0]);
    for (const text of texts) {
      const ids = byText.get(text);
      if (ids) ids.push(id);
      else byText.set(text, [id]);
    }
    return id;
  }

  /** Gives back the spare capacity of postings and columns (after a load). */
  trim(): void {
    // The boundaries served the load; the few titles whose flags cannot answer are segmented again when asked.
    this.boundaries.fill('');
    for (const posting of this.hanPostings.values()) posting.trim();
    for (const posting of this.wordPostings.values()) posting.trim();
    for (const lists of [this.themes, this.tags, this.formats]) lists.trim();
    this.interned.clear();
  }

  /** Bytes held by typed arrays (postings and columns); strings are not counted. */
  get typedBytes(): number {
    let bytes = 0;
    for (const p of this.hanPostings.values()) bytes += p.bytes;
    for (const p of this.wordPostings.values()) bytes += p.bytes;
    for (const c of [this.live, this.titleLength, this.status, this.organization, this.openAttribute, this.priorityDomain, this.modified, this.idKey, this.issued, this.downloads]) bytes += c.byteLength;
    return bytes + this.themes.bytes + this.tags.bytes + this.formats.bytes;
  }

  /**
   * Indexes a normalized text: each Chinese run by its bigrams (and, in short fields, its characters), each
   * word of letters and digits folded. One pass over the UTF-16 units, no string per bigram.
   */
  private indexText(doc: number, field: number, text: string, characters: boolean, bounds: string | null): void {
    // Positions (with word flags from `bounds`, a string of '1' at word boundaries) for titles and descriptions.
    const at = (i: number, length: number) => {
      if (bounds === null || i >= POSITION) return NO_POSITION;
      return i | (bounds.charCodeAt(i) === 49 ? WORD_START : 0) | (bounds.charCodeAt(i + length) === 49 ? WORD_END : 0);
    };
    const inBody = field === BODY;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isHanUnit(text, i)) {
        let end = i + 1;
        while (end < n && isHanUnit(text, end)) end++;
        for (let k = i; k + 1 < end; k++) this.addHan(text.charCodeAt(k) * 65536 + text.charCodeAt(k + 1), doc, field, at(k, 2), inBody);
        if (characters) for (let k = i; k < end; k++) this.addHan(text.charCodeAt(k), doc, field, at(k, 1), inBody);
        i = end;
      } else if (isWordUnit(c)) {
        let end = i + 1;
        while (end < n && isWordUnit(text.charCodeAt(end))) end++;
        // Decimal parts belong to the word (pm2.5, 12.5), as in text-analysis' pieces.
        while (end + 1 < n && text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1))) {
          end += 2;
          while (end < n && isDigit(text.charCodeAt(end))) end++;
        }
        this.addWordTerm(foldWord(text.slice(i, end)), doc, field, at(i, end - i), inBody);
        i = end;
      } else i++;
    }
  }

  private addHan(key: number, doc: number, field: number, position: number, inBody: boolean): void {
    let posting = this.hanPostings.get(key);
    if (!posting) this.hanPostings.set(key, (posting = new Posting()));
    posting.add(doc, field, position, inBody);
  }

  private addWordTerm(word: string, doc: number, field: number, position: number, inBody: boolean): void {
    let posting = this.wordPostings.get(word);
    if (!posting) this.wordPostings.set(word, (posting = new Posting()));
    posting.add(doc, field, position, inBody);
  }

  /** Indexed words of letters and digits, sorted (for English completions). */
  asciiTerms(): string[] {
    if (!this.ascii || this.ascii.from !== this.wordPostings.size) {
      const terms = [...this.wordPostings.keys()].sort();
      this.ascii = { terms, from: this.wordPostings.size };
    }
    return this.ascii.terms;
  }

  private addWord(word: string): void {
    if (word.length >= 2 && word.length <= 12 && isAllHan(word)) this.pinyin.add(word);
  }

  private intern(text: string): string {
    const known = this.interned.get(text);
    if (known !== undefined) return known;
    if (this.interned.size < 100_000) this.interned.set(text, text);
    return text;
  }

  private growColumns(needed: number): void {
    this.live = grow(this.live, needed);
    this.titleLength = grow(this.titleLength, needed);
    this.status = grow(this.status, needed);
    this.organization = grow(this.organization, needed);
    this.openAttribute = grow(this.openAttribute, needed);
    this.priorityDomain = grow(this.priorityDomain, needed);
    this.modified = grow(this.modified, needed);
    this.idKey = grow(this.idKey, needed);
    this.issued = grow(this.issued, needed);
    this.downloads = grow(this.downloads, needed);
  }

  /**
   * For a Chinese run not found in the title: the fields among `candidates` (tags, publisher, description, in
   * that order) where it occurs, 0 when none; `bodyAt` is what the bigram positions told of the description. The first field that holds it makes the match; the remaining
   * candidates (their bigrams are there) count for ranking without a check, since the match stands anyway.
   */
  fieldsOutsideTitle(doc: number, text: string, candidates: number, bodyAt: number): number {
    if (bodyAt === ABSENT) candidates &= ~BODY;
    if (candidates & TAGS && this.tagText[doc].includes(text)) return candidates & ~TITLE;
    if (candidates & OTHER && this.otherText[doc].includes(text)) return candidates & ~(TITLE | TAGS);
    if (candidates & BODY && (bodyAt >= 0 || this.bodyText[doc].includes(text))) return BODY;
    return 0;
  }

  /**
   * Whether `text`, found at `from` in the title, occurs there or later as whole words (its ends fall on word
   * boundaries). The postings' flags answer this for most matches; this reads the title when they cannot.
   */
  wholeWordInTitle(doc: number, text: string, from: number): boolean {
    const title = this.titleText[doc];
    let at = from;
    if (at < 0) return false;
    const bounds = this.boundaries[doc] || (this.boundaries[doc] = wordBoundaries(title));
    for (; at >= 0; at = title.indexOf(text, at + 1)) {
      if (bounds.charCodeAt(at) === 49 && bounds.charCodeAt(at + text.length) === 49) return true;
    }
    return false;
  }

  /** Position of `text` in the title, or -1. */
  titlePosition(doc: number, text: string): number {
    return this.titleText[doc].indexOf(text);
  }
}

/** The first 48 bits of a UUID (its first 12 hex digits) as a number: ordered as the ids are (lower-case hex). */
export function idKey(id: string): number {
  const key = Number.parseInt(id.slice(0, 12), 16);
  return Number.isNaN(key) ? 0 : key;
}

/** The first string when both are equal, so that an already normalized title is held once. */
function same(original: string, normalized: string): string {
  return normalized === original ? original : normalized;
}
