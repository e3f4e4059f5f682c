import { MessageText, bilingual, messageText } from '@opendata/common';

/**
 * The subset of Solr's standard query syntax that CKAN clients send in `q` and `fq`, read into a tree whose
 * meaning is the same as Solr's wherever an answer is given. Grammar (whitespace, including U+3000, separates):
 *
 *   query    := sequence
 *   sequence := clause ((AND | && | OR | || | <nothing>) clause)*   one kind of operator per level
 *   clause   := [+ | - | ! | NOT] primary
 *   primary  := ( sequence ) | field:value | field:( terms ) | value | *:* | *
 *   value    := word | "phrase" | word*                             \ escapes the next character
 *
 * Juxtaposition means AND. Refused, because Solr's answer would differ from the plain boolean reading or the
 * catalogue cannot give it: mixing AND and OR at one level without parentheses, NOT / - / ! / + on a branch of
 * OR, a group holding only negations below the top level, more than two levels of parentheses, ranges
 * ([a TO b], {a TO b}), boosts (^), fuzzy and proximity searches (~), the ? wildcard, * anywhere but at the end
 * of a word, regular expressions (/.../), field:* and local parameters ({!...}).
 */

export type QueryNode =
  | { kind: 'everything' }
  | { kind: 'term'; field: string | null; value: string; quoted: boolean; prefix: boolean }
  | { kind: 'and'; items: QueryNode[] }
  | { kind: 'or'; items: QueryNode[] }
  | { kind: 'not'; item: QueryNode };

export class SolrQueryError extends Error {
  constructor(readonly text: MessageText) {
    super(bilingual(text));
  }
}

const MAX_DEPTH = 2;

type Token =
  | { t: 'word'; raw: string; text: string; star: number[]; at: number }
  | { t: 'phrase'; text: string; at: number }
  | { t: '(' | ')' | ':' | 'AND' | 'OR' | 'NOT' | '+' | '-'; at: number };

const RANGES_AND_LOCAL = (): MessageText => messageText('solr.rangesAndLocal', { range: '{a TO b}', local: '{!...}' });

const REFUSED_CHARS: Record<string, () => MessageText> = {
  '[': () => messageText('solr.ranges'),
  ']': () => messageText('solr.ranges'),
  '{': RANGES_AND_LOCAL,
  '}': RANGES_AND_LOCAL,
  '^': () => messageText('solr.boosts'),
  '~': () => messageText('solr.fuzzy'),
  '?': () => messageText('solr.questionMark'),
  '/': () => messageText('solr.regex'),
  '!': () => messageText('solr.bang'),
};

/** Splits a query into tokens; refuses the characters of syntax outside the supported subset. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ':') {
      tokens.push({ t: c, at: i++ });
    } else if ((c === '&' && source[i + 1] === '&') || (c === '|' && source[i + 1] === '|')) {
      tokens.push({ t: c === '&' ? 'AND' : 'OR', at: i });
      i += 2;
    } else if (c === '+' || c === '-' || c === '!') {
      if (i + 1 >= source.length || /\s/.test(source[i + 1])) throw new SolrQueryError(messageText('solr.missingOperandOf', { operator: c }));
      tokens.push({ t: c === '!' ? 'NOT' : c, at: i++ });
    } else if (c === '"') {
      i = readPhrase(source, i, tokens);
    } else {
      i = readWord(source, i, tokens);
    }
  }
  return tokens;
}

function readPhrase(source: string, start: number, tokens: Token[]): number {
  let text = '';
  let i = start + 1;
  for (; i < source.length && source[i] !== '"'; i++) {
    if (source[i] === '\\') i++;
    if (i < source.length) text += source[i];
  }
  if (i >= source.length) throw new SolrQueryError(messageText('solr.unbalancedQuotes'));
  if (source[i + 1] === '~' || source[i + 1] === '^') throw new SolrQueryError(REFUSED_CHARS[source[i + 1]]());
  if (!text.trim()) throw new SolrQueryError(messageText('solr.emptyPhrase'));
  tokens.push({ t: 'phrase', text, at: start });
  return i + 1;
}

function readWord(source: string, start: number, tokens: Token[]): number {
  let text = '';
  const star: number[] = [];
  let i = start;
  for (; i < source.length && !/[\s():"]/.test(source[i]); i++) {
    const c = source[i];
    if (c === '\\') {
      if (i + 1 >= source.length) throw new SolrQueryError(messageText('solr.trailingEscape'));
      text += source[++i];
    } else if (c === '*') {
      star.push(text.length);
      text += c;
    } else if ((c === '&' || c === '|') && source[i + 1] === c) {
      throw new SolrQueryError(messageText('solr.spacedOperator', { operator: `${c}${c}` }));
    } else if (REFUSED_CHARS[c]) {
      throw new SolrQueryError(REFUSED_CHARS[c]());
    } else {
      text += c;
    }
  }
  const raw = source.slice(start, i);
  if (raw === 'AND' || raw === 'OR' || raw === 'NOT') tokens.push({ t: raw, at: start });
  else tokens.push({ t: 'word', raw, text, star, at: start });
  return i;
}

/** Reads a whole query. A query made only of negations means "everything except", as Solr reads it at the top. */
export function parseSolrQuery(source: string): QueryNode {
  const parser = new Parser(tokenize(source));
  const node = parser.sequence(0, null);
  parser.expectEnd();
  return node;
}

type Sign = '+' | '-' | null;

class Parser {
  private i = 0;

  constructor(private readonly tokens: Token[]) {}

