import { Inject, Injectable } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import { ResourceService, ResourceVersionEntity } from '@opendata/catalog';
import { badInput, fieldError, notFound } from '@opendata/common';
import { ByteRange, OBJECT_STORE, ObjectStore } from '@opendata/storage';
import { Readable } from 'node:stream';

/** The stored original of one resource version, ready to be sent. */
export interface OriginalFile {
  resourceId: string;
  datasetId: string;
  version: ResourceVersionEntity;
}

/** Originals of uploaded files, as they were uploaded: any version the caller may see. */
@Injectable()
export class OriginalFileService {
  constructor(
    private readonly resources: ResourceService,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  /**
   * The requested version (latest without one) of a resource whose dataset the caller may see. Unpublished
   * datasets of other organizations answer NOT_FOUND, like unknown ids, so their existence is not revealed.
   */
  async find(caller: Caller, resourceId: string, versionParam?: string | null): Promise<OriginalFile> {
    const version = parseVersion(versionParam);
    const { resource } = await this.resources.get(caller, resourceId);
    const versions = (await this.resources.versionsOf([resource.id])).get(resource.id) ?? [];
    const chosen = version === null ? versions[0] : versions.find((v) => v.version === version);
    if (!chosen) throw notFound('resourceVersion', version === null ? resourceId : `${resourceId}@${version}`);
    return { resourceId: resource.id, datasetId: resource.datasetId, version: chosen };
  }

  /** The file's bytes (or one range of them), streamed from the object store. */
  open(file: OriginalFile, range?: ByteRange): Promise<Readable> {
    return this.store.get(file.version.objectKey, range);
  }
}

function parseVersion(value: string | null | undefined): number | null {
  if (value === undefined || value === null || value === '') return null;
  if (!/^[1-9][0-9]{0,8}$/.test(value)) throw badInput([fieldError('version', 'rows.positiveWhole')]);
  return Number(value);
}
