/**
 * The flat structures the search index is made of: no object per document, so that a catalogue of a million
 * datasets is a few dozen typed arrays the garbage collector never has to walk.
 */

/** Title position recorded for a term that is not in the (Chinese) title, or too far into it. */
export const NO_POSITION = 255;

/**
 * A growable list of `docNo << 4 | fields`, in docNo order (documents are only ever appended), with the
 * position of the term's first occurrence in the document's title beside each entry, so that ranking and the
 * check of longer runs need no string search in titles.
 */
export class Posting {
  data = new Int32Array(4);
  positions = new Uint8Array(4);
  size = 0;

  /** Records that `doc` holds the term in `fields`; a second call for the same document merges the fields. */
  add(doc: number, fields: number, position: number): void {
    const size = this.size;
    if (size > 0 && this.data[size - 1] >> 4 === doc) {
      this.data[size - 1] |= fields;
      if (this.positions[size - 1] === NO_POSITION) this.positions[size - 1] = position;
      return;
    }
    if (size === this.data.length) {
      const capacity = size < 1024 ? size * 2 : size + (size >> 1);
      const data = new Int32Array(capacity);
      data.set(this.data);
      this.data = data;
      const positions = new Uint8Array(capacity);
      positions.set(this.positions);
      this.positions = positions;
    }
    this.data[size] = (doc << 4) | fields;
    this.positions[size] = position;
    this.size = size + 1;
  }

  /** Gives back the spare capacity (after a load). */
  trim(): void {
    if (this.data.length > this.size) {
      this.data = this.data.slice(0, this.size);
      this.positions = this.positions.slice(0, this.size);
    }
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
export function grow<T extends Int32Array | Float64Array | Uint8Array>(array: T, needed: number): T {
  const capacity = Math.max(needed, Math.ceil(array.length * 1.5), 1024);
  const grown = new (array.constructor as new (length: number) => T)(capacity);
  grown.set(array);
  return grown;
}
