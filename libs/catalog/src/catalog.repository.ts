import { InjectDataSource } from '@nestjs/typeorm';
import { ChangeFeed, SqlRepository, Tx, openedByWithTransaction } from '@opendata/database';
import { DataSource } from 'typeorm';
import { CatalogChanges } from './search/catalog-changes';

/**
 * The base of the repositories of the catalogue itself (datasets, resources): a transaction opened on one of
 * them may mark the catalogue changed, which CatalogChanges announces as it commits.
 */
export abstract class CatalogRepository extends SqlRepository {
  constructor(
    @InjectDataSource() db: DataSource,
    private readonly changes?: CatalogChanges,
  ) {
    super(db);
  }

  protected override get changeFeed(): ChangeFeed | undefined {
    return this.changes;
  }

  /**
   * Marks the catalogue changed by `tx`. An upload's transaction, opened by hand on its own connection rather
   * than by withTransaction, is notified at once; its owner tells CatalogChanges after it commits.
   */
  async catalogChanged(tx: Tx): Promise<void> {
    const opened = openedByWithTransaction(tx);
    if (opened) opened.catalogChanged();
    else await this.changes?.notify(tx);
  }
}
