import { Logger } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** A transaction in progress, handed from a service to the repositories whose statements belong to it. */
export type Tx = EntityManager;

/** What a statement runs on: a transaction, or the pool. */
export type Queryable = Pick<EntityManager, 'query'>;

/** Whom the audit trail names for a transaction's writes (the caller of the service that opened it). */
export interface Actor {
  readonly userId: string | null;
  readonly username: string | null;
}

/**
 * The one rule naming the writer of a row, for the audit trail and the review history alike: the caller's user
 * name, and `anonymous` for a caller without one (a visitor filing a data request). The platform's own work
 * (boot tasks, jobs, operator commands) runs as the SYSTEM caller, whose user name is `system`.
 */
export function actorName(actor: Actor): string {
  return actor.username ?? 'anonymous';
}

/** The value of the setting `opendata.actor` that the audit trigger reads (a JSON object: id and name). */
export function auditActorSetting(actor: Actor): string {
  return JSON.stringify({ id: actor.userId, name: actorName(actor) });
}

/**
 * Names who is writing, in the setting `opendata.actor` that the audit trigger reads: for the rest of the
 * transaction when `local`, else for the session.
 */
export async function setAuditActor(q: Queryable, actor: string, local: boolean): Promise<void> {
  await q.query(`SELECT set_config('opendata.actor', $1, $2)`, [actor, local]);
}

/**
 * Where a transaction announces that it changed the catalogue (libs/catalog's CatalogChanges): `notify` runs
 * inside it just before the commit, so that other processes learn of the change exactly when it commits;
 * `committed` runs after the commit, for this process.
 */
export interface ChangeFeed {
  notify(tx: Tx): Promise<void>;
  committed(): void;
}

const ACTOR_NAMED = 'opendata.actorNamed';

/**
 * Whether the transaction on this connection was opened by `withTransaction`, which names its actor itself (so
 * the audit subscriber need not name one from the request context first).
 */
export function namesItsActor(runner: QueryRunner): boolean {
  return runner.data?.[ACTOR_NAMED] === true;
}

/** What a transaction's work asked for, kept by runTransaction. */
interface CommitPlan {
  readonly hooks: Array<() => void>;
  catalogChanged: boolean;
}

/**
 * The handle `withTransaction` gives its work: the transaction's entity manager (pass it to every repository call
 * that belongs to the transaction), plus what is to happen when it commits.
 */
export class Transaction extends EntityManager {
  readonly #plan: CommitPlan;
  readonly #feed: ChangeFeed | null;

  constructor(db: DataSource, runner: QueryRunner, feed: ChangeFeed | null, plan: CommitPlan) {
    super(db, runner);
    this.#feed = feed;
    this.#plan = plan;
  }

  /**
   * Runs `hook` once the transaction has committed (never when it rolls back), in the order registered. Hooks
   * must not fail: the writes are already durable, so a failing hook is logged and the others still run.
   */
  afterCommit(hook: () => void): void {
    this.#plan.hooks.push(hook);
  }

  /**
   * Marks the catalogue as changed: the change feed is notified in the transaction just before its commit and
   * told after it, once however often this is called. Only a repository of the catalogue knows the feed.
   */
  catalogChanged(): void {
    if (!this.#feed) throw new Error('this transaction has no change feed: open it on a repository of the catalogue');
    this.#plan.catalogChanged = true;
  }
}

const logger = new Logger('Transaction');

/**
 * Runs `work` in one transaction on a connection of its own: names `actor` for the audit trail first, then
 * commits (after the change feed's notification, when the work marked the catalogue changed) and runs the
 * after-commit hooks; on any error rolls back and rethrows. Opened only through SqlRepository.withTransaction.
 */
export async function runTransaction<T>(db: DataSource, actor: Actor, feed: ChangeFeed | null, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const runner = db.createQueryRunner();
  runner.data = { ...runner.data, [ACTOR_NAMED]: true };
  const plan: CommitPlan = { hooks: [], catalogChanged: false };
  const tx = new Transaction(db, runner, feed, plan);
  let result: T;
  try {
    await runner.startTransaction();
    await setAuditActor(tx, auditActorSetting(actor), true);
    result = await work(tx);
    if (plan.catalogChanged) await feed!.notify(tx);
    await runner.commitTransaction();
  } catch (error) {
    // The original error is what matters, even if the rollback fails too.
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
  const hooks = plan.catalogChanged ? [() => feed!.committed(), ...plan.hooks] : plan.hooks;
  for (const hook of hooks) {
    try {
      hook();
    } catch (error) {
      logger.error(`an after-commit hook failed: ${(error as Error).stack ?? String(error)}`);
    }
  }
  return result;
}

/** The handle of a transaction opened by withTransaction, or null for one opened by hand (a query runner's manager). */
export function openedByWithTransaction(tx: Tx): Transaction | null {
  return tx instanceof Transaction ? tx : null;
}
