import { AuditEntry, AuditFilter } from '@opendata/catalog';
import { badInput, isEntityId } from '@opendata/common';
import { AuditLogFilterInput } from './audit-filter.input';

const OPERATIONS = ['INSERT', 'UPDATE', 'DELETE'];

export function toAuditFilter(input: AuditLogFilterInput | null | undefined): AuditFilter {
  if (!input) return {};
  const operations = input.operation?.map((o) => o.toUpperCase());
  if (operations?.some((o) => !OPERATIONS.includes(o))) throw badInput([{ path: 'filter.operation', message: `must be among ${OPERATIONS.join(', ')}` }]);
  if (input.actorId && !isEntityId(input.actorId)) throw badInput([{ path: 'filter.actorId', message: 'is not a user id' }]);
  return {
    tables: input.table,
    rowKey: input.rowKey,
    actorId: input.actorId,
    actorName: input.actor,
    operations: operations as Array<AuditEntry['operation']> | undefined,
    from: input.from,
    to: input.to,
  };
}

/** Query parameters of GET /api/v1/audit.ndjson, with the same meaning as the GraphQL filter. */
export function auditFilterFromQuery(query: Record<string, unknown>): AuditFilter {
  const one = (key: string) => (typeof query[key] === 'string' ? (query[key] as string) : null);
  const list = (key: string) => one(key)?.split(',').filter(Boolean) ?? null;
  const date = (key: string) => {
    const value = one(key);
    if (value === null) return null;
    const parsed = new Date(value);
    if (Number.isNaN(parsed.getTime())) throw badInput([{ path: key, message: 'is not a date-time (ISO 8601)' }]);
    return parsed;
  };
  return toAuditFilter({ table: list('table'), rowKey: one('rowKey'), actorId: one('actorId'), actor: one('actor'), operation: list('operation'), from: date('from'), to: date('to') });
}
