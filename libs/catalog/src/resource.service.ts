import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller, requireDatasetWriter } from '@opendata/auth';
import { badInput, notFound } from '@opendata/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { isVisible } from './dataset.service';
import { DatasetEntity, ResourceEntity, ResourceVersionEntity } from './entities';
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
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async resourcesOf(datasetIds: readonly string[]): Promise<Map<string, ResourceEntity[]>> {
    const resources = await this.db.getRepository(ResourceEntity).find({
      where: { datasetId: In([...datasetIds]), deletedAt: IsNull() },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
    const map = new Map<string, ResourceEntity[]>();
    for (const r of resources) map.set(r.datasetId, [...(map.get(r.datasetId) ?? []), r]);
    return map;
  }

  async latestVersionsOf(resourceIds: readonly string[]): Promise<Map<string, ResourceVersionEntity>> {
    const versions = await this.db
      .getRepository(ResourceVersionEntity)
      .createQueryBuilder('v')
      .distinctOn(['v.resource_id'])
      .where('v.resource_id IN (:...ids)', { ids: resourceIds.length ? [...resourceIds] : [null] })
      .orderBy('v.resource_id')
      .addOrderBy('v.version', 'DESC')
      .getMany();
    return new Map(versions.map((v) => [v.resourceId, v]));
  }

  async versionsOf(resourceIds: readonly string[]): Promise<Map<string, ResourceVersionEntity[]>> {
    const versions = await this.db.getRepository(ResourceVersionEntity).find({
      where: { resourceId: In([...resourceIds]) },
      order: { version: 'DESC' },
    });
    const map = new Map<string, ResourceVersionEntity[]>();
    for (const v of versions) map.set(v.resourceId, [...(map.get(v.resourceId) ?? []), v]);
    return map;
  }

  /** A resource the caller may see (its dataset live and visible); NOT_FOUND otherwise. */
  async get(caller: Caller, id: string): Promise<{ resource: ResourceEntity; dataset: DatasetEntity }> {
    const uuid = /^[0-9a-f-]{36}$/i.test(id);
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
    return manager ? run(manager) : this.db.transaction(run);
  }

  private async addVersionIn(m: EntityManager, caller: Caller, input: AddVersionInput) {
    const dataset = await m
      .getRepository(DatasetEntity)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.id = :id AND d.deleted_at IS NULL', { id: input.datasetId })
      .getOne();
    if (!dataset || !isVisible(caller, dataset)) throw notFound('Dataset', input.datasetId);
    requireDatasetWriter(caller, dataset.organizationId);
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
        resourceId: resource.id,
        version: Number(next),
        createdBy: caller.userId,
      }),
    );
    await m.getRepository(DatasetEntity).update({ id: dataset.id }, { modified: new Date() });
    await reindexDataset(m, dataset.id);
    return { resource, version, dataset };
  }
}
