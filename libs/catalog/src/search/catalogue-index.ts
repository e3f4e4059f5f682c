import { Injectable, Logger } from '@nestjs/common';
import { SearchEngine } from './search-engine';
import { SearchIndex } from './search-index';
import { CatalogueSnapshot, SearchIndexRepository } from './search-index.repository';

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
export class CatalogueIndex {
  private readonly logger = new Logger('CatalogueIndex');
  private view: IndexView | null = null;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private downloadsRefresh: Promise<void> | null = null;

  constructor(private readonly repository: SearchIndexRepository) {}

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
    const view = this.view;
    if (!view || view.index.fragmented) return this.rebuild();
    const generation = await this.repository.generation();
    if (generation === view.generation) return;
    const changes = await this.repository.changesSince(view.generation);
    if (!changes) return this.rebuild();
    apply(view.index, changes);
    view.generation = changes.generation;
  }

  private async rebuild(): Promise<void> {
    const started = Date.now();
    const snapshot = await this.repository.loadAll();
    const index = new SearchIndex();
    apply(index, snapshot);
    const downloads = this.view?.index;
    this.view = { index, engine: new SearchEngine(index), generation: snapshot.generation, downloadsReadAt: 0 };
    if (downloads) this.logger.log(`search index rebuilt: ${index.liveCount} datasets in ${Date.now() - started} ms`);
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

function apply(index: SearchIndex, snapshot: CatalogueSnapshot): void {
  index.setOrganizations(snapshot.organizations);
  for (const dataset of snapshot.datasets) index.put(dataset);
}
