import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller } from '@opendata/auth';
import { badInput, isEntityId, notFound } from '@opendata/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { RESOURCE_COLUMNS, VERSION_COLUMNS, groupRows, resourceFromRow, versionFromRow } from './catalog-rows';
import { isVisible } from './dataset.service';
import { DatasetEntity, ResourceEntity, ResourceVersionEntity } from './entities';
import { applyStep, decideStep } from './review/publication';
import { releasedVersionSql } from './review/visibility';
import { CatalogueChanges } from './search/catalogue-changes';
import { reindexDataset } from './search/search-indexer';

/** A stored file that is to become a new version of a resource. */
export interface NewVersionFile {
  format: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  objectKey: string;
  fileName: string;
  schemaId?: string | null;
  rowCount?: number | null;
  datastoreTable?: string | null;
  reportId?: string | null;
  encoding?: string | null;
}

export interface AddVersionInput {
  datasetId: string;
  /** An existing resource of the dataset, or absent to create a new resource. */
  resourceId?: string | null;
  name: string;
  description?: string | null;
  file: NewVersionFile;
}

/** Resources (distributions) and their immutable versions. */
@Injectable()
export class ResourceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: CatalogueChanges,
  ) {}

  async resourcesOf(datasetIds: readonly string[]): Promise<Map<string, ResourceEntity[]>> {
    const rows = await this.db.query(
      `SELECT ${RESOURCE_COLUMNS} FROM resources r WHERE r.dataset_id = ANY($1::uuid[]) AND r.deleted_at IS NULL
       ORDER BY r.position, r.created_at`,
      [datasetIds],
    );
    return groupRows(rows, 'dataset_id', resourceFromRow);
  }

  /** The latest released version of each resource (a version awaiting review is not yet "the" file). */
  async latestVersionsOf(resourceIds: readonly string[]): Promise<Map<string, ResourceVersionEntity>> {
    const rows = await this.db.query(
      `SELECT DISTINCT ON (v.resource_id) ${VERSION_COLUMNS} FROM resource_versions v
       WHERE v.resource_id = ANY($1::uuid[]) AND ${releasedVersionSql('v')} ORDER BY v.resource_id, v.version DESC`,
      [resourceIds],
    );
    return new Map(rows.map((row: Record<string, unknown>) => [row.resource_id as string, versionFromRow(row)]));
  }

  /** Released versions, newest first. */
  async versionsOf(resourceIds: readonly string[]): Promise<Map<string, ResourceVersionEntity[]>> {
    const rows = await this.db.query(
      `SELECT ${VERSION_COLUMNS} FROM resource_versions v WHERE v.resource_id = ANY($1::uuid[]) AND ${releasedVersionSql('v')}
       ORDER BY v.version DESC`,
      [resourceIds],
    );
    return groupRows(rows, 'resource_id', versionFromRow);
  }

  /** A resource the caller may see (its dataset live and visible); NOT_FOUND otherwise. */
  async get(caller: Caller, id: string): Promise<{ resource: ResourceEntity; dataset: DatasetEntity }> {
    const uuid = isEntityId(id);
    const resource = uuid ? await this.db.getRepository(ResourceEntity).findOneBy({ id, deletedAt: IsNull() }) : null;
    const dataset = resource
      ? await this.db.getRepository(DatasetEntity).findOneBy({ id: resource.datasetId, deletedAt: IsNull() })
      : null;
    if (!resource || !dataset || !isVisible(caller, dataset)) throw notFound('Resource', id);
    return { resource, dataset };
  }

  /**
   * Records a stored file as the next version of a resource (creating the resource when needed), in the
   * given transaction or a new one. Version numbers are allocated under a row lock, so concurrent uploads
   * to the same resource get consecutive numbers.
   */
  async addVersion(caller: Caller, input: AddVersionInput, manager?: EntityManager) {
    const run = (m: EntityManager) => this.addVersionIn(m, caller, input);
    // Inside a caller's transaction, other processes (and this one, through the change feed) learn of the
    // version when that transaction commits.
    if (manager) return run(manager);
    const result = await this.db.transaction(run);
    this.changes.committed();
    return result;
  }

  private async addVersionIn(m: EntityManager, caller: Caller, input: AddVersionInput) {
    // Locks the dataset and asks the workflow whether the caller may add a file in its state.
    const step = await decideStep(m, caller, input.datasetId, 'upload');
    const dataset = await m.getRepository(DatasetEntity).findOneByOrFail({ id: input.datasetId });
    const resources = m.getRepository(ResourceEntity);
    let resource: ResourceEntity | null;
    if (input.resourceId) {
      resource = await resources.findOneBy({ id: input.resourceId, datasetId: dataset.id, deletedAt: IsNull() });
      if (!resource) throw badInput([{ path: 'resourceId', message: 'is not a resource of this dataset' }]);
    } else {
      const name = input.name.trim();
      if (!name) throw badInput([{ path: 'name', message: 'must not be empty' }]);
      const position = await resources.countBy({ datasetId: dataset.id });
      resource = await resources.save(resources.create({ datasetId: dataset.id, name, description: input.description ?? null, position }));
    }
    const [{ next }] = await m.query(
      `SELECT coalesce(max(version), 0) + 1 AS next FROM resource_versions WHERE resource_id = $1`,
      [resource.id],
    );
    const versions = m.getRepository(ResourceVersionEntity);
    const version = await versions.save(
      versions.create({
        ...input.file,
        format: input.file.format.toUpperCase(),
        schemaId: input.file.schemaId ?? null,
        rowCount: input.file.rowCount ?? null,
        datastoreTable: input.file.datastoreTable ?? null,
        reportId: input.file.reportId ?? null,
        encoding: input.file.encoding ?? null,
        resourceId: resource.id,
        version: Number(next),
        createdBy: caller.userId,
      }),
    );
    // Released at once only where the uploader publishes without review; otherwise it goes to review with the
    // dataset's submission (at once for a published dataset, when submitted for a draft).
    const released = await applyStep(m, caller, step, { newVersion: { id: version.id, resourceId: resource.id, sha256: version.sha256 } });
    await m.getRepository(DatasetEntity).update({ id: dataset.id }, { modified: new Date() });
    await reindexDataset(m, dataset.id);
    await this.changes.notify(m);
    return { resource, version, dataset, released };
  }
}
