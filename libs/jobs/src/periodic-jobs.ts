import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DatabaseRepository } from '@opendata/database';
import { createHash } from 'node:crypto';

export interface PeriodicJob {
  name: string;
  everyMs: number;
  run(): Promise<string>;
}

/**
 * Runs jobs on a timer, in the API process (default) or in the worker app. A PostgreSQL advisory lock per job
 * makes sure that several processes never run the same job at the same time; a run that finds the lock taken
 * skips. Jobs are idempotent (they tidy up), so a skipped or repeated run is harmless.
 */
@Injectable()
export class PeriodicJobs implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<unknown>>();
  private readonly jobs = new Map<string, PeriodicJob>();

  constructor(private readonly database: DatabaseRepository) {}

  /** Jobs register themselves when their module starts; the api (JOBS_IN_API) or the worker runs them. */
  register(job: PeriodicJob): void {
    this.jobs.set(job.name, job);
  }

  registered(): PeriodicJob[] {
    return [...this.jobs.values()];
  }

  startRegistered(firstRunDelayMs = 30_000): PeriodicJob[] {
    const jobs = this.registered();
    this.start(jobs, firstRunDelayMs);
    return jobs;
  }

  start(jobs: PeriodicJob[], firstRunDelayMs = 30_000): void {
    for (const job of jobs) {
      const tick = () => {
        const run = this.runOnce(job).finally(() => this.running.delete(run));
        this.running.add(run);
      };
      this.timers.push(setTimeout(tick, firstRunDelayMs).unref(), setInterval(tick, job.everyMs).unref());
    }
  }

  /** Runs a job now unless another process is running it; returns its summary, or null when skipped. */
  async runOnce(job: PeriodicJob): Promise<string | null> {
    const key = createHash('sha256').update(`job:${job.name}`).digest().readInt32BE(0);
    try {
      const ran = await this.database.withLockIfFree(key, () => job.run());
      if (!ran) return null;
      this.logger.log(`${job.name}: ${ran.value}`);
      return ran.value;
    } catch (error) {
      this.logger.error(`${job.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  /**
   * Stops the timers and waits for the runs in progress. Before the shutdown proper: in onApplicationShutdown
   * the data source may already be closed, and a job still running would lose its connection.
   */
  async beforeApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    await Promise.allSettled(this.running);
  }
}
