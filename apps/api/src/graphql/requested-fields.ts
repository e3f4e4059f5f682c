import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * Names of the fields selected directly under the current field (or under the sub-field at `path`), through
 * fragments. Lets a resolver skip work (counting, facets) that the query did not ask for.
 */
export function requestedFields(info: GraphQLResolveInfo, path: string[] = []): Set<string> {
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  const descend = (selectionSet: SelectionSetNode | undefined, rest: string[]): void => {
    if (rest.length === 0) return visit(selectionSet);
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD && selection.name.value === rest[0]) descend(selection.selectionSet, rest.slice(1));
      else if (selection.kind === Kind.INLINE_FRAGMENT) descend(selection.selectionSet, rest);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) descend(info.fragments[selection.name.value]?.selectionSet, rest);
    }
  };
  for (const node of info.fieldNodes as FieldNode[]) descend(node.selectionSet, path);
  return names;
}
