import type { RowCondition } from '../gql/graphql';
import { wallClock } from './time';

export type Operator = 'contains' | 'eq' | 'gte' | 'lte';

export interface RowFilter {
  field: string;
  op: Operator;
  value: string;
}

const NUMERIC = new Set(['integer', 'number', 'year']);

/** Which comparisons a field type offers: text is searched, numbers and dates compared. */
export function operatorsFor(type: string): Operator[] {
  if (type === 'string') return ['contains', 'eq'];
  if (type === 'boolean') return ['eq'];
  return ['eq', 'gte', 'lte'];
}

/** The API's conditions for the reader's filters; numbers sent as numbers, the rest as text. */
export function toConditions(filters: RowFilter[], types: Map<string, string>): RowCondition[] {
  return filters.map((filter) => {
    const type = types.get(filter.field) ?? 'string';
    let value: unknown = filter.value.trim();
    if (NUMERIC.has(type)) value = Number(value);
    if (type === 'boolean') value = value === 'true' || value === '是';
    return { field: filter.field, [filter.op]: value } as RowCondition;
  });
}

/** A cell as text: datetimes in China Standard Time, JSON rows flattened. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') return wallClock(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
