import { projectRoot } from '@opendata/common';
import {
  buildSchema,
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  GraphQLNamedType,
  GraphQLSchema,
  isObjectType,
  Kind,
  NoFragmentCyclesRule,
  parse,
  SelectionSetNode,
  validate,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIELD_COSTS, VALUE_POINTS } from './field-costs';
import { measureDocument } from './query-cost';
import { checkQueryLimits, DEFAULT_QUERY_LIMITS, MAX_QUERY_TOKENS, QUERY_TOO_COSTLY } from './query-limits';

/** The body size limit of POST /graphql (Express's JSON parser default). */
const BODY_LIMIT = 100 * 1024;
const RUNS = 300;

/** mulberry32: a small seeded generator, so that every run tries the same documents and a failure reproduces. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random documents over the real schema: fragments spreading fragments several times, aliases, repeated and unknown fields, deep nesting, garbage. */
class DocumentGenerator {
  private readonly objects: GraphQLNamedType[];
  /** Characters still to write: documents from a few bytes to the body limit. */
  private left: number;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly next: () => number,
  ) {
    this.objects = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && !t.name.startsWith('__'));
    this.left = this.next() < 0.2 ? BODY_LIMIT : 50 + this.int(this.next() < 0.5 ? 2_000 : 30_000);
  }

  document(): string {
    const fragments = this.int(12);
    const types = Array.from({ length: fragments + 1 }, () => this.pick(this.objects));
    let text = `query Q${this.int(3)}($n: Int) ${this.selectionSet(this.schema.getQueryType()!, types, -1, 0)}`;
    for (let i = 0; i < fragments && text.length < BODY_LIMIT; i++) text += ` fragment F${i} on ${types[i].name} ${this.selectionSet(types[i], types, i, 0)}`;
    if (this.next() < 0.1) text = this.garble(text);
    return text.slice(0, BODY_LIMIT);
  }

  private selectionSet(type: GraphQLNamedType, types: GraphQLNamedType[], fragment: number, depth: number): string {
    const parts: string[] = [];
    const count = this.next() < 0.05 ? 200 + this.int(800) : 1 + this.int(4);
    for (let i = 0; i < count && this.left > 0; i++) {
      const roll = this.next();
      // Spreads of later fragments (sometimes of any fragment: cycles), several times each: the fan-out.
      if (roll < 0.3 && types.length > 1) {
        const target = this.next() < 0.9 ? fragment + 1 + this.int(Math.max(1, types.length - fragment - 2)) : this.int(types.length);
        for (let r = 0, n = 1 + this.int(3); r < n; r++) parts.push(`...F${target}`);
      } else if (roll < 0.35) parts.push(this.next() < 0.5 ? '__typename' : `u${this.int(5)}: unknownField`);
      else if (roll < 0.4) parts.push(`... on ${type.name} ${this.selectionSet(type, types, fragment, depth + 1)}`);
      else parts.push(this.field(type, types, fragment, depth));
      this.left -= parts[parts.length - 1].length + 1;
    }
    return `{ ${parts.join(' ') || '__typename'} }`;
  }

  private field(type: GraphQLNamedType, types: GraphQLNamedType[], fragment: number, depth: number): string {
    if (!isObjectType(type)) return '__typename';
    const field = this.pick(Object.values(type.getFields()));
    const alias = this.next() < 0.3 ? `a${this.int(50)}: ` : '';
    const first = field.args.some((a) => a.name === 'first') ? `(first: ${this.next() < 0.2 ? '$n' : this.int(600)})` : '';
    const target = getNamedType(field.type);
    const deep = depth < 30 && this.left > 0 && this.next() < 0.85;
    const selection = isObjectType(target) ? ` ${deep ? this.selectionSet(target, types, fragment, depth + 1) : '{ __typename }'}` : '';
    return `${alias}${field.name}${first}${selection}`;
  }

  private garble(text: string): string {
    const at = this.int(text.length);
    const junk = ['{', '}', '...', '(', 'fragment', '"', '$', '#', '\u0000', '空气', '@skip'];
    return text.slice(0, at) + this.pick(junk) + text.slice(at + this.int(20));
  }

  private int(max: number): number {
    return Math.floor(this.next() * max);
  }

  private pick<T>(items: T[]): T {
    return items[this.int(items.length)];
  }
}

/** Selections written in the document: the size the work is bounded by. */
function selectionCount(document: DocumentNode): number {
  const count = (set: SelectionSetNode | undefined): number =>
    (set?.selections ?? []).reduce((n, s) => n + 1 + count(s.kind === Kind.FRAGMENT_SPREAD ? undefined : s.selectionSet), 0);
  return document.definitions.reduce((n, d) => n + ('selectionSet' in d ? count(d.selectionSet) : 0), 0);
}

