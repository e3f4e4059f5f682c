import { Injectable } from '@nestjs/common';
import { SqlRepository } from './sql-repository';

/** Statements about the database itself rather than a feature's data: the health probe and advisory locks. */
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
}
