import {
  FieldNode,
  getNamedType,
  GraphQLError,
  GraphQLNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
  ValueNode,
} from 'graphql';

export interface QueryCostLimits {
  /** Deepest nesting of fields (introspection fields not counted). */
  maxDepth: number;
  /** Most fields the query may resolve, each counted once per item of the lists that hold it. */
  maxCost: number;
}

export const DEFAULT_QUERY_COST_LIMITS: QueryCostLimits = { maxDepth: 12, maxCost: 50_000 };

/** Page-size arguments multiply the cost of what they hold; a variable counts as its largest allowed value. */
const PAGE_ARGUMENTS: Record<string, number> = { first: 500, limit: 1000 };

/**
 * Refuses, before anything runs, queries that are too deep or would resolve too many fields: the cost of a
 * field is 1 plus the cost of its selection, times the page size it asks for (`first`, `limit`). Variables are
 * not known at validation, so a page size given by a variable counts as its maximum. Introspection is free.
 */
export function queryCostRule(limits: QueryCostLimits = DEFAULT_QUERY_COST_LIMITS): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const root =
        operation.operation === 'query' ? context.getSchema().getQueryType() : operation.operation === 'mutation' ? context.getSchema().getMutationType() : context.getSchema().getSubscriptionType();
      if (!root) return;
      const measured = measure(context, operation.selectionSet, root, 1, new Set());
      if (measured.depth > limits.maxDepth) {
        context.reportError(
          new GraphQLError(`查询嵌套过深 / Query too deep: depth ${measured.depth}, at most ${limits.maxDepth}`, {
            nodes: [operation],
            extensions: { depth: measured.depth, maxDepth: limits.maxDepth },
          }),
        );
      } else if (measured.cost > limits.maxCost) {
        context.reportError(
          new GraphQLError(
            `查询代价过高 / Query too expensive: it may resolve ${measured.cost} fields, at most ${limits.maxCost}; ask for smaller pages (first) or fewer nested lists`,
            { nodes: [operation], extensions: { cost: measured.cost, maxCost: limits.maxCost } },
          ),
        );
      }
    },
  });
}

function measure(context: ValidationContext, selectionSet: SelectionSetNode, parent: GraphQLNamedType, depth: number, fragments: Set<string>): { cost: number; depth: number } {
  let cost = 0;
  let deepest = depth - 1;
  for (const selection of selectionSet.selections) {
    let inner: { cost: number; depth: number } | null = null;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const type = fieldType(parent, selection);
      const child = selection.selectionSet && type ? measure(context, selection.selectionSet, type, depth + 1, fragments) : { cost: 0, depth };
      inner = { cost: (1 + child.cost) * pageSize(selection), depth: child.depth };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? context.getSchema().getType(selection.typeCondition.name.value) : parent;
      if (type) inner = measure(context, selection.selectionSet, type, depth, fragments);
    } else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      // A fragment that spreads itself is reported by the standard rules; do not loop on it here.
      if (!fragment || fragments.has(name)) continue;
      const type = context.getSchema().getType(fragment.typeCondition.name.value);
      if (type) inner = measure(context, fragment.selectionSet, type, depth, new Set([...fragments, name]));
    }
    if (inner) {
      cost += inner.cost;
      deepest = Math.max(deepest, inner.depth);
    }
  }
  return { cost, depth: deepest };
}

function fieldType(parent: GraphQLNamedType, field: FieldNode): GraphQLNamedType | null {
  if (!isObjectType(parent) && !isInterfaceType(parent)) return null;
  const definition = parent.getFields()[field.name.value];
  return definition ? getNamedType(definition.type) : null;
}

function pageSize(field: FieldNode): number {
  let size = 1;
  for (const argument of field.arguments ?? []) {
    const max = PAGE_ARGUMENTS[argument.name.value];
    // No field serves more than the largest page; a size above a field's own cap is refused by the field
    // itself, with BAD_USER_INPUT naming the argument, which says more than a cost figure.
    if (max !== undefined) size = Math.max(size, Math.min(literalInt(argument.value) ?? max, max));
  }
  return size;
}

function literalInt(value: ValueNode): number | null {
  if (value.kind === Kind.INT) return Math.max(1, Number(value.value));
  if (value.kind === Kind.NULL) return 1;
  return null;
}
