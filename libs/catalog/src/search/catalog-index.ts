import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { SearchEngine } from './search-engine';
import { SearchIndex } from './search-index';
import { CatalogSnapshot, SearchIndexRepository } from './search-index.repository';

/** How old download counts may be when a list is ordered by them. */
export const DOWNLOAD_COUNTS_MS = 60_000;

/** The index as one search sees it: what it was built from (generation) and when its download counts were read. */
export interface IndexView {
  index: SearchIndex;
  engine: SearchEngine;
  generation: number;
  downloadsReadAt: number;
}

/**
 * This process's copy of the catalogue's search index, kept exact: before each search it reads the
 * generation (one indexed row) and, when another process or this one wrote since, applies the logged changes
 * first. Searches arriving while a check runs share the next check, so the database sees at most one check
 * per round trip however many searches wait.
 */
@Injectable()
export class CatalogIndex implements OnModuleDestroy {
  private readonly logger = new Logger('CatalogIndex');
  private view: IndexView | null = null;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private downloadsRefresh: Promise<void> | null = null;

  private closed = false;
  private compacting: Promise<void> | null = null;
  private compacted: IndexView | null = null;

  constructor(private readonly repository: SearchIndexRepository) {}

  /**
   * Starts loading the index in the background (at API start), so that the first search does not pay for
   * it; searches that arrive before it is ready wait for it. A failure is logged and retried by the next search.
   */
  warmUp(): void {
    this.sync().catch((error: unknown) => {
      if (!this.closed) this.logger.warn(`search index not loaded yet: ${(error as Error).message}`);
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await Promise.all([this.running?.catch(() => undefined), this.compacting]);
  }

  /** The index up to date with every change committed before this call. */
  async current(withDownloads = false): Promise<IndexView> {
    await this.sync();
    const view = this.view!;
    if (withDownloads && Date.now() - view.downloadsReadAt > DOWNLOAD_COUNTS_MS) await this.refreshDownloads(view);
    return this.view!;
  }

  private sync(): Promise<void> {
    if (!this.running) {
      this.running = this.check().finally(() => (this.running = null));
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.sync();
      });
    return this.queued;
  }

  private async check(): Promise<void> {
    if (!this.view) {
      this.view = await this.build();
    }
    // A compacted index built in the background takes over once it has caught up (below) with what it missed.
    if (this.compacted) {
      this.view = this.compacted;
      this.compacted = null;
    }
    const view = this.view;
    if (view.index.fragmented) this.compactInBackground();
    const generation = await this.repository.generation();
    if (generation === view.generation) return;
    const changes = await this.repository.changesSince(view.generation);
    if (!changes) {
      // Too far behind the change log: only a new snapshot can say what changed.
      this.view = await this.build();
      return;
    }
    apply(view.index, changes);
    view.generation = changes.generation;
  }

  /**
   * Many updates leave many retired documents behind: a fresh index is built while this one keeps serving,
   * then takes over at the next check, which first brings it up to date.
   */
  private compactInBackground(): void {
    if (this.compacting) return;
    this.compacting = this.build()
      .then((view) => {
        this.compacted = view;
      })
      .catch((error: unknown) => {
        if (!this.closed) this.logger.warn(`search index not compacted: ${(error as Error).message}`);
      })
      .finally(() => (this.compacting = null));
  }

  /**
   * Builds an index from a snapshot read page by page, giving the event loop back between pages (requests keep
   * being served by the previous index, or wait for the first one).
   */
  private async build(): Promise<IndexView> {
    const started = Date.now();
    const index = new SearchIndex();
    const generation = await this.repository.loadAll(
      (organizations) => index.setOrganizations(organizations),
      async (datasets) => {
        if (this.closed) throw new Error('the application is closing');
        for (const dataset of datasets) index.put(dataset);
        await yieldToEvents();
      },
    );
    index.trim();
    this.logger.log(`search index built: ${index.liveCount} datasets in ${Date.now() - started} ms`);
    return { index, engine: new SearchEngine(index), generation, downloadsReadAt: 0 };
  }

  private refreshDownloads(view: IndexView): Promise<void> {
    this.downloadsRefresh ??= this.repository
      .downloads()
      .then((counts) => {
        const { index } = view;
        for (let doc = 0; doc < index.size; doc++) index.downloads[doc] = 0;
        for (const { id, n } of counts) {
          const doc = index.docNo(id);
          if (doc !== undefined) index.downloads[doc] = n;
        }
        view.downloadsReadAt = Date.now();
      })
      .finally(() => (this.downloadsRefresh = null));
    return this.downloadsRefresh;
  }
}

function apply(index: SearchIndex, snapshot: CatalogSnapshot): void {
  index.setOrganizations(snapshot.organizations);
  for (const dataset of snapshot.datasets) index.put(dataset);
}
