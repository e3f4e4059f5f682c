import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

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
 * The base of every repository, and its transaction convention. A repository owns the SQL of one feature: its
 * methods are named for what they do and return typed objects; it makes no decisions. Each method takes an
 * optional last argument `tx`: given, the statement runs in that transaction; left out, on the pool. A service
 * whose statements must commit together opens `transaction(caller, (tx) => ...)` on one of its repositories
 * and passes `tx` to every call inside; which repository opens it does not matter (they share one data source).
 * Transactions are opened, and their actor named, only here, so that a shared helper can take this over without
 * touching the statements.
 */
export abstract class SqlRepository {
  constructor(@InjectDataSource() protected readonly db: DataSource) {}

  /** A repository on the data source of a transaction, for code that is handed the transaction, not injected. */
  static forTransaction<R extends SqlRepository>(this: new (db: DataSource) => R, tx: Tx): R {
    return new this(tx.dataSource);
  }

  /** Runs `work` in one transaction whose writes the audit trail records as the actor's. */
  transaction<T>(actor: Actor, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await setAuditActor(tx, JSON.stringify({ id: actor.userId, name: actor.username ?? 'system' }), true);
      return work(tx);
    });
  }

  /** The transaction when one is given, else the pool. */
  protected on(tx?: Tx): Queryable {
    return tx ?? this.db;
  }

  /** The same, for statements made through TypeORM's entity repositories. */
  protected manager(tx?: Tx): EntityManager {
    return tx ?? this.db.manager;
  }
}

/**
 * Names who is writing, in the setting `opendata.actor` that the audit trigger reads: for the rest of the
 * transaction when `local`, else for the session.
 */
export async function setAuditActor(q: Queryable, actor: string, local: boolean): Promise<void> {
  await q.query(`SELECT set_config('opendata.actor', $1, $2)`, [actor, local]);
}
