import { Caller, SYSTEM } from '@opendata/auth';
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who is behind the current request, for the audit trail. The database trigger that writes the audit log
 * cannot see the caller; the application hands it over as a setting of each transaction (see
 * AuditActorSubscriber). Work outside any request (boot tasks, jobs, operator commands) is the system's.
 */
const callers = new AsyncLocalStorage<Caller>();

export function runAsCaller<T>(caller: Caller, work: () => T): T {
  return callers.run(caller, work);
}

export function currentCaller(): Caller {
  return callers.getStore() ?? SYSTEM;
}
