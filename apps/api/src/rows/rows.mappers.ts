import { badInput, fieldError } from '@opendata/common';
import { FieldCondition, RowFilter } from '@opendata/datastore';
import { RowConditionInput } from './rows.inputs';

/** The list of conditions as the lib's filter object; two conditions with the same operator on a field conflict. */
export function toFilter(conditions: RowConditionInput[] | null): RowFilter | null {
  if (!conditions?.length) return null;
  const filter: RowFilter = {};
  conditions.forEach((condition, i) => {
    const { field, ...ops } = condition;
    const target = (filter[field] ??= {}) as Record<string, unknown>;
    for (const [op, value] of Object.entries(ops)) {
      // An explicit null means "no condition", except eq: null (the cell is empty).
      if (value === undefined || (value === null && op !== 'eq')) continue;
      if (op in target) throw badInput([fieldError(`where.${i}.${op}`, 'rows.twoConditions', { field, op })]);
      target[op] = value;
    }
    filter[field] = target as FieldCondition;
  });
  return filter;
}
