import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../test/support/test-services';
import { dataSourceOptions } from './data-source-options';
import { DatabaseRepository } from './database.repository';

/** A promise settled from outside, to hold work open while another session tries the lock. */
function gate(): { opened: Promise<void>; open(): void } {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the condition never held');
}

describe('DatabaseRepository (advisory locks, notifications and the health probe)', () => {
  let drop: () => Promise<void>;
  let db: DataSource;
  let database: DatabaseRepository;
  const KEY = 424_242;

  beforeAll(async () => {
    const test = await createTestDatabase();
    drop = test.drop;
    db = await new DataSource({ ...dataSourceOptions(test.url, []), logging: false }).initialize();
    database = new DatabaseRepository(db);
  });
  afterAll(async () => {
    await db.destroy();
    await drop();
  });

  it('answers the health probe', async () => {
    await expect(database.ping()).resolves.toBeUndefined();
  });

  it('skips work whose lock another session holds, and runs it once the lock is free', async () => {
    const hold = gate();
    const started = gate();
    const first = database.withLockIfFree(KEY, async () => {
      started.open();
      await hold.opened;
      return 'first';
    });
    await started.opened;
    const second = jest.fn(async () => 'second');
    await expect(database.withLockIfFree(KEY, second)).resolves.toBeNull();
    expect(second).not.toHaveBeenCalled();
    hold.open();
    await expect(first).resolves.toEqual({ value: 'first' });
    await expect(database.withLockIfFree(KEY, second)).resolves.toEqual({ value: 'second' });
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('makes a second holder wait for the first, and frees the lock when the work fails', async () => {
    const order: string[] = [];
    const hold = gate();
    const started = gate();
    const first = database.withLock(KEY, async () => {
      started.open();
      await hold.opened;
      order.push('first done');
    });
    await started.opened;
    const second = database.withLock(KEY, async () => {
      order.push('second ran');
    });
    await waitUntil(async () => (await db.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`))[0].n === 1);
    expect(order).toEqual([]);
    hold.open();
    await Promise.all([first, second]);
    expect(order).toEqual(['first done', 'second ran']);

    await expect(database.withLock(KEY, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(database.withLockIfFree(KEY, async () => 'free again')).resolves.toEqual({ value: 'free again' });
  });

  it('delivers a notification sent in a transaction when it commits, and none when it rolls back', async () => {
    let heard = 0;
    const lost = jest.fn();
    const listening = await database.listen('probe_changes', { notified: () => heard++, lost });
    try {
      const runner = db.createQueryRunner();
      await runner.startTransaction();
      await database.notify('probe_changes', runner.manager);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard).toBe(0);
      await runner.commitTransaction();
      await waitUntil(async () => heard === 1);

      await runner.startTransaction();
      await database.notify('probe_changes', runner.manager);
      await runner.rollbackTransaction();
      await runner.release();
      await database.notify('probe_changes');
      await waitUntil(async () => heard === 2);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard).toBe(2);
    } finally {
      await listening.close();
    }
    expect(lost).not.toHaveBeenCalled();
  });

  it('reports a listening connection that the server ends, once', async () => {
    const lost = jest.fn();
    const listening = await database.listen('probe_changes', { notified: () => undefined, lost });
    await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN "probe_changes"'`);
    await waitUntil(async () => lost.mock.calls.length > 0);
    await listening.close();
    expect(lost).toHaveBeenCalledTimes(1);
  });
});
