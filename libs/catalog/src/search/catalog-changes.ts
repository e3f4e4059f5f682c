import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, SERVICE_ENDPOINTS, ServiceEndpoints } from '@opendata/config';
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
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
  private listener: Client | null = null;
  private listening = false;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SERVICE_ENDPOINTS) private readonly endpoints: ServiceEndpoints,
  ) {
    this.searchCache = new SearchCache(config.searchCacheSeconds > 0 ? MAX_ENTRIES : 0, config.searchCacheSeconds * 1000);
  }

  /** Whether cached results may be served now (cache on and change feed connected). */
  get cacheUsable(): boolean {
    return this.searchCache.enabled && this.listening;
  }

  async onModuleInit(): Promise<void> {
    if (this.searchCache.enabled) await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.listener?.end().catch(() => undefined);
  }

  /** Call inside the writing transaction: other processes learn of the change when it commits. */
  async notify(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_notify($1, '')`, [CHANNEL]);
  }

  /** Call after the writing transaction committed: this process stops serving older results at once. */
  committed(): void {
    this.searchCache.invalidate();
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.endpoints.databaseUrl });
    const lost = (reason: string): void => {
      if (this.listener !== client) return;
      this.listening = false;
      this.listener = null;
      this.searchCache.invalidate();
      client.end().catch(() => undefined);
      if (!this.closed) {
        this.logger.warn(`change feed lost (${reason}); search cache off until it is back`);
        this.retry = setTimeout(() => void this.listen(), 2000);
      }
    };
    client.on('notification', () => this.searchCache.invalidate());
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('connection closed'));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.listener = client;
      this.listening = true;
      this.searchCache.invalidate();
    } catch (error) {
      await client.end().catch(() => undefined);
      if (!this.closed) this.retry = setTimeout(() => void this.listen(), 2000);
      this.logger.warn(`cannot listen for catalogue changes: ${(error as Error).message}`);
    }
  }
}
