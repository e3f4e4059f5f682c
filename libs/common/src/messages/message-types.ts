/**
 * The shapes of the message catalogue, apart from the catalogue itself so that its tables can name them
 * without importing the functions that read them.
 */

/** A text in both languages of the platform. */
export interface BilingualText {
  readonly zh: string;
  readonly en: string;
}

/**
 * One entry of the catalogue: a Chinese and an English template. `{name}` marks a parameter (letters and
 * digits, starting with a letter); both templates name the same parameters, and no other brace appears.
 */
export type MessageTemplate = BilingualText;

export type MessageTable = Readonly<Record<string, MessageTemplate>>;

/** The parameter names of one template: `'{max} 字节'` gives `'max'`. */
export type TemplateParams<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | TemplateParams<Rest> : never;

/**
 * What a parameter may be: a number or a text taken as it is (a slug, a file name, a figure), or a
 * bilingual text (an entity name, a nested message) of which each language takes its own half.
 */
export type MessageParam = string | number | BilingualText;
