import { registerEnumType } from '@nestjs/graphql';

/** A GraphQL enum value's name for a value as the platform stores it: draft -> DRAFT, updatePending -> UPDATE_PENDING. */
export function enumValueName(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toUpperCase();
}

/**
 * Registers a GraphQL enum made from a vocabulary of a lib, so that a value added to the vocabulary appears in
 * the schema without a second edit. Each value of `vocabulary` (its keys) becomes an enum value named after it in
 * capitals, described by `describe` of its entry (by default the entry itself: the label). Returns the enum
 * object to name in `@Field(() => ...)`; its members' values are the vocabulary's keys.
 */
export function vocabularyEnum<K extends string, E>(
  name: string,
  description: string,
  vocabulary: Readonly<Record<K, E>>,
  describe: (entry: E) => string = String,
): Readonly<Record<string, K>> {
  const keys = Object.keys(vocabulary) as K[];
  const values = Object.fromEntries(keys.map((key) => [enumValueName(key), key]));
  const valuesMap = Object.fromEntries(keys.map((key) => [enumValueName(key), { description: describe(vocabulary[key]) }]));
  registerEnumType(values, { name, description, valuesMap });
  return values;
}
