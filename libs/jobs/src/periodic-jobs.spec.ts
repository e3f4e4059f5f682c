import { Logger } from '@nestjs/common';
import { DatabaseRepository } from '@opendata/database';
import { PeriodicJob, PeriodicJobs } from './periodic-jobs';

/** Advisory locks held in memory: a key is taken while its work runs. */
class FakeLocks {
  readonly held = new Set<number>();
  readonly keys: number[] = [];

  async withLockIfFree<T>(key: number, work: () => Promise<T>): Promise<{ value: T } | null> {
    this.keys.push(key);
    if (this.held.has(key)) return null;
    this.held.add(key);
    try {
      return { value: await work() };
    } finally {
      this.held.delete(key);
    }
  }
}

function job(name: string, run: () => Promise<string>): PeriodicJob {
  return { name, everyMs: 60_000, run: jest.fn(run) };
}

describe('PeriodicJobs', () => {
  let locks: FakeLocks;
  let jobs: PeriodicJobs;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    locks = new FakeLocks();
    jobs = new PeriodicJobs(locks as unknown as DatabaseRepository);
  });

  it("runs a job under its own lock and returns the job's summary", async () => {
    const cleanup = job('cleanup', async () => 'removed 3');
    await expect(jobs.runOnce(cleanup)).resolves.toBe('removed 3');
    expect(cleanup.run).toHaveBeenCalledTimes(1);
    await jobs.runOnce(job('other', async () => 'ok'));
    // One key per job name, the same on every run.
    await jobs.runOnce(cleanup);
    expect(locks.keys[0]).toBe(locks.keys[2]);
    expect(locks.keys[0]).not.toBe(locks.keys[1]);
  });

  it('skips a job that another process is running', async () => {
    const cleanup = job('cleanup', async () => 'done');
    await jobs.runOnce(job('cleanup', async () => 'probe'));
    locks.held.add(locks.keys[0]);
    await expect(jobs.runOnce(cleanup)).resolves.toBeNull();
    expect(cleanup.run).not.toHaveBeenCalled();
  });

  it('reports a failed run as null instead of throwing, and frees the lock', async () => {
    const failing = job('failing', async () => Promise.reject(new Error('disk full')));
    await expect(jobs.runOnce(failing)).resolves.toBeNull();
    expect(locks.held.size).toBe(0);
  });

  it('keeps the jobs registered by name', () => {
    jobs.register(job('a', async () => ''));
    jobs.register(job('b', async () => ''));
    jobs.register(job('a', async () => 'again'));
    expect(jobs.registered().map((j) => j.name)).toEqual(['a', 'b']);
  });
});
