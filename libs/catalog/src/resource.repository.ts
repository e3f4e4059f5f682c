import { Injectable } from '@nestjs/common';
import { Tx, groupRows } from '@opendata/database';
import { IsNull } from 'typeorm';
import { DatasetStatus } from './metadata/vocabularies';
import { RESOURCE_ROWS, ResourceEntity, ResourceVersionEntity, VERSION_ROWS } from './entities';
import { releasedVersionSql } from './review/visibility';
import { CatalogRepository } from './catalog.repository';

/** The version a row request is about, with what decides who may see it. */
export interface VersionRowsRecord {
  datasetId: string;
  datasetStatus: DatasetStatus;
  organizationId: string;
  /** null when the resource has no released version (of that number). */
  version: number | null;
  datastoreTable: string | null;
  schemaId: string | null;
  fileName: string;
  rowCount: number | null;
}

/** The statements on resources (distributions) and their immutable versions. */
@Injectable()
export class ResourceRepository extends CatalogRepository {
  /** Live resources by dataset, in their order. */
  async resourcesOf(datasetIds: readonly string[]): Promise<Map<string, ResourceEntity[]>> {
    const rows = await this.db.query(
      `SELECT ${RESOURCE_ROWS.columns} FROM resources r WHERE r.dataset_id = ANY($1::uuid[]) AND r.deleted_at IS NULL
       ORDER BY r.position, r.created_at`,
      [datasetIds],
    );
    return groupRows(rows, 'dataset_id', RESOURCE_ROWS.from);
  }

  /** The latest released version of each resource. */
  async latestVersionsOf(resourceIds: readonly string[]): Promise<Map<string, ResourceVersionEntity>> {
    const rows = await this.db.query(
      `SELECT DISTINCT ON (v.resource_id) ${VERSION_ROWS.columns} FROM resource_versions v
       WHERE v.resource_id = ANY($1::uuid[]) AND ${releasedVersionSql('v')} ORDER BY v.resource_id, v.version DESC`,
      [resourceIds],
    );
    return new Map(rows.map((row: Record<string, unknown>) => [row.resource_id as string, VERSION_ROWS.from(row)]));
  }

  /** Released versions by resource, newest first. */
  async versionsOf(resourceIds: readonly string[]): Promise<Map<string, ResourceVersionEntity[]>> {
    const rows = await this.db.query(
      `SELECT ${VERSION_ROWS.columns} FROM resource_versions v WHERE v.resource_id = ANY($1::uuid[]) AND ${releasedVersionSql('v')}
       ORDER BY v.version DESC`,
      [resourceIds],
    );
    return groupRows(rows, 'resource_id', VERSION_ROWS.from);
  }

  /** A live resource, of the given dataset when one is named. */
  findLive(id: string, datasetId?: string, tx?: Tx): Promise<ResourceEntity | null> {
    return this.manager(tx)
      .getRepository(ResourceEntity)
      .findOneBy({ id, ...(datasetId ? { datasetId } : {}), deletedAt: IsNull() });
  }

  /** Resources a dataset ever had (deleted ones too): the position of the next one. */
  countOf(datasetId: string, tx: Tx): Promise<number> {
    return tx.getRepository(ResourceEntity).countBy({ datasetId });
  }

  insert(fields: Pick<ResourceEntity, 'datasetId' | 'name' | 'description' | 'position'>, tx: Tx): Promise<ResourceEntity> {
    const resources = tx.getRepository(ResourceEntity);
    return resources.save(resources.create(fields));
  }

  /** The next version number of a resource (the transaction holds the dataset's row lock, so numbers do not collide). */
  async nextVersion(resourceId: string, tx: Tx): Promise<number> {
    const [{ next }] = await tx.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM resource_versions WHERE resource_id = $1`, [resourceId]);
    return Number(next);
  }

  insertVersion(fields: Omit<ResourceVersionEntity, 'id' | 'createdAt'>, tx: Tx): Promise<ResourceVersionEntity> {
    const versions = tx.getRepository(ResourceVersionEntity);
    return versions.save(versions.create(fields));
  }

  /**
   * In one statement (row requests are small; round trips are what they cost): a live resource, its live
   * dataset's visibility facts, and its latest released version or version `version`. Null for no such resource.
   */
  async versionForRows(resourceId: string, version: number | null): Promise<VersionRowsRecord | null> {
    const [row] = await this.db.query(
      `SELECT d.id AS dataset_id, d.status, d.organization_id, v.version, v.datastore_table, v.schema_id, v.file_name, v.row_count::float8 AS row_count
       FROM resources r JOIN datasets d ON d.id = r.dataset_id AND d.deleted_at IS NULL
       LEFT JOIN LATERAL (
         SELECT * FROM resource_versions v WHERE v.resource_id = r.id AND ${releasedVersionSql('v')} AND ($2::int IS NULL OR v.version = $2)
         ORDER BY v.version DESC LIMIT 1
       ) v ON true
       WHERE r.id = $1 AND r.deleted_at IS NULL`,
      [resourceId, version],
    );
    if (!row) return null;
    return {
      datasetId: row.dataset_id,
      datasetStatus: row.status,
      organizationId: row.organization_id,
      version: row.version,
      datastoreTable: row.datastore_table,
      schemaId: row.schema_id,
      fileName: row.file_name,
      rowCount: row.row_count,
    };
  }
}
