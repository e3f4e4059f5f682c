import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../test/support/test-services';
import { dataSourceOptions, runMigrations } from './data-source-options';
import { SqlRepository } from './sql-repository';
import { ChangeFeed, Transaction, Tx, namesItsActor } from './transaction';

/** A repository of organizations, with or without a change feed, to open transactions on. */
class Organizations extends SqlRepository {
  constructor(
    db: DataSource,
    private readonly feed: ChangeFeed | null = null,
  ) {
    super(db);
  }

  protected override get changeFeed(): ChangeFeed | null {
    return this.feed;
  }

  async insert(slug: string, tx?: Tx): Promise<void> {
    await this.on(tx).query(`INSERT INTO organizations (slug, name) VALUES ($1, $1)`, [slug]);
  }

  /** Whether the row is visible from the pool, that is: committed. */
  async committed(slug: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM organizations WHERE slug = $1`, [slug]);
    return rows.length === 1;
  }

  async auditedActor(slug: string): Promise<{ actor_id: string | null; actor_name: string } | undefined> {
    const [row] = await this.db.query(
      `SELECT a.actor_id, a.actor_name FROM audit_log a JOIN organizations o ON a.row_key = o.id::text WHERE o.slug = $1 AND a.operation = 'INSERT'`,
      [slug],
    );
    return row;
  }
}

/** A change feed that writes down when it hears what, and what it could see at that moment. */
class RecordingFeed implements ChangeFeed {
  readonly heard: string[] = [];

  async notify(tx: Tx): Promise<void> {
    const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM organizations`);
    this.heard.push(`notify in the transaction (${n} organizations there)`);
  }

  committed(): void {
    this.heard.push('committed');
  }
}

describe('SqlRepository.withTransaction', () => {
  let drop: () => Promise<void>;
  let db: DataSource;

  beforeAll(async () => {
    const test = await createTestDatabase();
    drop = test.drop;
    await runMigrations(test.url);
    db = await new DataSource({ ...dataSourceOptions(test.url, []), logging: false }).initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await drop();
  });

  it('names the actor for the audit trail, and an actor without a user name as anonymous', async () => {
    const repo = new Organizations(db);
    const userId = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
    await repo.withTransaction({ userId, username: 'editor' }, async (tx) => {
      expect(namesItsActor(tx.queryRunner!)).toBe(true);
      await repo.insert('by-editor', tx);
    });
    await repo.withTransaction({ userId: null, username: 'system' }, (tx) => repo.insert('by-system', tx));
    await repo.withTransaction({ userId: null, username: null }, (tx) => repo.insert('by-visitor', tx));
    expect(await repo.auditedActor('by-editor')).toEqual({ actor_id: userId, actor_name: 'editor' });
    expect(await repo.auditedActor('by-system')).toEqual({ actor_id: null, actor_name: 'system' });
    expect(await repo.auditedActor('by-visitor')).toEqual({ actor_id: null, actor_name: 'anonymous' });
  });

  it('runs after-commit hooks in order once the writes are committed, and never after a rollback', async () => {
    const repo = new Organizations(db);
    const seen: string[] = [];
    const result = await repo.withTransaction({ userId: null, username: 'system' }, async (tx) => {
      await repo.insert('hooked', tx);
      tx.afterCommit(() => seen.push('first'));
      tx.afterCommit(() => seen.push('second'));
      expect(await repo.committed('hooked')).toBe(false);
      expect(seen).toEqual([]);
      return 'done';
    });
    expect(result).toBe('done');
    expect(seen).toEqual(['first', 'second']);
    expect(await repo.committed('hooked')).toBe(true);

    await expect(
      repo.withTransaction({ userId: null, username: 'system' }, async (tx) => {
        await repo.insert('rolled-back', tx);
        tx.afterCommit(() => seen.push('after a rollback'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(seen).toEqual(['first', 'second']);
    expect(await repo.committed('rolled-back')).toBe(false);
  });

  it('still runs the other hooks and returns the result when a hook fails after the commit', async () => {
    const repo = new Organizations(db);
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const seen: string[] = [];
    try {
      const result = await repo.withTransaction({ userId: null, username: 'system' }, async (tx) => {
        await repo.insert('hook-fails', tx);
        tx.afterCommit(() => {
          throw new Error('cache unreachable');
        });
        tx.afterCommit(() => seen.push('second'));
        return 42;
      });
      expect(result).toBe(42);
      expect(seen).toEqual(['second']);
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('cache unreachable'));
    } finally {
      logged.mockRestore();
    }
    expect(await repo.committed('hook-fails')).toBe(true);
  });

  it('notifies the change feed once inside the transaction and tells it after the commit', async () => {
    const feed = new RecordingFeed();
    const repo = new Organizations(db, feed);
    const [{ n: before }] = await db.query(`SELECT count(*)::int AS n FROM organizations`);
    await repo.withTransaction({ userId: null, username: 'system' }, async (tx: Transaction) => {
      await repo.insert('changed', tx);
      tx.catalogChanged();
      tx.catalogChanged();
      tx.afterCommit(() => feed.heard.push('hook'));
      expect(feed.heard).toEqual([]);
    });
    expect(feed.heard).toEqual([`notify in the transaction (${before + 1} organizations there)`, 'committed', 'hook']);

    await repo.withTransaction({ userId: null, username: 'system' }, (tx) => repo.insert('unannounced', tx));
    await expect(
      repo.withTransaction({ userId: null, username: 'system' }, async (tx) => {
        tx.catalogChanged();
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(feed.heard).toHaveLength(3);
  });

  it('refuses to mark the catalogue changed in a transaction opened where there is no change feed', async () => {
    const repo = new Organizations(db);
    await expect(
      repo.withTransaction({ userId: null, username: 'system' }, async (tx) => {
        await repo.insert('no-feed', tx);
        tx.catalogChanged();
      }),
    ).rejects.toThrow(/no change feed/);
    expect(await repo.committed('no-feed')).toBe(false);
  });
});
