import { messageText } from '@opendata/common';
import { CsvFormatError } from './read-errors';

export interface TokenizerDialect {
  /** One character each. */
  delimiter: string;
  quote: string;
  /** The quote itself means doubled quotes only; another character escapes the next one, quoted or not. */
  escape: string;
  /** Python's skipinitialspace: spaces right after a delimiter (or at a line start) are not part of the field. */
  skipInitialSpace: boolean;
}

export interface LineEndingCounts {
  lf: number;
  crlf: number;
  cr: number;
}

/** Beyond this a record is taken for an unclosed quote swallowing the file, and memory stays bounded. */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

const LF = 10;
const CR = 13;
const SPACE = 32;

/** A field and the index of the character that ended it (a delimiter, a line break, or the end of the text). */
interface Field {
  value: string;
  end: number;
}

/**
 * Streaming CSV tokenizer with Python csv semantics (frictionless-py reads CSV with Python's csv module):
 * LF, CRLF and CR all end records, even mixed; empty lines are records with no fields; quotes in the middle
 * of an unquoted field are literal; text after a closing quote is kept. Lines without a quote or escape
 * character are cut with native indexOf/split; only the others are walked field by field. On 1 M rows x 21
 * columns this reads about 380 k rows/s where csv-parse (a byte-by-byte parser) read 80-100 k, and
 * csv-parse cannot combine an escape character with doubled quotes, which frictionless' escaping.csv needs.
 * csv-parse stays the reference the spec compares this tokenizer with.
 */
export class CsvTokenizer {
  records = 0;
  readonly lineEndings: LineEndingCounts = { lf: 0, crlf: 0, cr: 0 };
  private text = '';
  private pos = 0;
  // Positions of the next LF, CR, quote-or-escape and escape at or after `pos` (text.length when none).
  private nextLf = -1;
  private nextCr = -1;
  private nextSpecial = -1;
  private nextEscape = -1;
  /** After an incomplete record, wait until the buffer doubles so a long record is not rescanned per chunk. */
  private retryLength = 0;
  private readonly delimiterCode: number;
  private readonly quoteCode: number;
  private readonly escapeCode: number;

  constructor(private readonly dialect: TokenizerDialect) {
    for (const [name, value] of Object.entries({ delimiter: dialect.delimiter, quote: dialect.quote, escape: dialect.escape })) {
      if (value.length !== 1) throw new RangeError(`the CSV ${name} must be one character, got ${JSON.stringify(value)}`);
    }
    this.delimiterCode = dialect.delimiter.charCodeAt(0);
    this.quoteCode = dialect.quote.charCodeAt(0);
    this.escapeCode = dialect.escape === dialect.quote ? -1 : dialect.escape.charCodeAt(0);
  }

  /**
   * Appends the records completed by `chunk` to `out`, and to `lines` (when given) each record's line as written,
   * or null for a record read field by field (quotes or escapes).
   */
  push(chunk: string, out: string[][], lines?: Array<string | null> | null): void {
    this.text = this.pos < this.text.length ? this.text.slice(this.pos) + chunk : chunk;
    this.pos = 0;
    this.nextLf = this.nextCr = this.nextSpecial = this.nextEscape = -1;
    if (this.text.length >= this.retryLength) this.parse(out, false, lines ?? null);
    if (this.text.length - this.pos > MAX_RECORD_CHARS) {
      throw new CsvFormatError(this.records + 1, messageText('csv.rowTooLong', { row: this.records + 1, max: MAX_RECORD_CHARS }));
    }
  }

  /** Appends the last record; throws CsvFormatError when a quoted field is still open. */
  end(out: string[][], lines?: Array<string | null> | null): void {
    this.parse(out, true, lines ?? null);
    this.text = '';
    this.pos = 0;
  }

  private parse(out: string[][], final: boolean, lines: Array<string | null> | null): void {
    const s = this.text;
    const n = s.length;
    let pos = this.pos;
    while (pos < n) {
      if (this.nextLf < pos) this.nextLf = indexOrEnd(s, '\n', pos);
      if (this.nextCr < pos) this.nextCr = indexOrEnd(s, '\r', pos);
      if (this.nextSpecial < pos) this.nextSpecial = this.findSpecial(s, pos);
      const eol = this.nextLf < this.nextCr ? this.nextLf : this.nextCr;
      let next: number;
      if (this.nextSpecial < eol) {
        next = this.parseRecord(s, pos, out, final);
        if (next >= 0) lines?.push(null);
      } else if (!final && (eol === n || (eol === n - 1 && s.charCodeAt(eol) === CR))) {
        next = -1; // the line (or its CRLF) may go on in the next chunk
      } else {
        const line = s.slice(pos, eol);
        out.push(this.splitLine(line));
        lines?.push(line);
        this.records++;
        next = this.skipLineEnd(s, eol);
      }
      if (next < 0) {
        this.retryLength = 2 * (n - pos);
        break;
      }
      pos = next;
    }
    this.pos = pos;
    if (pos >= n) this.retryLength = 0;
  }

