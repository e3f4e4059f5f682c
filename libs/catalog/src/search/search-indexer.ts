import { EntityManager } from 'typeorm';
import { releasedVersionSql } from '../review/visibility';
import { SEARCH_VECTOR_SQL, searchDocument } from './search-document';
import { recordSearchChange } from './search-index.repository';

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
 * Rewrites the derived search columns of one dataset (search vector, trigram text, facet arrays) from its
 * current rows. Callers run it inside the transaction that changed the dataset, its tags, themes or resources,
 * so search never sees a half-updated record; the change is logged for the in-memory indexes.
 */
export async function reindexDataset(manager: EntityManager, datasetId: string): Promise<void> {
  const rows: SourceRow[] = await manager.query(
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
  await manager.query(
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
  await recordSearchChange(manager, datasetId);
}

/** Rebuilds the search document of every live dataset, in batches (after a change to the segmenter). */
export async function reindexAll(manager: EntityManager, onProgress?: (done: number, total: number) => void): Promise<number> {
  const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM datasets WHERE deleted_at IS NULL ORDER BY id`);
  for (const [index, row] of rows.entries()) {
    await reindexDataset(manager, row.id);
    if (onProgress && (index + 1) % 500 === 0) onProgress(index + 1, rows.length);
  }
  return rows.length;
}
