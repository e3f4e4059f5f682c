import { messageText } from '@opendata/common';
import { XlsxFormatError } from './read-errors';
import { xlsxCellText } from './xlsx-cells';

/**
 * Caps of one workbook's shared-strings table (XLSX keeps each distinct text once, in a part the cells point
 * into, so it has to be at hand while the sheet streams). Within them the table takes at most about 56 MB; a
 * bigger table is refused with a clear error rather than let one upload take the server's memory.
 */
export const SHARED_STRINGS_MAX_BYTES = 32 * 1024 * 1024;
export const SHARED_STRINGS_MAX_COUNT = 2_000_000;

const CHUNK_BYTES = 1024 * 1024;

export interface SharedStringLimits {
  maxBytes?: number;
  maxCount?: number;
}

/**
 * The shared strings as UTF-8 bytes in 1 MB chunks plus two offset arrays: 12 bytes per string on top of its
 * text. exceljs' own cache (an array of the parser's strings, which keep the parser's chunks alive) ran out of
 * a 128 MB heap on an 11 MB workbook of 1.5 million distinct texts; with this table the read fits in 96 MB.
 */
export class SharedStringTable {
  private readonly chunks: Buffer[] = [];
  private used = 0; // bytes used in the last chunk
  private starts = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  private count = 0;
  private bytes = 0;

  private readonly maxBytes: number;
  private readonly maxCount: number;

  constructor(limits: SharedStringLimits = {}) {
    this.maxBytes = limits.maxBytes ?? SHARED_STRINGS_MAX_BYTES;
    this.maxCount = limits.maxCount ?? SHARED_STRINGS_MAX_COUNT;
  }

  get size(): number {
    return this.count;
  }

  /** Adds the next string: text, null for an empty one, or exceljs' rich text (its runs' texts joined). */
  push(value: unknown): number {
    const text = xlsxCellText({ value }); // what the cell would read as: '' for null, rich text's runs joined
    const length = Buffer.byteLength(text, 'utf8');
    this.bytes += length;
    if (this.count >= this.maxCount || this.bytes > this.maxBytes) {
      throw new XlsxFormatError(messageText('xlsx.sharedStringsTooLarge', { count: this.maxCount.toLocaleString('en'), megabytes: Math.round(this.maxBytes / 1024 / 1024) }));
    }
    if (this.count === this.starts.length) this.grow();
    if (this.chunks.length === 0 || length > CHUNK_BYTES - this.used) this.openChunk(length);
    const chunk = this.chunks.length - 1;
    this.chunks[chunk].write(text, this.used, 'utf8');
    this.starts[this.count] = chunk * CHUNK_BYTES + this.used;
    this.lengths[this.count] = length;
    this.used += length;
    return ++this.count;
  }

  /** The string at `index`; undefined past the end, as the array exceljs reads from would give. */
  get(index: number): string | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    const start = this.starts[index];
    const chunk = Math.floor(start / CHUNK_BYTES);
    const offset = start - chunk * CHUNK_BYTES;
    return this.chunks[chunk].toString('utf8', offset, offset + this.lengths[index]);
  }

  /** Excel caps a cell at 32,767 characters (under 100 KB of UTF-8): a longer text is not a spreadsheet's. */
  private openChunk(length: number): void {
    if (length > CHUNK_BYTES) {
      throw new XlsxFormatError(messageText('xlsx.sharedStringTooLong', { megabytes: CHUNK_BYTES / 1024 / 1024 }));
    }
    this.chunks.push(Buffer.allocUnsafe(CHUNK_BYTES));
    this.used = 0;
  }

  private grow(): void {
    const size = Math.min(this.starts.length * 2, Math.max(this.maxCount, 1)); // never more slots than the cap
    const starts = new Float64Array(size);
    starts.set(this.starts);
    const lengths = new Uint32Array(size);
    lengths.set(this.lengths);
    this.starts = starts;
    this.lengths = lengths;
  }
}

/**
 * Makes exceljs keep its shared strings in a SharedStringTable: it assigns `sharedStrings = []`, pushes each
 * string, and reads `sharedStrings[index]` for each cell; the stand-in answers the same three.
 */
export function keepSharedStringsCompact(workbook: object, limits: SharedStringLimits = {}): void {
  let table: object | undefined;
  Object.defineProperty(workbook, 'sharedStrings', {
    configurable: true,
    get: () => table,
    set: (value: unknown) => {
      table = value === undefined ? undefined : tableView(new SharedStringTable(limits));
    },
  });
}

function tableView(strings: SharedStringTable): object {
  const push = (value: unknown): number => strings.push(value);
  return new Proxy(strings, {
    get(target, key) {
      if (key === 'push') return push;
      if (key === 'length') return target.size;
      if (typeof key === 'string' && key.length > 0 && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57) return target.get(Number(key));
      return undefined;
    },
  });
}
