import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organizations' own collection schemas keep the order of their fields. As jsonb, a document came back with its
 * properties reordered (jsonb sorts keys by length, then bytes), so the fields of a registered schema, the
 * columns of its row tables and the rows the API returns were in that order instead of the file's. json keeps
 * the text as registered. (Documents registered before keep the order jsonb gave them.)
 */
export class CollectionSchemaFieldOrder1765510000000 implements MigrationInterface {
  name = 'CollectionSchemaFieldOrder1765510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE collection_schemas ALTER COLUMN document TYPE json USING document::json`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE collection_schemas ALTER COLUMN document TYPE jsonb USING document::jsonb`);
  }
}
