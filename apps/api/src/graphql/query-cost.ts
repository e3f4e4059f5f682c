import {
  ArgumentNode,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLNamedType,
  GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { FIELD_COSTS, FieldCost, PageArgument, VALUE_POINTS } from './field-costs';

/** What one operation (or one fragment) asks of the server. */
export interface Measurement {
  /** Cost points (see field-costs.ts). */
  cost: number;
  /** Deepest nesting of fields; introspection fields do not count. */
  depth: number;
  /** Fields written, once every fragment spread is replaced by its fragment (introspection included). */
  fields: number;
  /**
   * The sum, over every selection set once fragments are expanded, of the squares of the number of fields that
   * answer to the same name side by side in it (those of its inline fragments and fragment spreads included).
   * Validation compares fields with the same response name pairwise (OverlappingFieldsCanBeMerged): this bounds
   * that work. Past MAX_NAME_MERGES every field of a selection counts as one name (an upper bound).
   */
  width: number;
}

export interface DocumentMeasurement {
  operations: Map<OperationDefinitionNode, Measurement>;
  /** The largest figures of any fragment, each counted like an operation: validation reads every fragment, used or not. */
  largestFragment: Measurement;
  /** Selections visited; each is visited once, so this never exceeds the number of selections in the document. */
  visits: number;
}

export type RequestVariables = Readonly<Record<string, unknown>> | undefined;

/**
 * A selection set's measure, split so that fragments can be measured once and reused wherever they are spread:
 * `base` points, plus `perPageItem` points for each item of the page asked on the connection that holds it, plus
 * `once` points that no list multiplies (batched relations).
 */
interface Part {
  base: number;
  perPageItem: number;
  once: number;
  depth: number;
  fields: number;
  /** Fields side by side at this level, through inline fragments and spreads. */
  breadth: number;
  /** How many of them answer to each response name; null once too many merges were made to keep counting. */
  names: ReadonlyMap<string, number> | null;
  /** The sum of the squares of those counts (breadth squared when `names` is null): this level's width. */
  sameName: number;
  /** The width of the selection sets below this level. */
  widthBelow: number;
}

const EMPTY: Part = { base: 0, perPageItem: 0, once: 0, depth: 0, fields: 0, breadth: 0, names: new Map(), sameName: 0, widthBelow: 0 };

/**
 * Response names merged from one selection into another, over a whole document, before the meter stops telling
 * names apart (every field of a selection then counts as one name, which only overstates the width). Keeps the
 * work linear in the document's size when one wide fragment is spread in many places.
 */
const MAX_NAME_MERGES = 20_000;

/**
 * Selection sets nested in one another, fragments spread in fragments included, before the meter stops going
 * down: far past the depth limit, and short of what the call stack holds. What lies below counts as that deep.
 */
const MAX_NESTING = 256;

/**
 * Measures every operation and fragment of a document in one pass over it: each fragment is measured once and
 * its measure reused at every spread, so the work is linear in the document's size whatever its fragments
 * multiply to (a spread of a fragment that spreads itself counts nothing; validation refuses the cycle). Works
 * on documents that have not been validated: unknown fields and fragments cost nothing.
 */
export interface CostTable {
  costs: Readonly<Record<string, FieldCost>>;
  valuePoints: number;
}

export function measureDocument(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables?: RequestVariables,
  table: CostTable = { costs: FIELD_COSTS, valuePoints: VALUE_POINTS },
): DocumentMeasurement {
  return new DocumentMeter(schema, document, variables, table).run();
}

class DocumentMeter {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly measured = new Map<string, Part | 'measuring'>();
  private readonly variableDefaults = new Map<string, number>();
  private visits = 0;
  private nameMerges = 0;
  private nesting = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly document: DocumentNode,
    private readonly variables: RequestVariables,
    private readonly table: CostTable,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION && !this.fragments.has(definition.name.value)) this.fragments.set(definition.name.value, definition);
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      // A variable left out of the request takes its default; the same name in two operations counts as the larger.
      for (const v of definition.variableDefinitions ?? []) {
        const value = v.defaultValue?.kind === Kind.INT ? Number(v.defaultValue.value) : null;
        if (value !== null) this.variableDefaults.set(v.variable.name.value, Math.max(value, this.variableDefaults.get(v.variable.name.value) ?? 0));
      }
    }
  }

  run(): DocumentMeasurement {
    const operations = new Map<OperationDefinitionNode, Measurement>();
    for (const definition of this.document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const root = definition.operation === 'query' ? this.schema.getQueryType() : definition.operation === 'mutation' ? this.schema.getMutationType() : this.schema.getSubscriptionType();
      operations.set(definition, toMeasurement(this.selectionSet(definition.selectionSet, root ?? null)));
    }
    const largestFragment = toMeasurement(EMPTY);
    for (const name of this.fragments.keys()) {
      const m = toMeasurement(this.fragment(name));
      largestFragment.cost = Math.max(largestFragment.cost, m.cost);
      largestFragment.depth = Math.max(largestFragment.depth, m.depth);
      largestFragment.fields = Math.max(largestFragment.fields, m.fields);
      largestFragment.width = Math.max(largestFragment.width, m.width);
    }
    return { operations, largestFragment, visits: this.visits };
  }

  private selectionSet(selectionSet: SelectionSetNode, parent: GraphQLNamedType | null): Part {
    if (this.nesting >= MAX_NESTING) return { ...EMPTY, depth: MAX_NESTING };
    this.nesting++;
    try {
      return this.selections(selectionSet, parent);
    } finally {
      this.nesting--;
    }
  }

  private selections(selectionSet: SelectionSetNode, parent: GraphQLNamedType | null): Part {
    const total = { ...EMPTY };
    let names: Map<string, number> | null = new Map();
    let sameName = 0;
    for (const selection of selectionSet.selections) {
      this.visits++;
      let part: Part;
      if (selection.kind === Kind.FIELD) part = this.field(selection, parent);
      else if (selection.kind === Kind.INLINE_FRAGMENT) part = this.selectionSet(selection.selectionSet, selection.typeCondition ? this.type(selection.typeCondition.name.value) : parent);
      else part = this.fragment(selection.name.value);
      total.base += part.base;
      total.perPageItem += part.perPageItem;
      total.once += part.once;
      total.fields += part.fields;
      total.breadth += part.breadth;
      total.widthBelow += part.widthBelow;
      total.depth = Math.max(total.depth, part.depth);
      if (names && part.names && this.nameMerges + part.names.size <= MAX_NAME_MERGES) {
        this.nameMerges += part.names.size;
        for (const [name, count] of part.names) {
          const before = names.get(name) ?? 0;
          names.set(name, before + count);
          sameName += (before + count) ** 2 - before ** 2;
        }
      } else {
        names = null;
      }
    }
    total.names = names;
    total.sameName = names ? sameName : total.breadth ** 2;
    return total;
  }

  private fragment(name: string): Part {
    const known = this.measured.get(name);
    if (known === 'measuring') return EMPTY;
    if (known) return known;
    const definition = this.fragments.get(name);
    if (!definition) return EMPTY;
    this.measured.set(name, 'measuring');
    const part = this.selectionSet(definition.selectionSet, this.type(definition.typeCondition.name.value));
    this.measured.set(name, part);
    return part;
  }

  private field(node: FieldNode, parent: GraphQLNamedType | null): Part {
    // Introspection (__schema, __type, __typename and the fields of the __ types): no points and no depth of its
    // own; its values count like any others.
    const introspection = node.name.value.startsWith('__') || Boolean(parent?.name.startsWith('__'));
    const cost: FieldCost | undefined = parent && !introspection ? this.table.costs[`${parent.name}.${node.name.value}`] : undefined;
    const child = node.selectionSet ? this.selectionSet(node.selectionSet, this.fieldType(parent, node)) : EMPTY;
    // The field's own points and value, then its selection once per item it holds (and per item of the page it
    // asks for); a batched relation's points once, whatever multiplies it.
    const own = (cost && !cost.batched ? cost.points : 0) + this.table.valuePoints;
    const inner = child.base + times(cost?.page ? this.pageSize(node.arguments, cost.page) : 1, child.perPageItem);
    const items = cost?.items === undefined ? 1 : typeof cost.items === 'number' ? cost.items : this.pageSize(node.arguments, cost.items);
    const points = own + times(items, inner);
    return {
      base: cost?.pageItems ? 0 : points,
      perPageItem: cost?.pageItems ? points : 0,
      once: (cost?.batched ? cost.points : 0) + child.once,
      depth: introspection ? 0 : child.depth + 1,
      fields: child.fields + 1,
      breadth: 1,
      names: new Map([[node.alias?.value ?? node.name.value, 1]]),
      sameName: 1,
      widthBelow: node.selectionSet ? child.widthBelow + child.sameName : 0,
    };
  }

  private pageSize(args: readonly ArgumentNode[] | undefined, page: PageArgument): number {
    const value = args?.find((a) => a.name.value === page.arg)?.value;
    let size: unknown = page.default;
    if (value?.kind === Kind.INT) size = Number(value.value);
    else if (value?.kind === Kind.VARIABLE) size = this.variable(value.name.value) ?? page.default;
    // A size the field refuses (negative, not a number, above its maximum) costs as much as the largest page.
    return typeof size !== 'number' || !Number.isFinite(size) || size < 0 ? page.max : Math.min(size, page.max);
  }

  /** A variable's value in the request; null when it is absent (or null) and has no default: the field's default applies. */
  private variable(name: string): unknown {
    const given = this.variables?.[name];
    return given === undefined || given === null ? (this.variableDefaults.get(name) ?? null) : given;
  }

  private type(name: string): GraphQLNamedType | null {
    return this.schema.getType(name) ?? null;
  }

  private fieldType(parent: GraphQLNamedType | null, node: FieldNode): GraphQLNamedType | null {
    if (!parent || (!isObjectType(parent) && !isInterfaceType(parent))) return null;
    const definition = parent.getFields()[node.name.value];
    return definition ? getNamedType(definition.type) : null;
  }
}

/** a x b, where a page of 0 items costs nothing even under a selection too large to count (Infinity). */
function times(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : a * b;
}

function toMeasurement(part: Part): Measurement {
  // A fragment's page items have no connection above them inside the fragment: count them once.
  return { cost: part.base + part.perPageItem + part.once, depth: part.depth, fields: part.fields, width: part.widthBelow + part.sameName };
}
