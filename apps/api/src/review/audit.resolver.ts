import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Caller } from '@opendata/auth';
import { AuditService } from '@opendata/catalog';
import { CurrentCaller } from '../http/current-caller.decorator';
import { AuditLogFilterInput } from './review.inputs';
import { toAuditFilter, toAuditLogConnection } from './review.mappers';
import { AuditLogConnectionModel } from './review.models';

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
    return toAuditLogConnection(await this.audit.list(caller, toAuditFilter(filter), first ?? 50, after));
  }
}
