import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller, requireSysadmin } from '@opendata/auth';
import { badInput, notFound } from '@opendata/common';
import { DataSource } from 'typeorm';
import { OrganizationEntity } from '../entities';
import { writeAs } from '../negative-list/actor';

/** Organizations' own upload size limits (UPLOAD_MAX_BYTES applies where none is set). */
@Injectable()
export class UploadLimitService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The limit of the organization owning a dataset (by id or slug); null when it has none or the dataset is unknown. */
  async limitForDataset(datasetKey: string): Promise<number | null> {
    const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(datasetKey);
    const rows = await this.db.query(
      `SELECT o.upload_max_bytes FROM datasets d JOIN organizations o ON o.id = d.organization_id
       WHERE ${byId ? 'd.id = $1::uuid' : 'd.slug = $1'} AND d.deleted_at IS NULL`,
      [datasetKey],
    );
    return rows[0]?.upload_max_bytes === null || rows[0]?.upload_max_bytes === undefined ? null : Number(rows[0].upload_max_bytes);
  }

  async get(organizationSlug: string): Promise<{ organization: OrganizationEntity; maxBytes: number | null }> {
    const organization = await this.organization(organizationSlug);
    const [row] = await this.db.query(`SELECT upload_max_bytes FROM organizations WHERE id = $1`, [organization.id]);
    return { organization, maxBytes: row.upload_max_bytes === null ? null : Number(row.upload_max_bytes) };
  }

  /** Sets (or with null clears) an organization's limit; system administrators only. */
  async set(caller: Caller, organizationSlug: string, maxBytes: number | null): Promise<{ organization: OrganizationEntity; maxBytes: number | null }> {
    requireSysadmin(caller, "change an organization's upload limit");
    if (maxBytes !== null && (!Number.isSafeInteger(maxBytes) || maxBytes < 1024)) throw badInput([{ path: 'maxBytes', message: 'must be a whole number of bytes, at least 1024' }]);
    const organization = await this.organization(organizationSlug);
    await writeAs(this.db, caller, (manager) => manager.query(`UPDATE organizations SET upload_max_bytes = $2 WHERE id = $1`, [organization.id, maxBytes]));
    return { organization, maxBytes };
  }

  private async organization(slug: string): Promise<OrganizationEntity> {
    const organization = await this.db.getRepository(OrganizationEntity).findOneBy({ slug });
    if (!organization) throw notFound('Organization', slug);
    return organization;
  }
}
