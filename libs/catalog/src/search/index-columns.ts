/**
 * The flat structures the search index is made of: no object per document, so that a catalogue of a million
 * datasets is a few dozen typed arrays the garbage collector never has to walk.
 */

/**
 * A term's first position in a field (title, description) with flags: POSITION bits, REPEATED when it occurs
 * again later, WORD_START / WORD_END (titles) when a word of the title starts at its first character / ends
 * after its last. NO_POSITION: not in the field (or beyond the first 1,022 characters).
 */
export const NO_POSITION = 0xffff;
export const POSITION = 0x3ff;
export const REPEATED = 0x400;
export const WORD_START = 0x800;
export const WORD_END = 0x1000;

/**
 * A growable list of `docNo << 4 | fields`, in docNo order (documents are only ever appended), with the
 * positions of the term's first occurrence in the document's title and in its description beside each entry
 * (REPEATED added when it occurs again), so that ranking and the check of longer runs seldom need a string
 * search.
 */
export class Posting {
  data = new Int32Array(4);
  titleAt = new Uint16Array(4);
  bodyAt = new Uint16Array(4);
  size = 0;

  /**
   * Records that `doc` holds the term in `fields`, at `position` (with its flags) of the title (or description,
   * with `inBody`); a second call for the same document merges.
   */
  add(doc: number, fields: number, position: number, inBody: boolean): void {
    let size = this.size;
    if (size === 0 || this.data[size - 1] >> 4 !== doc) {
      if (size === this.data.length) this.grow();
      this.data[size] = doc << 4;
      this.titleAt[size] = NO_POSITION;
      this.bodyAt[size] = NO_POSITION;
      this.size = ++size;
    }
    const last = size - 1;
    this.data[last] |= fields;
    if (position === NO_POSITION) return;
    const positions = inBody ? this.bodyAt : this.titleAt;
    const known = positions[last];
    positions[last] = known === NO_POSITION ? position : known | REPEATED;
  }

  private grow(): void {
    const capacity = this.size < 1024 ? this.size * 2 : this.size + (this.size >> 1);
    const data = new Int32Array(capacity);
    data.set(this.data);
    this.data = data;
    const titleAt = new Uint16Array(capacity);
    titleAt.set(this.titleAt);
    this.titleAt = titleAt;
    const bodyAt = new Uint16Array(capacity);
    bodyAt.set(this.bodyAt);
    this.bodyAt = bodyAt;
  }

  /** Gives back the spare capacity (after a load). */
  trim(): void {
    if (this.data.length > this.size) {
      this.data = this.data.slice(0, this.size);
      this.titleAt = this.titleAt.slice(0, this.size);
      this.bodyAt = this.bodyAt.slice(0, this.size);
    }
  }

  get bytes(): number {
    return this.data.byteLength + this.titleAt.byteLength + this.bodyAt.byteLength;
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

  get size(): number {
    return this.values.length;
  }
}

/**
 * Lists of small integers per document in compressed sparse rows: document d's values are
 * `values[offsets[d] .. offsets[d + 1])`. Appending a document appends its values.
 */
export class ValueLists {
  offsets = new Int32Array(1025);
  values = new Int32Array(1024);
  private docs = 0;

  push(list: readonly number[]): void {
    const start = this.offsets[this.docs];
    if (this.docs + 2 > this.offsets.length) this.offsets = grow(this.offsets, this.docs + 2);
    if (start + list.length > this.values.length) this.values = grow(this.values, start + list.length);
    for (let i = 0; i < list.length; i++) this.values[start + i] = list[i];
    this.offsets[++this.docs] = start + list.length;
  }

  /** Whether document `doc` holds a value marked in `member` (a table by value id). */
  any(doc: number, member: Uint8Array): boolean {
    for (let i = this.offsets[doc], end = this.offsets[doc + 1]; i < end; i++) if (member[this.values[i]] === 1) return true;
    return false;
  }

  includes(doc: number, value: number): boolean {
    for (let i = this.offsets[doc], end = this.offsets[doc + 1]; i < end; i++) if (this.values[i] === value) return true;
    return false;
  }

  trim(): void {
    this.offsets = this.offsets.slice(0, this.docs + 1);
    this.values = this.values.slice(0, this.offsets[this.docs]);
  }

  get bytes(): number {
    return this.offsets.byteLength + this.values.byteLength;
  }
}

/** A copy of `array` with room for at least `needed` elements (growing by half, at least). */
export function grow<T extends Int32Array | Float64Array | Uint8Array | Uint16Array>(array: T, needed: number): T {
  const capacity = Math.max(needed, Math.ceil(array.length * 1.5), 1024);
  const grown = new (array.constructor as new (length: number) => T)(capacity);
  grown.set(array);
  return grown;
}