  expectEnd(): void {
    if (this.i < this.tokens.length) throw new SolrQueryError(messageText('solr.unbalancedParentheses'));
  }

  /** A run of clauses up to `)` or the end; `field` is set inside field:( ... ). */
  sequence(depth: number, field: string | null): QueryNode {
    const clauses: Array<{ sign: Sign; node: QueryNode }> = [];
    const operators = new Set<'AND' | 'OR'>();
    while (this.peek() && !(this.peek()?.t === ')' && depth > 0)) {
      if (clauses.length > 0) {
        const op = this.peek()?.t;
        if (op === 'AND' || op === 'OR') {
          this.i++;
          operators.add(op);
          if (!this.peek() || this.peek()?.t === ')') throw new SolrQueryError(messageText('solr.missingOperand'));
        } else {
          operators.add('AND');
        }
      }
      clauses.push(this.clause(depth, field));
    }
    if (clauses.length === 0) throw new SolrQueryError(messageText(depth === 0 ? 'solr.emptyQuery' : 'solr.emptyGroup'));
    return combine(clauses, operators, depth);
  }

  private clause(depth: number, field: string | null): { sign: Sign; node: QueryNode } {
    let sign: Sign = null;
    const first = this.peek();
    if (first?.t === '+' || first?.t === '-' || first?.t === 'NOT') {
      this.i++;
      sign = first.t === '+' ? '+' : '-';
      const next = this.peek();
      if (!next || next.t === ')' || next.t === 'AND' || next.t === 'OR') throw new SolrQueryError(messageText('solr.missingOperand'));
      if (next.t === '+' || next.t === '-' || next.t === 'NOT') throw new SolrQueryError(messageText('solr.prefixSequence'));
    }
    return { sign, node: this.primary(depth, field) };
  }

  private primary(depth: number, field: string | null): QueryNode {
    const token = this.next();
    if (token.t === '(') return this.group(depth, field);
    if (token.t === ')') throw new SolrQueryError(messageText('solr.unbalancedParentheses'));
    if (token.t === 'phrase') return { kind: 'term', field, value: token.text, quoted: true, prefix: false };
    if (token.t !== 'word') throw new SolrQueryError(messageText('solr.unexpected', { token: token.t, position: token.at + 1 }));
    if (this.peek()?.t !== ':') return wordTerm(token, field);
    this.i++;
    if (field !== null) throw new SolrQueryError(messageText('solr.fieldInField', { field }));
    const value = this.next();
    if (token.raw === '*' && value.t === 'word' && value.raw === '*') return { kind: 'everything' };
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(token.raw)) throw new SolrQueryError(messageText('solr.badFieldName', { name: token.raw }));
    if (value.t === '(') return this.group(depth, token.raw);
    if (value.t === 'phrase') return { kind: 'term', field: token.raw, value: value.text, quoted: true, prefix: false };
    if (value.t !== 'word') throw new SolrQueryError(messageText('solr.missingValue', { field: token.raw }));
    if (value.raw === '*') throw new SolrQueryError(messageText('solr.fieldExists', { field: token.raw }));
    return wordTerm(value, token.raw);
  }

  private group(depth: number, field: string | null): QueryNode {
    if (depth + 1 > MAX_DEPTH) throw new SolrQueryError(messageText('solr.tooDeep', { max: MAX_DEPTH }));
    const node = this.sequence(depth + 1, field);
    if (this.peek()?.t !== ')') throw new SolrQueryError(messageText('solr.unbalancedParentheses'));
    this.i++;
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private next(): Token {
    const token = this.tokens[this.i++];
    if (!token) throw new SolrQueryError(messageText('solr.incomplete'));
    return token;
  }
}

function wordTerm(token: Extract<Token, { t: 'word' }>, field: string | null): QueryNode {
  if (token.raw === '*') return { kind: 'everything' };
  const trailing = token.star.length === 1 && token.star[0] === token.text.length - 1 && token.text.length > 1;
  if (token.star.length > 0 && !trailing) throw new SolrQueryError(messageText('solr.wildcardEnd', { term: token.raw }));
  return { kind: 'term', field, value: trailing ? token.text.slice(0, -1) : token.text, quoted: false, prefix: trailing };
}

/** One level of clauses, with the rules that keep the boolean reading equal to Solr's. */
function combine(clauses: Array<{ sign: Sign; node: QueryNode }>, operators: Set<'AND' | 'OR'>, depth: number): QueryNode {
  if (operators.size > 1) throw new SolrQueryError(messageText('solr.mixedOperators'));
  if (operators.has('OR')) {
    if (clauses.some((c) => c.sign !== null)) throw new SolrQueryError(messageText('solr.signedBranch'));
    return { kind: 'or', items: clauses.map((c) => c.node) };
  }
  const items = clauses.map((c) => (c.sign === '-' ? ({ kind: 'not', item: c.node } as const) : c.node));
  if (depth > 0 && items.every((n) => n.kind === 'not')) {
    throw new SolrQueryError(messageText('solr.onlyNegations'));
  }
  return items.length === 1 ? items[0] : { kind: 'and', items };
}

/** Every value given to one field, e.g. the organization ids of owner_org: terms. */
export function valuesOf(node: QueryNode, field: string): string[] {
  if (node.kind === 'term') return node.field === field ? [node.value] : [];
  if (node.kind === 'not') return valuesOf(node.item, field);
  if (node.kind === 'and' || node.kind === 'or') return node.items.flatMap((n) => valuesOf(n, field));
  return [];
}
