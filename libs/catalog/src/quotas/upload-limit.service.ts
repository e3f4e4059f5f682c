import { Injectable } from '@nestjs/common';
import { Caller, requireSysadmin } from '@opendata/auth';
import { badInput, fieldError, parseEntityKey } from '@opendata/common';
import { OrganizationEntity } from '../entities';
import { OrganizationService } from '../organization.service';
import { UploadLimitRepository } from './upload-limit.repository';


/** Organizations' own upload size limits (UPLOAD_MAX_BYTES applies where none is set). */
@Injectable()
export class UploadLimitService {
  constructor(
    private readonly limits: UploadLimitRepository,
    private readonly organizations: OrganizationService,
  ) {}

  /** The limit of the organization owning a dataset (by id or slug); null when it has none or the dataset is unknown. */
  limitForDataset(datasetKey: string): Promise<number | null> {
    return this.limits.limitOfDataset(parseEntityKey(datasetKey));
  }

  async get(organizationSlug: string): Promise<{ organization: OrganizationEntity; maxBytes: number | null }> {
    const organization = await this.organizations.getBySlug(organizationSlug);
    return { organization, maxBytes: await this.limits.limitOf(organization.id) };
  }

  /** Sets (or with null clears) an organization's limit; system administrators only. */
  async set(caller: Caller, organizationSlug: string, maxBytes: number | null): Promise<{ organization: OrganizationEntity; maxBytes: number | null }> {
    requireSysadmin(caller, 'forbidden.uploadLimit');
    if (maxBytes !== null && (!Number.isSafeInteger(maxBytes) || maxBytes < 1024)) throw badInput([fieldError('maxBytes', 'quota.badUploadLimit')]);
    const organization = await this.organizations.getBySlug(organizationSlug);
    await this.limits.withTransaction(caller, (tx) => this.limits.setLimit(organization.id, maxBytes, tx));
    return { organization, maxBytes };
  }
}
