import { graphqlRequest } from '../api/client';
import { graphql } from '../gql';
import type { RowCondition, RowMetric } from '../gql/graphql';
import { wallClock } from './time';

const AggregateDocument = graphql(`
  query ChartAggregate($id: ID!, $groupBy: [String!], $metrics: [RowMetric!]!, $where: [RowCondition!]) {
    resource(id: $id) {
      id
      aggregate(groupBy: $groupBy, metrics: $metrics, where: $where, limit: 1000) {
        key
        metrics { value }
      }
    }
  }
`);

export interface Group {
  key: Record<string, unknown>;
  values: unknown[];
}

/** Resource.aggregate: groups of rows with their metrics (1,000 groups at most). */
export async function aggregate(id: string, groupBy: string[], metrics: RowMetric[], where: RowCondition[], signal?: AbortSignal): Promise<Group[]> {
  const data = await graphqlRequest(AggregateDocument, { id, groupBy: groupBy.length ? groupBy : null, metrics, where: where.length ? where : null }, signal);
  return (data.resource?.aggregate ?? []).map((group) => ({ key: group.key, values: group.metrics.map((metric) => metric.value) }));
}

/** A value as a number for the chart (the API sends numbers, or text for MIN/MAX of texts). */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return null;
}

export function label(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return wallClock(value);
  return String(value);
}
