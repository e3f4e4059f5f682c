import { Injectable } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import { badInput, fieldError, isEntityId, notFound } from '@opendata/common';
import { Tx } from '@opendata/database';
import { DatasetRepository } from './dataset.repository';
import { isVisible } from './dataset.service';
import { DatasetEntity, ResourceEntity, ResourceVersionEntity } from './entities';
import { ResourceRepository } from './resource.repository';
import { WorkflowSteps } from './review/publication';

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

/** A resource version's row table, and what names it, for a caller who may see it. */
export interface VisibleVersionRows {
  datasetId: string;
  version: number;
  datastoreTable: string | null;
  schemaId: string | null;
  fileName: string;
  rowCount: number | null;
}

/** Resources (distributions) and their immutable versions. */
@Injectable()
export class ResourceService {
  constructor(
    private readonly resources: ResourceRepository,
    private readonly datasets: DatasetRepository,
    private readonly steps: WorkflowSteps,
  ) {}

  resourcesOf(datasetIds: readonly string[]): Promise<Map<string, ResourceEntity[]>> {
    return this.resources.resourcesOf(datasetIds);
  }

  /** The latest released version of each resource (a version awaiting review is not yet "the" file). */
  latestVersionsOf(resourceIds: readonly string[]): Promise<Map<string, ResourceVersionEntity>> {
    return this.resources.latestVersionsOf(resourceIds);
  }

  /** Released versions, newest first. */
  versionsOf(resourceIds: readonly string[]): Promise<Map<string, ResourceVersionEntity[]>> {
    return this.resources.versionsOf(resourceIds);
  }

  /** A resource the caller may see (its dataset live and visible); NOT_FOUND otherwise. */
  async get(caller: Caller, id: string): Promise<{ resource: ResourceEntity; dataset: DatasetEntity }> {
    const resource = isEntityId(id) ? await this.resources.findLive(id) : null;
    const dataset = resource ? await this.datasets.findLive({ id: resource.datasetId }) : null;
    if (!resource || !dataset || !isVisible(caller, dataset)) throw notFound('resource', id);
    return { resource, dataset };
  }

  /**
   * The released version `version` of a resource (the latest when null), for reading its rows: NOT_FOUND when the
   * caller may not see the resource (whether it exists is not revealed) or it has no such version.
   */
  async versionRows(caller: Caller, resourceId: string, version: number | null): Promise<VisibleVersionRows> {
    const found = isEntityId(resourceId) ? await this.resources.versionForRows(resourceId, version) : null;
    if (!found || !isVisible(caller, { status: found.datasetStatus, organizationId: found.organizationId })) throw notFound('resource', resourceId);
    if (found.version === null) throw notFound('resourceVersion', `${resourceId}@${version ?? 'latest'}`);
    const { datasetId, datastoreTable, schemaId, fileName, rowCount } = found;
    return { datasetId, version: found.version, datastoreTable, schemaId, fileName, rowCount };
  }

  /**
   * Records a stored file as the next version of a resource (creating the resource when needed), in the
   * given transaction or a new one. Version numbers are allocated under the dataset's row lock, so concurrent
   * uploads to the same resource get consecutive numbers. Inside a caller's transaction, other processes (and
   * this one, through the change feed) learn of the version when that transaction commits.
   */
  async addVersion(caller: Caller, input: AddVersionInput, tx?: Tx) {
    if (tx) return this.addVersionIn(caller, input, tx);
    return this.resources.withTransaction(caller, (own) => this.addVersionIn(caller, input, own));
  }

  private async addVersionIn(caller: Caller, input: AddVersionInput, tx: Tx) {
    // Locks the dataset and asks the workflow whether the caller may add a file in its state.
    const step = await this.steps.decide(caller, input.datasetId, 'upload', tx);
    const dataset = await this.datasets.find(input.datasetId, tx);
    let resource: ResourceEntity | null;
    if (input.resourceId) {
      resource = await this.resources.findLive(input.resourceId, dataset.id, tx);
      if (!resource) throw badInput([fieldError('resourceId', 'resource.notOfDataset')]);
    } else {
      const name = input.name.trim();
      if (!name) throw badInput([fieldError('name', 'input.empty')]);
      const position = await this.resources.countOf(dataset.id, tx);
      resource = await this.resources.insert({ datasetId: dataset.id, name, description: input.description ?? null, position }, tx);
    }
    const version = await this.resources.insertVersion(
      {
        ...input.file,
        format: input.file.format.toUpperCase(),
        schemaId: input.file.schemaId ?? null,
        rowCount: input.file.rowCount ?? null,
        datastoreTable: input.file.datastoreTable ?? null,
        reportId: input.file.reportId ?? null,
        encoding: input.file.encoding ?? null,
        resourceId: resource.id,
        version: await this.resources.nextVersion(resource.id, tx),
        createdBy: caller.userId,
      },
      tx,
    );
    // Released at once only where the uploader publishes without review; otherwise it goes to review with the
    // dataset's submission (at once for a published dataset, when submitted for a draft).
    const released = await this.steps.apply(caller, step, { newVersion: { id: version.id, resourceId: resource.id, sha256: version.sha256 } }, tx);
    await this.datasets.touch(dataset.id, tx);
    await this.datasets.reindex(dataset.id, tx);
    await this.resources.catalogChanged(tx);
    return { resource, version, dataset, released };
  }
}
