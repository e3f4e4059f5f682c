import { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import { MessageText, bilingual, messageText } from '@opendata/common';
import { DocumentMeasurement, measureDocument, Measurement, RequestVariables } from './query-cost';

export interface QueryLimits {
  /** Most cost points one request may ask for (GRAPHQL_MAX_COST). */
  maxCost: number;
  /** Deepest nesting of fields (introspection not counted). */
  maxDepth: number;
  /**
   * Most fields in any operation or fragment once its fragment spreads are expanded. Bounds what the standard
   * validation rules do on a document: some of them (overlapping fields) compare fields pairwise.
   */
  maxFields: number;
  /**
   * Most width (see Measurement.width): validation compares fields side by side pairwise, so about 70 fields
   * side by side in one selection (fragments expanded) reach it, and so do two selections of 50. The widest
   * queries of the portal and the GraphiQL introspection query stay under 1,500.
   */
  maxWidth: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxCost: 500, maxDepth: 12, maxFields: 1000, maxWidth: 5_000 };

/**
 * Largest document the parser reads, in tokens (graphql-js stops parsing past it). About ten times the
 * GraphiQL introspection query, and enough to write 1,000 aliased fields, which the cost budget then refuses.
 */
export const MAX_QUERY_TOKENS = 20_000;

/** The stable code of a query refused for its size, depth or cost (HTTP 400), before it runs. */
export const QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY';

/** The points a request is charged and told it costs: its cost rounded, and at least the 1 every request costs. */
export function chargedPoints(cost: number): number {
  return Math.max(1, Math.round(cost));
}

/**
 * Measures a document (every operation and fragment, in time linear in its size) and refuses it when any
 * operation or fragment passes a limit: GraphQL validation runs over all of them, and execution over one.
 */
export function checkQueryLimits(schema: GraphQLSchema, document: DocumentNode, variables: RequestVariables, limits: QueryLimits): DocumentMeasurement {
  const measured = measureDocument(schema, document, variables);
  for (const measurement of [...measured.operations.values(), measured.largestFragment]) {
    const refusal = refusalOf(measurement, limits);
    if (refusal) throw refusal;
  }
  return measured;
}

function refusalOf(m: Measurement, limits: QueryLimits): GraphQLError | null {
  // Written as !(x <= max) so that a count too large to represent (NaN) is refused too.
  if (!(m.cost <= limits.maxCost)) {
    return tooCostly(messageText('query.tooCostly', { cost: shown(m.cost), max: limits.maxCost }), { cost: shownNumber(m.cost), maxCost: limits.maxCost });
  }
  if (!(m.depth <= limits.maxDepth)) {
    return tooCostly(messageText('query.tooDeep', { depth: m.depth, max: limits.maxDepth }), { depth: m.depth, maxDepth: limits.maxDepth });
  }
  if (!(m.fields <= limits.maxFields)) {
    return tooCostly(messageText('query.tooLarge', { fields: shown(m.fields), max: limits.maxFields }), { fields: shownNumber(m.fields), maxFields: limits.maxFields });
  }
  if (!(m.width <= limits.maxWidth)) {
    const side = Math.floor(Math.sqrt(limits.maxWidth));
    return tooCostly(messageText('query.tooWide', { width: shown(m.width), max: limits.maxWidth, side }), { width: shownNumber(m.width), maxWidth: limits.maxWidth });
  }
  return null;
}

function tooCostly(text: MessageText, figures: Record<string, number>): GraphQLError {
  return new GraphQLError(bilingual(text), { extensions: { code: QUERY_TOO_COSTLY, messageKey: text.key, ...figures, http: { status: 400 } } });
}

/** Fan-out documents reach figures like 2^100: say "more than" rather than print 31 digits. */
function shown(value: number): MessageText | number {
  return value < 1e12 ? chargedPoints(value) : messageText('query.moreThan', { figure: '10^12' });
}

function shownNumber(value: number): number {
  return value < 1e12 ? chargedPoints(value) : 1e12;
}
