import { Injectable } from '@nestjs/common';
import { SYSTEM } from '@opendata/auth';
import { DatasetEntity, OrganizationEntity } from '@opendata/catalog';
import { SqlRepository } from '@opendata/database';

/** Where the platform remembers how far the demo catalogue was loaded. */
const STATE_KEY = 'demo_catalogue';

export type SeedingState = 'started' | 'done';

/**
 * The statements only the demo seeder needs: how far seeding got, what of the demo exists already, and the
 * dates its data requests would have had.
 */
@Injectable()
export class DemoRepository extends SqlRepository {

  /** How far seeding got; null when it never started. */
  async seedingState(): Promise<SeedingState | null> {
    const [state] = await this.db.query(`SELECT value->>'status' AS status FROM platform_state WHERE key = $1`, [STATE_KEY]);
    return state ? state.status : null;
  }

  async setSeedingState(status: SeedingState): Promise<void> {
    await this.db.query(
      `INSERT INTO platform_state (key, value) VALUES ($1, jsonb_build_object('status', $2::text))
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [STATE_KEY, status],
    );
  }

  /** Whether the installation holds any organization or dataset (then the demo is never loaded). */
  async holdsCatalog(): Promise<boolean> {
    const [{ n }] = await this.db.query(`SELECT (SELECT count(*) FROM organizations) + (SELECT count(*) FROM datasets) AS n`);
    return Number(n) > 0;
  }

  organizationExists(slug: string): Promise<boolean> {
    return this.db.getRepository(OrganizationEntity).existsBy({ slug });
  }

  /** The dataset with this slug, deleted or not. */
  datasetWithSlug(slug: string): Promise<DatasetEntity | null> {
    return this.db.getRepository(DatasetEntity).findOneBy({ slug });
  }

  async hasDataRequests(): Promise<boolean> {
    const [row] = await this.db.query(`SELECT EXISTS (SELECT 1 FROM data_requests) AS found`);
    return row.found;
  }

  /**
   * Dates a request (and the answer, when given) in the past; a redirected request's follow-up at the other
   * organization is dated at the redirect.
   */
  async backdateRequest(id: string, createdAt: Date, respondedAt: Date | null): Promise<void> {
    await this.withTransaction(SYSTEM, async (tx) => {
      const [request] = await tx.query(`SELECT title, redirected_to FROM data_requests WHERE id = $1`, [id]);
      await tx.query(`UPDATE data_requests SET created_at = $2, responded_at = $3 WHERE id = $1`, [id, createdAt, respondedAt]);
      if (request?.redirected_to && respondedAt) {
        await tx.query(`UPDATE data_requests SET created_at = $3 WHERE organization_id = $1 AND title = $2 AND status = 'pending'`, [request.redirected_to, request.title, respondedAt]);
      }
    });
  }
}
