import { Caller } from '@opendata/auth';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a write in a transaction that names its actor, so that the audit trigger records who changed a rule
 * (the trigger reads the transaction-local setting opendata.actor).
 */
export function writeAs<T>(db: DataSource, caller: Caller, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return db.transaction(async (manager) => {
    const actor = JSON.stringify({ id: caller.userId, name: caller.username ?? 'system' });
    await manager.query(`SELECT set_config('opendata.actor', $1, true)`, [actor]);
    return work(manager);
  });
}
