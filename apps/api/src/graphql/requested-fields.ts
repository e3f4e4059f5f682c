import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * Names of the fields selected directly under the current field (or under the sub-field at `path`), through
 * fragments. Lets a resolver skip work (counting, facets) that the query did not ask for. Each fragment is read
 * once per step of the path, however often it is spread, so the work stays linear in the query's size.
 */
export function requestedFields(info: GraphQLResolveInfo, path: string[] = []): Set<string> {
  const names = new Set<string>();
  const read = new Set<string>();
  const walk = (selectionSet: SelectionSetNode | undefined, rest: string[]): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (rest.length === 0) names.add(selection.name.value);
        else if (selection.name.value === rest[0]) walk(selection.selectionSet, rest.slice(1));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, rest);
      } else {
        // The same fragment with the same rest of the path adds the same names: once is enough.
        const key = `${rest.length} ${selection.name.value}`;
        if (read.has(key)) continue;
        read.add(key);
        walk(info.fragments[selection.name.value]?.selectionSet, rest);
      }
    }
  };
  for (const node of info.fieldNodes as FieldNode[]) walk(node.selectionSet, path);
  return names;
}
