import { MESSAGES } from './message-catalog';
import { BilingualText, MessageParam, TemplateParams } from './message-types';

/**
 * Every client-facing message of the platform comes from one catalogue (`message-catalog.ts`) and reads Chinese
 * first, the English after it in parentheses: `不能审查自己提交的内容 (you cannot approve what you submitted
 * yourself)`. A message is named by a stable key; its parameters are typed from the templates, so a call that
 * leaves one out does not compile.
 */
export type MessageKey = keyof typeof MESSAGES;

type ParamNames<K extends MessageKey> = TemplateParams<(typeof MESSAGES)[K]['zh']> | TemplateParams<(typeof MESSAGES)[K]['en']>;

/** The parameters of a message, each by name. */
export type MessageParams<K extends MessageKey> = { readonly [P in ParamNames<K>]: MessageParam };

/** The keys of the messages that take no parameter. */
export type PlainMessageKey = { [K in MessageKey]: [ParamNames<K>] extends [never] ? K : never }[MessageKey];

/** The parameters a message takes, then `Tail`: optional when the message has none. */
export type ParamsThen<K extends MessageKey, Tail extends unknown[] = []> = [ParamNames<K>] extends [never]
  ? [params?: Readonly<Record<string, never>>, ...Tail]
  : [params: MessageParams<K>, ...Tail];

/** A message of the catalogue rendered in both languages, with the key that named it. */
export interface MessageText extends BilingualText {
  readonly key: MessageKey;
}

/** A compiled template: literal parts, with the parameter names between them. */
interface Compiled {
  readonly parts: readonly string[];
  readonly names: readonly string[];
}

const PARAMETER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;
const compiled = new Map<string, Compiled>();

/** Splits a template at its parameters: `'at most {max} bytes'` -> parts `['at most ', ' bytes']`, names `['max']`. */
export function compileTemplate(template: string): Compiled {
  const parts: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const match of template.matchAll(PARAMETER)) {
    parts.push(template.slice(last, match.index));
    names.push(match[1]);
    last = match.index + match[0].length;
  }
  parts.push(template.slice(last));
  return { parts, names };
}

function fill(template: string, lang: keyof BilingualText, params: Readonly<Record<string, MessageParam>> | undefined): string {
  let shape = compiled.get(template);
  if (!shape) compiled.set(template, (shape = compileTemplate(template)));
  let out = shape.parts[0];
  for (let i = 0; i < shape.names.length; i++) {
    const value = params?.[shape.names[i]];
    out += (typeof value === 'object' && value !== null ? value[lang] : String(value)) + shape.parts[i + 1];
  }
  return out;
}

/** A message in both languages, kept apart (for a caller that composes it into another message). */
export function messageText<K extends MessageKey>(key: K, ...[params]: ParamsThen<K>): MessageText {
  const template: BilingualText = MESSAGES[key];
  const values = params as Readonly<Record<string, MessageParam>> | undefined;
  return { key, zh: fill(template.zh, 'zh', values), en: fill(template.en, 'en', values) };
}

/** The one rendering of a message for clients: the Chinese, then the English in parentheses. */
export function bilingual(value: BilingualText): string {
  return `${value.zh} (${value.en})`;
}

/** A message of the catalogue, rendered for clients. */
export function message<K extends MessageKey>(key: K, ...params: ParamsThen<K>): string {
  return bilingual(messageText(key, ...params));
}
