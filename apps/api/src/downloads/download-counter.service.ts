import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DownloadCountRepository, DownloadTarget } from '@opendata/catalog';
import DataLoader from 'dataloader';
import { Response } from 'express';

export interface DownloadCountLoaders {
  resource: DataLoader<string, number>;
  dataset: DataLoader<string, number>;
}

/**
 * Counts downloads of original files and of row exports. Counting happens after the response is sent, one
 * upsert per download, off the request path: a slow counter never delays a file, and a failed count is logged,
 * not reported to the client.
 */
@Injectable()
export class DownloadCounterService implements OnApplicationShutdown {
  private readonly logger = new Logger('Downloads');
  private readonly pending = new Set<Promise<void>>();
  private readonly loaders = new WeakMap<object, DownloadCountLoaders>();

  constructor(private readonly counts: DownloadCountRepository) {}

  /**
   * Counts the download once the response has been sent in full, if it delivered the file from its first byte
   * (200, or 206 for a range starting at byte 0): resumed or chunked downloads then count once, not per part.
   */
  recordWhenSent(res: Response, target: DownloadTarget, rangeStart = 0): void {
    res.once('finish', () => {
      if (res.statusCode === 200 || (res.statusCode === 206 && rangeStart === 0)) this.record(target);
    });
  }

  /** Counts one download now (in the background). */
  record(target: DownloadTarget): void {
    const write = this.counts.increment(target).catch((error: Error) => this.logger.warn(`download of ${target.resourceId} not counted: ${error.message}`));
    this.pending.add(write);
    void write.finally(() => this.pending.delete(write));
  }

  /** Resolves when every count started so far is written (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  ofResources(ids: readonly string[]): Promise<Map<string, number>> {
    return this.counts.ofResources(ids);
  }

  ofDatasets(ids: readonly string[]): Promise<Map<string, number>> {
    return this.counts.ofDatasets(ids);
  }

  /** DataLoaders for one GraphQL request (keyed by its context object), so lists cost one query per type. */
  loadersFor(context: object): DownloadCountLoaders {
    let loaders = this.loaders.get(context);
    if (!loaders) {
      const batch = (read: (ids: readonly string[]) => Promise<Map<string, number>>) =>
        new DataLoader<string, number>(async (ids) => {
          const counts = await read(ids);
          return ids.map((id) => counts.get(id) ?? 0);
        });
      loaders = { resource: batch((ids) => this.ofResources(ids)), dataset: batch((ids) => this.ofDatasets(ids)) };
      this.loaders.set(context, loaders);
    }
    return loaders;
  }
}
