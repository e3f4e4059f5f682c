import { Injectable } from '@nestjs/common';
import { SqlRepository, Tx } from '@opendata/database';

/** The statements on organizations' upload size limits (organizations.upload_max_bytes; null: none set). */
@Injectable()
export class UploadLimitRepository extends SqlRepository {
  /** The limit of the organization owning a live dataset; null when it has none or there is no such dataset. */
  async limitOfDataset(dataset: { id: string } | { slug: string }): Promise<number | null> {
    const byId = 'id' in dataset;
    const rows = await this.db.query(
      `SELECT o.upload_max_bytes FROM datasets d JOIN organizations o ON o.id = d.organization_id
       WHERE ${byId ? 'd.id = $1::uuid' : 'd.slug = $1'} AND d.deleted_at IS NULL`,
      [byId ? dataset.id : dataset.slug],
    );
    return bytes(rows[0]?.upload_max_bytes);
  }

  async limitOf(organizationId: string): Promise<number | null> {
    const [row] = await this.db.query(`SELECT upload_max_bytes FROM organizations WHERE id = $1`, [organizationId]);
    return bytes(row.upload_max_bytes);
  }

  async setLimit(organizationId: string, maxBytes: number | null, tx?: Tx): Promise<void> {
    await this.on(tx).query(`UPDATE organizations SET upload_max_bytes = $2 WHERE id = $1`, [organizationId, maxBytes]);
  }
}

/** The column is a bigint, which pg hands over as text. */
function bytes(value: string | number | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}
