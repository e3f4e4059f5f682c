import { THEMES } from '../metadata/vocabularies';
import { normalize } from './segmenter';
import { DOMAIN_TERMS } from './domain-dictionary';
import { PinyinVocabulary } from './pinyin-vocabulary';
import { SYNONYM_GROUPS } from './synonym-data';
import { bigrams, isAllHan, pieces, wordBoundaries } from './text-analysis';

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

/** Fields a term can occur in, as bits of a posting. */
export const TITLE = 1;
export const TAGS = 2;
export const BODY = 4;
export const OTHER = 8;
const FIELDS = [TITLE, TAGS, BODY, OTHER];
const SEP = '\u0001';

/** A tag or theme label as stored between separators in a document's tag text. */
export function tagKey(text: string): string {
  return `${SEP}${text}${SEP}`;
}

export const STATUS_CODES = ['published', 'draft', 'submitted', 'withdrawn'] as const;

/** A growable list of `docNo << 4 | fields`, in docNo order (documents are only ever appended). */
export class Posting {
  data = new Int32Array(4);
  size = 0;

  push(value: number): void {
    if (this.size === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = value;
  }
}

/** Interns strings to small integers (facet values). */
export class Vocabulary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  id(value: string): number {
    let id = this.index.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.index.set(value, id);
    }
    return id;
  }

  find(value: string): number | undefined {
    return this.index.get(value);
  }
}

const themeLabels = new Map(THEMES.map((t) => [t.code, [t.labelZh, t.labelEn]]));

/**
 * The catalogue in memory, for search: per dataset its facet values, sort keys and normalized texts, and an
 * inverted index of Chinese characters and bigrams and of words. An update appends a new document and
 * retires the old one, so postings stay sorted without being rewritten.
 */
export class SearchIndex {
  readonly ids: string[] = [];
  readonly slugs: string[] = [];
  readonly live: number[] = [];
  readonly titles: string[] = [];
  readonly titlesEn: Array<string | null> = [];
  /** Normalized texts per document: title, tags and theme labels, description, publisher and place. */
  readonly texts: string[][] = [];
  /** Word boundaries of each title, computed when first needed. */
  readonly boundaries: string[] = [];
  readonly organization: number[] = [];
  readonly status: number[] = [];
  readonly openAttribute: number[] = [];
  readonly priorityDomain: number[] = [];
  readonly themes: number[][] = [];
  readonly tags: number[][] = [];
  readonly formats: number[][] = [];
  readonly modified: number[] = [];
  readonly issued: number[] = [];
  readonly downloads: number[] = [];
  readonly postings = new Map<string, Posting>();
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
  private readonly docOf = new Map<string, number>();
  private retired = 0;
  private ascii: { terms: string[]; from: number } | null = null;

  constructor() {
    for (const term of [...DOMAIN_TERMS, ...SYNONYM_GROUPS.flat()]) this.addWord(normalize(term));
  }

  get size(): number {
    return this.ids.length;
  }

  get liveCount(): number {
    return this.ids.length - this.retired;
  }

  /** Whether so many documents were retired that a rebuild pays. */
  get fragmented(): boolean {
    return this.retired > 1000 && this.retired > this.liveCount / 4;
  }

