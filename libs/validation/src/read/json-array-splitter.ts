import { MessageKey, messageText } from '@opendata/common';
import { MAX_JSON_DEPTH, tooDeep } from './json-rows';
import { JsonFormatError } from './read-errors';

/** Beyond this one element is refused, so a broken file cannot make us hold all of it. */
export const MAX_ELEMENT_CHARS = 16 * 1024 * 1024;

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const QUOTE = 34;
const BACKSLASH = 92;

/** How a JSON array can be malformed, each a message naming the record where it was found. */
type ArrayProblem = Exclude<Extract<MessageKey, `json.array.${string}`>, 'json.array.elementTooLong'>;

/** Where we are outside an element: before "[", after "[", after ",", after an element, after "]". */
type Phase = 'start' | 'first' | 'expect' | 'after' | 'done';

/**
 * Cuts the text of a top-level JSON array into the texts of its elements, chunk by chunk, without parsing
 * them: each element is then given to the native JSON.parse, which is far faster than a JavaScript token
 * stream (stream-json), and a syntax error is known to belong to one element, hence to one record.
 */
export class JsonArraySplitter {
  /** Elements completed so far. */
  count = 0;
  private buffer = '';
  private scan = 0;
  /** Index in `buffer` where the current element starts; -1 between elements. */
  private valueStart = -1;
  private phase: Phase = 'start';
  private depth = 0;
  private inString = false;

  /** Appends the texts of the elements that `chunk` completes to `out`. */
  push(chunk: string, out: string[]): void {
    if (this.valueStart >= 0) {
      this.buffer = this.buffer.slice(this.valueStart) + chunk;
      this.scan -= this.valueStart;
      this.valueStart = 0;
    } else {
      this.buffer = chunk;
      this.scan = 0;
    }
    this.run(out);
    if (this.valueStart >= 0 && this.buffer.length - this.valueStart > MAX_ELEMENT_CHARS) {
      throw new JsonFormatError(this.count + 1, messageText('json.array.elementTooLong', { record: this.count + 1, max: MAX_ELEMENT_CHARS }));
    }
  }

  end(): void {
    if (this.phase === 'start') this.fail('json.array.missing');
    if (this.phase !== 'done') this.fail('json.array.notClosed');
  }

  private run(out: string[]): void {
    const s = this.buffer;
    const n = s.length;
    let i = this.scan;
    while (i < n) {
      if (this.valueStart < 0) {
        i = this.structural(s, i);
        continue;
      }
      const end = this.valueEnd(s, i);
      if (end < 0) break; // the element goes on in the next chunk
      out.push(s.slice(this.valueStart, end));
      this.count++;
      this.valueStart = -1;
      this.phase = 'after';
      i = end;
    }
    this.scan = n;
  }

  /** Handles one character between elements; returns the next index to look at. */
  private structural(s: string, i: number): number {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) return i + 1;
    switch (this.phase) {
      case 'start':
        if (c !== OPEN_BRACKET) this.fail('json.array.noOpening');
        this.phase = 'first';
        return i + 1;
      case 'done':
        return this.fail('json.array.textAfter');
      case 'after':
        if (c === CLOSE_BRACKET) this.phase = 'done';
        else if (c === COMMA) this.phase = 'expect';
        else this.fail('json.array.missingComma');
        return i + 1;
      default:
        if (c === CLOSE_BRACKET && this.phase === 'first') {
          this.phase = 'done';
          return i + 1;
        }
        if (c === CLOSE_BRACKET || c === COMMA) this.fail('json.array.emptyElement');
        this.valueStart = i;
        this.depth = 0;
        this.inString = false;
        return i;
    }
  }

  /** Index just past the current element, or -1 if the text ends first. */
  private valueEnd(s: string, from: number): number {
    const n = s.length;
    let i = from;
    while (i < n) {
      if (this.inString) {
        const q = s.indexOf('"', i);
        if (q < 0) return -1;
        i = q + 1;
        if (!isEscaped(s, q)) this.inString = false;
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        // Known here before the element is complete: a file of 100,000 "[" is refused at the 65th.
        if (++this.depth > MAX_JSON_DEPTH) throw tooDeep(this.count + 1);
      }
      else if (this.depth > 0 && (c === CLOSE_BRACE || c === CLOSE_BRACKET)) {
        // An object or array element ends with its closer: what follows is checked as structure.
        if (--this.depth === 0) return i + 1;
      } else if (this.depth === 0 && (c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE)) {
        // A scalar element ends at the next "," or "]"; a stray "}" is left for JSON.parse to refuse.
        return c === CLOSE_BRACE ? i + 1 : i;
      }
      i++;
    }
    return -1;
  }

  private fail(problem: ArrayProblem): never {
    throw new JsonFormatError(this.count + 1, messageText(problem, { record: this.count + 1 }));
  }
}

function isEscaped(s: string, quote: number): boolean {
  let backslashes = 0;
  for (let k = quote - 1; k >= 0 && s.charCodeAt(k) === BACKSLASH; k--) backslashes++;
  return backslashes % 2 === 1;
}
