import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change log of the search index each API process keeps in memory. A catalogue write bumps the single
 * generation row and logs the dataset it changed, in its own transaction: the row lock orders writers, so a
 * process that reads generation N and the log up to N in one snapshot has seen every committed change, and
 * a search that checks the generation first never misses a write committed before it began.
 */
export class SearchChanges1765400000000 implements MigrationInterface {
  name = 'SearchChanges1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE search_generation (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        generation bigint NOT NULL
      )`);
    await q.query(`INSERT INTO search_generation (only_row, generation) VALUES (true, 0)`);
    // dataset_id NULL: organizations changed.
    await q.query(`
      CREATE TABLE search_changes (
        generation bigint NOT NULL,
        dataset_id uuid
      )`);
    await q.query(`CREATE INDEX search_changes_generation ON search_changes (generation)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE search_changes`);
    await q.query(`DROP TABLE search_generation`);
  }
}
