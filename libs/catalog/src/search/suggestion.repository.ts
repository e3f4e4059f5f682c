import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Visibility } from './dataset-search';
import { SqlParams, escapeLike } from './sql-params';

export type SuggestionKind = 'DATASET' | 'ORGANIZATION' | 'TAG' | 'THEME';

/** Something to complete a search box with: key is the dataset or organization slug, the tag, the theme code. */
export interface Suggestion {
  kind: SuggestionKind;
  label: string;
  key: string;
}

/** Suggestions read from the catalogue tables; what starts with the prefix first, then what contains it. */
@Injectable()
export class SuggestionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async suggest(prefix: string, visibility: Visibility, limit: number): Promise<Suggestion[]> {
    const p = new SqlParams();
    const contains = p.add(`%${escapeLike(prefix)}%`);
    const starts = p.add(`${escapeLike(prefix)}%`);
    const visible = visibility.allUnpublished
      ? 'd.deleted_at IS NULL'
      : `d.deleted_at IS NULL AND (d.status = 'published' OR d.organization_id = ANY(${p.add(visibility.organizationIds)}::uuid[]))`;
    const rank = (column: string) => `CASE WHEN lower(${column}) LIKE ${starts} THEN 0 ELSE 1 END`;
    const sql = `
      SELECT kind, label, key FROM (
        (SELECT 'DATASET' AS kind, d.title AS label, d.slug AS key, ${rank('d.title')} AS r, 1 AS k FROM datasets d
         WHERE ${visible} AND (lower(d.title) LIKE ${contains} OR lower(d.title_en) LIKE ${contains}) ORDER BY r, d.modified DESC LIMIT ${p.add(limit)})
        UNION ALL
        (SELECT 'ORGANIZATION', o.name, o.slug, ${rank('o.name')}, 0 FROM organizations o
         WHERE lower(o.name) LIKE ${contains} OR lower(o.name_en) LIKE ${contains} ORDER BY 4, o.name LIMIT ${p.add(limit)})
        UNION ALL
        (SELECT 'TAG', t.name, t.name, ${rank('t.name')}, 2 FROM tags t
         WHERE lower(t.name) LIKE ${contains} AND EXISTS (SELECT 1 FROM dataset_tags dt JOIN datasets d ON d.id = dt.dataset_id WHERE dt.tag_id = t.id AND ${visible})
         ORDER BY 4, t.name LIMIT ${p.add(limit)})
        UNION ALL
        (SELECT 'THEME', th.label_zh, th.code, ${rank('th.label_zh')}, 3 FROM themes th
         WHERE lower(th.label_zh) LIKE ${contains} OR lower(th.label_en) LIKE ${contains} ORDER BY 4, th.sort_order LIMIT ${p.add(limit)})
      ) s ORDER BY r, k LIMIT ${p.add(limit)}`;
    return this.db.query(sql, p.values);
  }
}
