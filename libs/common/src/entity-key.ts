/**
 * How clients name a record: by its id (a UUID) or by its slug. One test decides which, for every route and
 * argument that accepts either, so that an id in capitals and one in small letters name the same record, and a
 * text that only looks like an id (36 dashes) never reaches PostgreSQL's uuid type.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type EntityKey = { id: string; slug?: undefined } | { slug: string; id?: undefined };

/** Whether `value` is a record id (a UUID, in either case). */
export function isEntityId(value: string): boolean {
  return UUID.test(value);
}

/** A key given as id or slug: `{ id }` (lower-cased) for a UUID, else `{ slug }`. */
export function parseEntityKey(value: string): EntityKey {
  return isEntityId(value) ? { id: value.toLowerCase() } : { slug: value };
}
