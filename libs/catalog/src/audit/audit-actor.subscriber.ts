import { setAuditActor } from '@opendata/database';
import { EntitySubscriberInterface, TransactionStartEvent } from 'typeorm';
import { actorSetting, currentCaller } from './audit-context';

/** Statements that write rows (the audit trigger fires on them); a leading WITH may hold a write too. */
const WRITE = /^\s*(INSERT|UPDATE|DELETE|WITH)\b/i;
type BeforeQueryEvent = Parameters<NonNullable<EntitySubscriberInterface['beforeQuery']>>[0];

/**
 * Tells the database who is writing. Inside a transaction the setting is transaction-local, set once when it
 * starts. A write outside a transaction sets it for the session just before; since every write path sets it
 * first, a value left on a pooled connection is never read by someone else's write.
 */
export class AuditActorSubscriber implements EntitySubscriberInterface {
  async afterTransactionStart(event: TransactionStartEvent): Promise<void> {
    await setAuditActor(event.queryRunner, actorSetting(currentCaller()), true);
  }

  async beforeQuery(event: BeforeQueryEvent): Promise<void> {
    if (event.queryRunner.isTransactionActive || !WRITE.test(event.query)) return;
    await setAuditActor(event.queryRunner, actorSetting(currentCaller()), false);
  }
}
