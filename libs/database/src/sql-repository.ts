import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, ChangeFeed, Queryable, Transaction, Tx, runTransaction } from './transaction';

/**
 * The base of every repository, and its transaction convention. A repository owns the SQL of one feature: its
 * methods are named for what they do and return typed objects; it makes no decisions. Each method takes an
 * optional last argument `tx`: given, the statement runs in that transaction; left out, on the pool. A service
 * whose statements must commit together opens `withTransaction(caller, (tx) => ...)` on one of its repositories
 * and passes `tx` to every call inside; `tx` also takes after-commit hooks and marks the catalogue changed.
 * Which repository opens the transaction does not matter (they share one data source), except that only the
 * repositories of the catalogue know its change feed.
 */
export abstract class SqlRepository {
  constructor(@InjectDataSource() protected readonly db: DataSource) {}

  /**
   * Runs `work` in one transaction: its writes are the actor's in the audit trail; when the work marked the
   * catalogue changed, the change feed hears of it as the transaction commits; after-commit hooks run once it
   * has. The transactions of services are opened here and nowhere else.
   */
  withTransaction<T>(actor: Actor, work: (tx: Transaction) => Promise<T>): Promise<T> {
    return runTransaction(this.db, actor, this.changeFeed ?? null, work);
  }

  /** Where transactions opened here announce catalogue changes: none, unless a repository of the catalogue says. */
  protected get changeFeed(): ChangeFeed | null | undefined {
    return null;
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
