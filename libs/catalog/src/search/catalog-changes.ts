import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { DatabaseRepository, Listening, Tx } from '@opendata/database';
import { SearchCache } from './search-cache';

const CHANNEL = 'catalog_changed';
const MAX_ENTRIES = 2000;

/**
 * Keeps cached public search results exact across processes: writers NOTIFY in their transaction (delivered on
 * commit), every process LISTENs and drops its cache. Should the listening connection fail, the cache is
 * dropped and stays off until the listener is back.
 */
@Injectable()
export class CatalogChanges implements OnModuleInit, OnModuleDestroy {
  readonly searchCache: SearchCache;
  private readonly logger = new Logger('CatalogChanges');
  private listening: Listening | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly database: DatabaseRepository,
  ) {
    this.searchCache = new SearchCache(config.searchCacheSeconds > 0 ? MAX_ENTRIES : 0, config.searchCacheSeconds * 1000);
  }

  /** Whether cached results may be served now (cache on and change feed connected). */
  get cacheUsable(): boolean {
    return this.searchCache.enabled && this.listening !== null;
  }

  async onModuleInit(): Promise<void> {
    if (this.searchCache.enabled) await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.listening?.close();
    this.listening = null;
  }

  /** Call inside the writing transaction: other processes learn of the change when it commits. */
  async notify(tx: Tx): Promise<void> {
    await this.database.notify(CHANNEL, tx);
  }

  /** Call after the writing transaction committed: this process stops serving older results at once. */
  committed(): void {
    this.searchCache.invalidate();
  }

  private async listen(): Promise<void> {
    try {
      const listening = await this.database.listen(CHANNEL, {
        notified: () => this.searchCache.invalidate(),
        lost: (reason) => {
          this.listening = null;
          this.searchCache.invalidate();
          if (this.closed) return;
          this.logger.warn(`change feed lost (${reason}); search cache off until it is back`);
          this.retry = setTimeout(() => void this.listen(), 2000);
        },
      });
      // Closed while connecting: nobody will close this connection later.
      if (this.closed) {
        await listening.close();
        return;
      }
      this.listening = listening;
      this.searchCache.invalidate();
    } catch (error) {
      if (!this.closed) this.retry = setTimeout(() => void this.listen(), 2000);
      this.logger.warn(`cannot listen for catalogue changes: ${(error as Error).message}`);
    }
  }
}