  docNo(id: string): number | undefined {
    return this.docOf.get(id);
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
    const doc = this.ids.length;
    const organization = this.organizations.get(dataset.organizationId);
    const title = normalize(dataset.title);
    const tagText = dataset.tags.map(normalize);
    const themeText = dataset.themes.flatMap((code) => (themeLabels.get(code) ?? [code]).map(normalize));
    const other = normalize([organization?.name, organization?.nameEn, dataset.spatial].filter(Boolean).join(' '));
    const texts = [title, `${SEP}${[...tagText, ...themeText].join(SEP)}${SEP}`, normalize(`${dataset.description} ${dataset.descriptionEn ?? ''}`), other];
    this.ids.push(dataset.id);
    this.slugs.push(dataset.slug);
    this.live.push(1);
    this.titles.push(dataset.title);
    this.titlesEn.push(dataset.titleEn);
    this.texts.push(texts);
    this.boundaries.push('');
    this.organization.push(this.vocab.organization.id(dataset.organizationId));
    this.status.push(Math.max(0, STATUS_CODES.indexOf(dataset.status as (typeof STATUS_CODES)[number])));
    this.openAttribute.push(this.vocab.openAttribute.id(dataset.openAttribute));
    this.priorityDomain.push(dataset.priorityDomain ? this.vocab.priorityDomain.id(dataset.priorityDomain) : -1);
    this.themes.push(dataset.themes.map((t) => this.vocab.theme.id(t)));
    this.tags.push([...new Set(dataset.tags)].map((t) => this.vocab.tag.id(t)));
    this.formats.push([...new Set(dataset.formats.map((f) => f.toUpperCase()))].map((f) => this.vocab.format.id(f)));
    this.modified.push(dataset.modified);
    this.issued.push(dataset.issued ?? Number.NEGATIVE_INFINITY);
    this.downloads.push(downloads);
    this.docOf.set(dataset.id, doc);
    for (const word of [...tagText, ...themeText]) this.addWord(word);
    this.indexTerms(doc, [
      [TITLE, `${title} ${dataset.titleEn ?? ''}`, true],
      [TAGS, texts[1], true],
      [BODY, texts[2], false],
      [OTHER, other, true],
    ]);
  }

  private indexTerms(doc: number, fields: Array<[number, string, boolean]>): void {
    const masks = new Map<string, number>();
    const add = (term: string, field: number) => masks.set(term, (masks.get(term) ?? 0) | field);
    for (const [field, text, characters] of fields) {
      const { han, words } = pieces(text);
      for (const word of words) add(word, field);
      for (const run of han) {
        for (const pair of bigrams(run)) add(pair, field);
        // Single characters only where short texts make them meaningful (titles, tags, names).
        if (characters) for (const c of run) add(c, field);
      }
    }
    for (const [term, mask] of masks) {
      let posting = this.postings.get(term);
      if (!posting) this.postings.set(term, (posting = new Posting()));
      posting.push((doc << 4) | mask);
    }
  }

  /** Indexed words of letters and digits, sorted (for English completions). */
  asciiTerms(): string[] {
    if (!this.ascii || this.ascii.from !== this.postings.size) {
      const terms = [...this.postings.keys()].filter((t) => /^[a-z0-9]/.test(t)).sort();
      this.ascii = { terms, from: this.postings.size };
    }
    return this.ascii.terms;
  }

  private addWord(word: string): void {
    if (word.length >= 2 && word.length <= 12 && isAllHan(word)) this.pinyin.add(word);
  }

  /** The fields (bits) of a document whose normalized text contains `text` (a run of Chinese characters). */
  fieldsContaining(doc: number, text: string, candidates: number): number {
    let mask = 0;
    const texts = this.texts[doc];
    for (let f = 0; f < FIELDS.length; f++) {
      if (candidates & FIELDS[f] && texts[f].includes(text)) mask |= FIELDS[f];
    }
    return mask;
  }

  /** Whether `text` occurs in the title as whole words (its ends fall on word boundaries). */
  wholeWordInTitle(doc: number, text: string): boolean {
    const title = this.texts[doc][0];
    // Segmenting every title at load would double its time; titles are segmented when first ranked.
    const bounds = this.boundaries[doc] || (this.boundaries[doc] = wordBoundaries(title));
    for (let at = title.indexOf(text); at >= 0; at = title.indexOf(text, at + 1)) {
      if (bounds.charCodeAt(at) === 49 && bounds.charCodeAt(at + text.length) === 49) return true;
    }
    return false;
  }

  /** Position of `text` in the title, or -1. */
  titlePosition(doc: number, text: string): number {
    return this.texts[doc][0].indexOf(text);
  }

  /** Whether `text` is one of the document's tags or theme labels exactly. */
  isTag(doc: number, text: string): boolean {
    return this.texts[doc][1].includes(tagKey(text));
  }
}