  private findSpecial(s: string, from: number): number {
    const quote = indexOrEnd(s, this.dialect.quote, from);
    if (this.escapeCode < 0) return quote;
    if (this.nextEscape < from) this.nextEscape = indexOrEnd(s, this.dialect.escape, from);
    return Math.min(quote, this.nextEscape);
  }

  private splitLine(line: string): string[] {
    if (line.length === 0) return [];
    const fields = line.split(this.dialect.delimiter);
    if (this.dialect.skipInitialSpace) {
      for (let i = 0; i < fields.length; i++) if (fields[i].charCodeAt(0) === SPACE) fields[i] = fields[i].replace(/^ +/, '');
    }
    return fields;
  }

  /** Index after the line break at `eol` (which may be the end of the text), counting its kind. */
  private skipLineEnd(s: string, eol: number): number {
    const c = s.charCodeAt(eol);
    if (c === LF) {
      this.lineEndings.lf++;
      return eol + 1;
    }
    if (c === CR) {
      if (s.charCodeAt(eol + 1) === LF) {
        this.lineEndings.crlf++;
        return eol + 2;
      }
      this.lineEndings.cr++;
      return eol + 1;
    }
    return eol;
  }

  /** The general path, for records with quotes or escapes: the index after the record, or -1 if incomplete. */
  private parseRecord(s: string, start: number, out: string[][], final: boolean): number {
    const n = s.length;
    const fields: string[] = [];
    let i = start;
    for (;;) {
      const field = this.parseField(s, i, final);
      if (!field) return -1;
      fields.push(field.value);
      i = field.end;
      if (i >= n) {
        if (!final) return -1;
        break;
      }
      const c = s.charCodeAt(i);
      if (c === this.delimiterCode) {
        i++;
        if (i >= n && !final) return -1;
        continue;
      }
      if (c === CR && i + 1 >= n && !final) return -1;
      i = this.skipLineEnd(s, i);
      break;
    }
    out.push(fields);
    this.records++;
    return i;
  }

  private parseField(s: string, start: number, final: boolean): Field | null {
    let i = start;
    if (this.dialect.skipInitialSpace) while (i < s.length && s.charCodeAt(i) === SPACE) i++;
    if (i < s.length && s.charCodeAt(i) === this.quoteCode) return this.parseQuoted(s, i + 1, final);
    return this.parseBare(s, i, '', final);
  }

  /** An unquoted field, or what follows a closing quote (Python keeps it: `"a"b` reads as `ab`). */
  private parseBare(s: string, start: number, prefix: string, final: boolean): Field | null {
    const n = s.length;
    let value = prefix;
    let from = start;
    let i = start;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === this.delimiterCode || c === LF || c === CR) break;
      if (c === this.escapeCode) {
        if (i + 1 >= n && !final) return null;
        value += s.slice(from, i) + s.charAt(i + 1);
        i += 2;
        from = i;
        continue;
      }
      i++;
    }
    if (i > n) i = n;
    return { value: value + s.slice(from, i), end: i };
  }

  private parseQuoted(s: string, start: number, final: boolean): Field | null {
    const n = s.length;
    let value = '';
    let i = start;
    for (;;) {
      const quote = s.indexOf(this.dialect.quote, i);
      if (this.escapeCode >= 0) {
        if (this.nextEscape < i) this.nextEscape = indexOrEnd(s, this.dialect.escape, i);
        const escape = this.nextEscape;
        if (escape < n && (quote < 0 || escape < quote)) {
          if (escape + 1 >= n) return this.openQuote(final);
          value += s.slice(i, escape) + s.charAt(escape + 1);
          i = escape + 2;
          continue;
        }
      }
      if (quote < 0) return this.openQuote(final);
      value += s.slice(i, quote);
      if (quote + 1 >= n && !final) return null; // a doubled quote may straddle the chunks
      if (s.charCodeAt(quote + 1) === this.quoteCode) {
        value += this.dialect.quote;
        i = quote + 2;
        continue;
      }
      return this.parseBare(s, quote + 1, value, final);
    }
  }

  private openQuote(final: boolean): null {
    if (!final) return null;
    const row = this.records + 1;
    throw new CsvFormatError(row, messageText('csv.unclosedQuote', { row }));
  }
}

function indexOrEnd(s: string, needle: string, from: number): number {
  const at = s.indexOf(needle, from);
  return at < 0 ? s.length : at;
}
