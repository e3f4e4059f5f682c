import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Caller } from '@opendata/auth';
import { AuditEntry, AuditService, encodeAuditCursor } from '@opendata/catalog';
import { CurrentCaller } from '../http/current-caller.decorator';
import { AuditLogFilterInput } from './audit-filter.input';
import { toAuditFilter } from './audit.mappers';
import { AuditEntryModel, AuditLogConnectionModel } from './review.models';

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditLogConnectionModel, { description: 'The audit trail of every write, newest first (system administrators).' })
  async auditLog(
    @CurrentCaller() caller: Caller,
    @Args('filter', { type: () => AuditLogFilterInput, nullable: true, description: 'Narrow the log.' }) filter?: AuditLogFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 0 to 500; default 50.' }) first?: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page.' }) after?: string | null,
  ): Promise<AuditLogConnectionModel> {
    const page = await this.audit.list(caller, toAuditFilter(filter), first ?? 50, after);
    const edges = page.entries.map((e) => ({ cursor: encodeAuditCursor(e.id), node: toAuditEntryModel(e) }));
    return { edges, hasNextPage: page.hasNextPage, endCursor: edges[edges.length - 1]?.cursor ?? null };
  }
}

export function toAuditEntryModel(e: AuditEntry): AuditEntryModel {
  return {
    id: e.id,
    at: e.at,
    actorId: e.actorId,
    actor: e.actorName,
    table: e.tableName,
    rowKey: e.rowKey,
    operation: e.operation,
    changed: e.changed,
    hashBefore: e.hashBefore,
    hashAfter: e.hashAfter,
    transactionId: e.transactionId,
  };
}
