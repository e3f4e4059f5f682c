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

describe('DatabaseRepository (advisory locks and the health probe)', () => {
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
});