/** The cost as the definition says, fragment spreads expanded one by one: exponential, for small documents only. */
function naiveCost(schema: GraphQLSchema, document: DocumentNode): number {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  // Points multiplied by the lists above, and points paid once (batched relations).
  type Cost = { scaled: number; once: number };
  const add = (a: Cost, b: Cost): Cost => ({ scaled: a.scaled + b.scaled, once: a.once + b.once });
  const walk = (set: SelectionSetNode, type: GraphQLNamedType | null | undefined, page: number, open: string[]): Cost => {
    let total: Cost = { scaled: 0, once: 0 };
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) total = add(total, walk(s.selectionSet, s.typeCondition ? schema.getType(s.typeCondition.name.value) : type, page, open));
      else if (s.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(s.name.value);
        if (f && !open.includes(f.name.value)) total = add(total, walk(f.selectionSet, schema.getType(f.typeCondition.name.value), page, [...open, f.name.value]));
      } else {
        const known = type && isObjectType(type) && !type.name.startsWith('__') && !s.name.value.startsWith('__') ? type.getFields()[s.name.value] : undefined;
        const cost = known ? FIELD_COSTS[`${type!.name}.${s.name.value}`] : undefined;
        const size = (p: { arg: string; default: number; max: number }) => {
          const v = s.arguments?.find((a) => a.name.value === p.arg)?.value;
          // Measured without variables: $n takes the field's default.
          return v?.kind === Kind.INT ? Math.min(Number(v.value), p.max) : p.default;
        };
        const childType = known ? getNamedType(known.type) : null;
        const inner = s.selectionSet ? walk(s.selectionSet, childType, cost?.page ? size(cost.page) : 1, open) : { scaled: 0, once: 0 };
        const items = cost?.items === undefined ? 1 : typeof cost.items === 'number' ? cost.items : size(cost.items);
        const own = (cost && !cost.batched ? cost.points : 0) + VALUE_POINTS;
        total = add(total, {
          scaled: (cost?.pageItems ? page : 1) * (own + (items === 0 ? 0 : items * inner.scaled)),
          once: (cost?.batched ? cost.points : 0) + inner.once,
        });
      }
    }
    return total;
  };
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
  const cost = walk(operation.selectionSet, schema.getQueryType(), 1, []);
  return cost.scaled + cost.once;
}

describe('query cost on random documents (property)', () => {
  const schema = buildSchema(readFileSync(join(projectRoot(), 'apps/api/schema.gql'), 'utf8'));

  it(`refuses or accepts each of ${RUNS} documents up to the body limit after visiting each selection at most once`, () => {
    const outcomes = { unparsable: 0, refused: 0, accepted: 0, largest: 0 };
    for (let seed = 1; seed <= RUNS; seed++) {
      const source = new DocumentGenerator(schema, random(seed)).document();
      let document: DocumentNode;
      try {
        document = parse(source, { maxTokens: MAX_QUERY_TOKENS });
      } catch {
        outcomes.unparsable++;
        continue;
      }
      const size = selectionCount(document);
      outcomes.largest = Math.max(outcomes.largest, source.length);
      // The work: each selection of the document visited once, however much the fragments multiply.
      const { visits, operations } = measureDocument(schema, document, { n: 10 });
      // (The seed in the compared object names the document when this fails.)
      expect({ seed, linear: visits <= size && size <= source.length }).toEqual({ seed, linear: true });
      try {
        checkQueryLimits(schema, document, { n: 10 }, DEFAULT_QUERY_LIMITS);
        outcomes.accepted++;
        for (const m of operations.values()) {
          expect(m.cost).toBeLessThanOrEqual(DEFAULT_QUERY_LIMITS.maxCost);
          expect(m.fields).toBeLessThanOrEqual(DEFAULT_QUERY_LIMITS.maxFields);
        }
      } catch (error) {
        expect(error).toBeInstanceOf(GraphQLError);
        expect((error as GraphQLError).extensions.code).toBe(QUERY_TOO_COSTLY);
        outcomes.refused++;
      }
    }
    // The generator reaches every outcome, and documents close to the body limit.
    expect(outcomes.unparsable).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(RUNS / 10);
    expect(outcomes.accepted).toBeGreaterThan(RUNS / 10);
    expect(outcomes.largest).toBeGreaterThan(BODY_LIMIT / 4);
  });

  it('computes, fragment by fragment, what expanding every spread would', () => {
    let compared = 0;
    for (let seed = 1; compared < 100; seed++) {
      const source = new DocumentGenerator(schema, random(seed)).document();
      let document: DocumentNode;
      try {
        document = parse(source);
      } catch {
        continue;
      }
      const measured = measureDocument(schema, document);
      const [first] = measured.operations.values();
      // The naive expansion is exponential: compare where it stays small. Fragment cycles are refused by
      // validation, and counted differently by the two (each stops somewhere else): leave them out.
      if (!first || measured.operations.size !== 1 || first.fields > 5000 || validate(schema, document, [NoFragmentCyclesRule]).length) continue;
      expect({ seed, cost: first.cost }).toEqual({ seed, cost: expect.closeTo(naiveCost(schema, document), 6) });
      compared++;
    }
  });
});
