import { MessageText, messageText } from '@opendata/common';

/**
 * The negative list (负面清单, plan item 32): what may not be published. Rules are kept city-wide
 * (organizationId null) and per organization; this file holds the pure matching, compiled once per check so
 * that scanning a large upload costs one regular-expression test per cell.
 */

/** What a negative-list (负面清单) rule forbids, by kind. */
export const NEGATIVE_RULE_KIND_LABELS = {
  column: '禁用列名: a column whose label contains this name (spaces, hyphens and case ignored).',
  term: '禁用词: a term in any cell or metadata text (case ignored).',
  pattern: '禁用模式: a regular expression (Unicode, case ignored) matched against cells and metadata text.',
  theme: '禁止主题: a forbidden data category, by theme code.',
  schema: '禁止数据类别: a forbidden data category, by collection schema id.',
} as const;
export type NegativeRuleKind = keyof typeof NEGATIVE_RULE_KIND_LABELS;
export const NEGATIVE_RULE_KINDS = Object.keys(NEGATIVE_RULE_KIND_LABELS) as readonly NegativeRuleKind[];

export interface NegativeRule {
  id: string;
  organizationId: string | null;
  kind: NegativeRuleKind;
  value: string;
  reason: string;
}

export interface TextHit {
  rule: NegativeRule;
  /** The part of the text that matched (a term or the pattern's match), never the whole text. */
  matched: string;
}

/** Why a new rule cannot be stored, or null. Patterns must compile alone and combined with the others. */
export function ruleProblem(kind: NegativeRuleKind, value: string): MessageText | null {
  if (value.trim() !== value || value === '') return messageText('negativeList.valueSpaces');
  if (value.length > 200) return messageText('input.maxLength', { max: 200 });
  if (kind !== 'pattern') return null;
  // Back-references and named groups would change meaning (or clash) once patterns are joined into one.
  if (/\\[1-9]|\\k<|\(\?<(?![=!])/.test(value)) return messageText('negativeList.backReference');
  try {
    new RegExp(value, 'iu');
  } catch (error) {
    return messageText('negativeList.badPattern', { reason: (error as Error).message });
  }
  if (new RegExp(value, 'iu').test('')) return messageText('negativeList.matchesEmpty');
  return null;
}

/** A rule named for a report or an error message: kind, value, scope and the reason it is on the list. */
export function describeRule(rule: NegativeRule): MessageText {
  const scope = messageText(rule.organizationId ? 'negativeList.scope.organization' : 'negativeList.scope.city');
  return messageText('negativeList.rule', { scope, kind: messageText(`negativeList.kind.${rule.kind}`), value: rule.value, reason: rule.reason });
}

// No "-" or "/" here: outside a character class they need no escape, and with the u flag "\\-" is an error.
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class NegativeListMatcher {
  private readonly columns: Array<{ rule: NegativeRule; needle: string }>;
  private readonly terms: Array<{ rule: NegativeRule; needle: string }>;
  private readonly patterns: Array<{ rule: NegativeRule; regex: RegExp }>;
  private readonly themes: Map<string, NegativeRule>;
  private readonly schemas: Map<string, NegativeRule>;
  /** Every term and pattern in one expression: the common case (no hit) is one test per text. */
  private readonly anyText: RegExp | null;

  constructor(readonly rules: readonly NegativeRule[]) {
    const of = (kind: NegativeRuleKind) => rules.filter((r) => r.kind === kind);
    this.columns = of('column').map((rule) => ({ rule, needle: normalizeLabel(rule.value) }));
    this.terms = of('term').map((rule) => ({ rule, needle: rule.value.toLowerCase() }));
    this.patterns = of('pattern').map((rule) => ({ rule, regex: new RegExp(rule.value, 'iu') }));
    this.themes = new Map(of('theme').map((r) => [r.value, r]));
    this.schemas = new Map(of('schema').map((r) => [r.value, r]));
    const parts = [...this.terms.map((t) => escapeRegExp(t.rule.value)), ...this.patterns.map((p) => `(?:${p.rule.value})`)];
    this.anyText = parts.length ? prefilter(parts.join('|')) : null;
  }

  get empty(): boolean {
    return this.rules.length === 0;
  }

  /** True when cells need scanning at all (there are terms or patterns). */
  get scansText(): boolean {
    return this.anyText !== null;
  }

  /** A column label is forbidden when it contains a listed column name (spaces and case ignored). */
  columnHit(label: string): NegativeRule | null {
    if (!this.columns.length) return null;
    const normalized = normalizeLabel(label);
    for (const c of this.columns) if (normalized.includes(c.needle)) return c.rule;
    return null;
  }

  textHit(text: string): TextHit | null {
    if (this.anyText === null || text === '' || !this.anyText.test(text)) return null;
    const lower = text.toLowerCase();
    for (const t of this.terms) {
      const at = lower.indexOf(t.needle);
      if (at >= 0) return { rule: t.rule, matched: text.slice(at, at + t.needle.length) };
    }
    for (const p of this.patterns) {
      const match = p.regex.exec(text);
      if (match) return { rule: p.rule, matched: match[0] };
    }
    return null;
  }

  themeHit(code: string): NegativeRule | null {
    return this.themes.get(code) ?? null;
  }

  schemaHit(schemaId: string): NegativeRule | null {
    return this.schemas.get(schemaId) ?? null;
  }
}

/**
 * The combined expression only decides whether a text needs a closer look (each rule then confirms with its
 * own Unicode expression). Without the `u` flag V8 matches about three times faster, so it is dropped unless
 * an expression needs it (property escapes, code-point escapes, characters outside the BMP).
 */
function prefilter(source: string): RegExp {
  if (!/\\[pP]\{|\\u\{|[\uD800-\uDFFF]/.test(source)) {
    try {
      return new RegExp(source, 'i');
    } catch {
      // valid only as a Unicode expression
    }
  }
  return new RegExp(source, 'iu');
}

function normalizeLabel(label: string): string {
  return label.replace(/[\s_\-－—]+/g, '').toLowerCase();
}
