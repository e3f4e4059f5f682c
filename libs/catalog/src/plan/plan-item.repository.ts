import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { publicDatasetSql } from '../review/visibility';

/** The statements on plan items: who leads each item, and which items published datasets answer. */
@Injectable()
export class PlanItemRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Replaces the lead organizations of one item. */
  async setLeads(manager: EntityManager, planItem: number, organizationIds: readonly string[]): Promise<void> {
    await manager.query(`DELETE FROM plan_item_leads WHERE plan_item = $1 AND NOT (organization_id = ANY($2::uuid[]))`, [planItem, organizationIds]);
    await manager.query(
      `INSERT INTO plan_item_leads (plan_item, organization_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [planItem, organizationIds],
    );
  }

  /** Lead organization ids by item. */
  async leads(): Promise<Map<number, string[]>> {
    const rows: Array<{ plan_item: number; organization_id: string }> = await this.db.query(
      `SELECT x.plan_item, x.organization_id FROM plan_item_leads x JOIN organizations o ON o.id = x.organization_id
       ORDER BY x.plan_item, o.name`,
    );
    const leads = new Map<number, string[]>();
    for (const row of rows) leads.set(row.plan_item, [...(leads.get(row.plan_item) ?? []), row.organization_id]);
    return leads;
  }

  /** Published datasets answering each item, whoever published them. */
  async publishedDatasets(): Promise<Map<number, number>> {
    const rows: Array<{ plan_item: number; n: number }> = await this.db.query(
      `SELECT d.plan_item, count(*)::int AS n FROM datasets d WHERE ${publicDatasetSql('d')} AND d.plan_item IS NOT NULL GROUP BY 1`,
    );
    return new Map(rows.map((r) => [r.plan_item, r.n]));
  }
}
