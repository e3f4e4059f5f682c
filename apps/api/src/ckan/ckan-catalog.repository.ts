import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { qualified } from '@opendata/datastore';
import { DataSource } from 'typeorm';
import { CkanTag } from './ckan-shapes';

/** The statements of the CKAN API that the catalogue services do not offer. */
@Injectable()
export class CkanCatalogRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Slugs of the published datasets, in slug order (package_list). */
  async publishedSlugs(limit: number, offset: number): Promise<string[]> {
    const rows: Array<{ slug: string }> = await this.db.query(
      `SELECT slug FROM datasets WHERE deleted_at IS NULL AND status = 'published' ORDER BY slug LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return rows.map((r) => r.slug);
  }

  /** Published datasets per organization id. */
  async publishedCounts(): Promise<Map<string, number>> {
    const rows: Array<{ id: string; n: number }> = await this.db.query(
      `SELECT organization_id AS id, count(*)::int AS n FROM datasets WHERE deleted_at IS NULL AND status = 'published' GROUP BY 1`,
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  /** Tags with their ids, which CKAN's tag objects carry, in the datasets' own order. */
  async tagsOf(datasetIds: string[]): Promise<Map<string, CkanTag[]>> {
    const rows: Array<{ dataset_id: string; id: string; name: string }> = await this.db.query(
      `SELECT dt.dataset_id, t.id, t.name FROM dataset_tags dt JOIN tags t ON t.id = dt.tag_id
       WHERE dt.dataset_id = ANY($1::uuid[]) ORDER BY dt.position`,
      [datasetIds],
    );
    const grouped = new Map<string, CkanTag[]>();
    for (const r of rows) grouped.set(r.dataset_id, [...(grouped.get(r.dataset_id) ?? []), { id: r.id, name: r.name }]);
    return grouped;
  }

  /** The columns of a row table with their SQL types; `_row` is internal and served as `_id`. */
  async rowColumns(table: string): Promise<Array<{ name: string; sqlType: string }>> {
    const rows: Array<{ name: string; type: string }> = await this.db.query(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
       WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> '_row' ORDER BY a.attnum`,
      [qualified(table)],
    );
    return rows.map((r) => ({ name: r.name, sqlType: r.type }));
  }

  /** Runs a datastore_search statement built by compileDatastoreSearch (whitelisted names, bound values). */
  async rows<T>(sql: string, values: unknown[]): Promise<T[]> {
    return this.db.query(sql, values) as Promise<T[]>;
  }
}
