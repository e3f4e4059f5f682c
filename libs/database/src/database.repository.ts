import { Injectable } from '@nestjs/common';
import { Client, escapeIdentifier } from 'pg';
import { SqlRepository } from './sql-repository';
import { Tx } from './transaction';

/** What a LISTEN connection reports (see DatabaseRepository.listen). */
export interface ListenHandlers {
  /** A notification arrived on the channel. */
  notified(): void;
  /** The connection failed or closed by itself; called once, after which nothing more is heard. */
  lost(reason: string): void;
}

/** A LISTEN connection in use. */
export interface Listening {
  /** Closes the connection on purpose (`lost` is not called for it). */
  close(): Promise<void>;
}

/**
 * Statements about the database itself rather than a feature's data: the health probe, advisory locks, and
 * notifications between processes (NOTIFY and LISTEN).
 */
@Injectable()
export class DatabaseRepository extends SqlRepository {
  /** Resolves when the database answers a trivial statement. */
  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  /**
   * Runs `work` while holding the session advisory lock `key`, waiting for any other holder first. The lock lives
   * on a connection of its own, kept for the duration, so that the work itself may use the pool freely.
   */
  async withLock<T>(key: number, work: () => Promise<T>): Promise<T> {
    const lock = this.db.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [key]);
      return await work();
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
      await lock.release();
    }
  }

  /** Runs `work` under the advisory lock `key` unless another session holds it; null (without running) when it does. */
  async withLockIfFree<T>(key: number, work: () => Promise<T>): Promise<{ value: T } | null> {
    const lock = this.db.createQueryRunner();
    await lock.connect();
    try {
      const [{ locked }] = await lock.query('SELECT pg_try_advisory_lock($1) AS locked', [key]);
      if (!locked) return null;
      try {
        return { value: await work() };
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [key]);
      }
    } finally {
      await lock.release();
    }
  }

  /** Sends a notification on `channel`: inside a transaction, delivered when it commits (and never if it rolls back). */
  async notify(channel: string, tx?: Tx): Promise<void> {
    await this.on(tx).query(`SELECT pg_notify($1, '')`, [channel]);
  }

  /**
   * Listens on `channel` on a connection of its own: LISTEN belongs to a session, so it cannot borrow one of
   * the pool's. Rejects when the connection or the LISTEN fails; once listening, a failure of the connection
   * reaches `handlers.lost`.
   */
  async listen(channel: string, handlers: ListenHandlers): Promise<Listening> {
    const client = new Client({ connectionString: (this.db.options as { url?: string }).url });
    let live = false;
    const lost = (reason: string): void => {
      if (!live) return;
      live = false;
      client.end().catch(() => undefined);
      handlers.lost(reason);
    };
    client.on('notification', () => handlers.notified());
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('connection closed'));
    try {
      await client.connect();
      await client.query(`LISTEN ${escapeIdentifier(channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    live = true;
    return {
      close: async () => {
        live = false;
        await client.end().catch(() => undefined);
      },
    };
  }
}
