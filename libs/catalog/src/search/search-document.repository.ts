import { Injectable } from '@nestjs/common';
import { SqlRepository, Tx } from '@opendata/database';
import { releasedVersionSql } from '../review/visibility';
import { SEARCH_VECTOR_SQL, searchDocument } from './search-document';

/** Changes kept in the log; a process further behind reloads the whole index. */
const KEPT_CHANGES = 10_000;

interface SourceRow {
  title: string;
  title_en: string | null;
  description: string;
  description_en: string | null;
  spatial: string | null;
  organization_name: string;
  tags: string[];
  theme_labels: string[];
}

/**
 * What search reads of a dataset, written: its search document in the database (search vector, trigram text,
 * facet arrays), and the log of changes that the in-memory indexes of every process catch up from.
 */
@Injectable()
export class SearchDocumentRepository extends SqlRepository {
  /**
   * Rewrites the derived search columns of one dataset from its current rows. Callers run it inside the
   * transaction that changed the dataset, its tags, themes or resources, so search never sees a half-updated
   * record; the change is logged for the in-memory indexes.
   */
  async rewrite(datasetId: string, tx: Tx): Promise<void> {
    const rows: SourceRow[] = await tx.query(
      `SELECT d.title, d.title_en, d.description, d.description_en, d.spatial, o.name AS organization_name,
              ARRAY(SELECT t.name FROM dataset_tags dt JOIN tags t ON t.id = dt.tag_id
                    WHERE dt.dataset_id = d.id ORDER BY dt.position) AS tags,
              ARRAY(SELECT th.label_zh FROM dataset_themes x JOIN themes th ON th.code = x.theme_code
                    WHERE x.dataset_id = d.id ORDER BY th.sort_order) AS theme_labels
       FROM datasets d JOIN organizations o ON o.id = d.organization_id
       WHERE d.id = $1`,
      [datasetId],
    );
    if (rows.length === 0) return;
    const row = rows[0];
    const doc = searchDocument({
      title: row.title,
      titleEn: row.title_en,
      description: row.description,
      descriptionEn: row.description_en,
      tags: row.tags,
      themeLabels: row.theme_labels,
      organizationName: row.organization_name,
      spatial: row.spatial,
    });
    await tx.query(
      `UPDATE datasets d SET
         search_vector = ${SEARCH_VECTOR_SQL('$2', '$3', '$4', '$5')},
         search_text = $6,
         facet_themes = ARRAY(SELECT theme_code FROM dataset_themes WHERE dataset_id = d.id ORDER BY theme_code),
         facet_tags = ARRAY(SELECT t.name FROM dataset_tags dt JOIN tags t ON t.id = dt.tag_id
                            WHERE dt.dataset_id = d.id ORDER BY dt.position),
         facet_formats = ARRAY(
           SELECT DISTINCT latest.format FROM resources r
           CROSS JOIN LATERAL (SELECT v.format FROM resource_versions v WHERE v.resource_id = r.id
                               AND ${releasedVersionSql('v')} ORDER BY v.version DESC LIMIT 1) latest
           WHERE r.dataset_id = d.id AND r.deleted_at IS NULL ORDER BY 1)
       WHERE d.id = $1`,
      [datasetId, doc.a, doc.b, doc.c, doc.d, doc.text],
    );
    await this.recordChange(datasetId, tx);
  }

  /** Rebuilds the search document of every live dataset, one at a time (after a change to the segmenter); returns how many. */
  async rewriteAll(onProgress?: (done: number, total: number) => void): Promise<number> {
    const rows: Array<{ id: string }> = await this.db.query(`SELECT id FROM datasets WHERE deleted_at IS NULL ORDER BY id`);
    for (const [index, row] of rows.entries()) {
      await this.rewrite(row.id, this.db.manager);
      if (onProgress && (index + 1) % 500 === 0) onProgress(index + 1, rows.length);
    }
    return rows.length;
  }

  /**
   * Called in every transaction that changes what search sees of a dataset (null: of the organizations). The
   * generation row stays locked until the transaction ends, so changes commit in generation order.
   */
  async recordChange(datasetId: string | null, tx: Tx): Promise<void> {
    const [{ generation }] = await tx.query(
      `WITH g AS (UPDATE search_generation SET generation = generation + 1 RETURNING generation)
       INSERT INTO search_changes (generation, dataset_id) SELECT generation, $1::uuid FROM g RETURNING generation`,
      [datasetId],
    );
    if (Number(generation) % 1000 === 0) await tx.query(`DELETE FROM search_changes WHERE generation < $1`, [Number(generation) - KEPT_CHANGES]);
  }
}
