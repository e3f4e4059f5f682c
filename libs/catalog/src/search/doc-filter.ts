import { DatasetSearchFilter, Visibility } from './dataset-search';
import { STATUS_CODES, SearchIndex, Vocabulary } from './search-index';

/** A set of document numbers, one bit each. */
export type Bits = Uint32Array;

export function newBits(size: number): Bits {
  return new Uint32Array((size + 31) >>> 5);
}

export function hasBit(bits: Bits, doc: number): boolean {
  return (bits[doc >>> 5] & (1 << (doc & 31))) !== 0;
}

export function setBit(bits: Bits, doc: number): void {
  bits[doc >>> 5] |= 1 << (doc & 31);
}

/** A membership table by value id: 1 for the values asked for (unknown values match nothing). */
function table(vocabulary: Vocabulary, values: readonly string[] | undefined): Uint8Array | null {
  if (!values?.length) return null;
  const member = new Uint8Array(Math.max(1, vocabulary.size));
  for (const value of values) {
    const id = vocabulary.find(value);
    if (id !== undefined) member[id] = 1;
  }
  return member;
}

/**
 * Whether a document is live, visible to the caller (drafts of their organizations only, unless administrator)
 * and passes the filters and the boolean condition: typed-array lookups, no sets or closures per document.
 */
export class DocFilter {
  private readonly members: Uint8Array;
  private readonly allUnpublished: boolean;
  private readonly organizations: Uint8Array | null;
  private readonly themes: Uint8Array | null;
  private readonly tags: Uint8Array | null;
  private readonly formats: Uint8Array | null;
  private readonly openAttributes: Uint8Array | null;
  private readonly priorityDomains: Uint8Array | null;
  private readonly statuses: Uint8Array | null;
  /** True when nothing but liveness and visibility is checked. */
  private readonly plain: boolean;

  constructor(
    private readonly index: SearchIndex,
    filter: DatasetSearchFilter,
    visibility: Visibility | null,
    private readonly where: Bits | null = null,
  ) {
    const v = index.vocab;
    this.allUnpublished = visibility === null || visibility.allUnpublished;
    this.members = new Uint8Array(Math.max(1, v.organization.size));
    for (const id of visibility?.organizationIds ?? []) {
      const n = v.organization.find(id);
      if (n !== undefined) this.members[n] = 1;
    }
    const organizationIds = filter.organizations?.map((slug) => [...index.organizations.values()].find((o) => o.slug === slug)?.id ?? '');
    this.organizations = table(v.organization, organizationIds);
    this.themes = table(v.theme, filter.themes);
    this.tags = table(v.tag, filter.tags);
    this.formats = table(v.format, filter.formats?.map((f) => f.toUpperCase()));
    this.openAttributes = table(v.openAttribute, filter.openAttributes);
    this.priorityDomains = table(v.priorityDomain, filter.priorityDomains);
    this.statuses = filter.statuses?.length ? new Uint8Array(STATUS_CODES.map((s) => (filter.statuses!.includes(s) ? 1 : 0))) : null;
    this.plain = !this.organizations && !this.themes && !this.tags && !this.formats && !this.openAttributes && !this.priorityDomains && !this.statuses && !where;
  }

  passes(doc: number): boolean {
    const ix = this.index;
    if (ix.live[doc] !== 1) return false;
    if (ix.status[doc] !== 0 && !this.allUnpublished && this.members[ix.organization[doc]] !== 1) return false;
    return this.plain || this.passesFilters(doc);
  }

  private passesFilters(doc: number): boolean {
    const ix = this.index;
    if (this.where && !hasBit(this.where, doc)) return false;
    if (this.organizations && this.organizations[ix.organization[doc]] !== 1) return false;
    if (this.statuses && this.statuses[ix.status[doc]] !== 1) return false;
    if (this.openAttributes && this.openAttributes[ix.openAttribute[doc]] !== 1) return false;
    if (this.priorityDomains && (ix.priorityDomain[doc] < 0 || this.priorityDomains[ix.priorityDomain[doc]] !== 1)) return false;
    if (this.themes && !ix.themes.any(doc, this.themes)) return false;
    if (this.tags && !ix.tags.any(doc, this.tags)) return false;
    if (this.formats && !ix.formats.any(doc, this.formats)) return false;
    return true;
  }

  /** Every document that passes, as bits. */
  bits(): Bits {
    const size = this.index.size;
    const bits = newBits(size);
    for (let doc = 0; doc < size; doc++) if (this.passes(doc)) setBit(bits, doc);
    return bits;
  }
}
