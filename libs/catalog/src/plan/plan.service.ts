import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller, requireSysadmin } from '@opendata/auth';
import { badInput } from '@opendata/common';
import { DataSource, In } from 'typeorm';
import { OrganizationEntity } from '../entities';
import { writeAs } from '../negative-list/actor';
import { PLAN_ITEMS, PlanItem, isPlanItem } from './plan-items';
import { PlanItemRepository } from './plan-item.repository';

export interface PlanItemStatus extends PlanItem {
  /** Ids of the organizations of this installation that lead the item. */
  leadOrganizationIds: string[];
  /** Published datasets answering the item, from any organization. */
  publishedDatasets: number;
}

/** The openness plan's items, who leads them, and what has been published for them. */
@Injectable()
export class PlanService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: PlanItemRepository,
  ) {}

  async items(): Promise<PlanItemStatus[]> {
    const [leads, published] = await Promise.all([this.repository.leads(), this.repository.publishedDatasets()]);
    return PLAN_ITEMS.map((item) => ({
      ...item,
      leadOrganizationIds: leads.get(item.number) ?? [],
      publishedDatasets: published.get(item.number) ?? 0,
    }));
  }

  /** Names the organizations that lead an item, replacing the previous ones (system administrators). */
  async setLeads(caller: Caller, planItem: number, organizationSlugs: readonly string[]): Promise<PlanItemStatus> {
    requireSysadmin(caller, 'assign the lead units of the openness plan');
    if (!isPlanItem(planItem)) throw badInput([{ path: 'planItem', message: `must be an item of the plan, 1 to ${PLAN_ITEMS.length}` }]);
    const slugs = [...new Set(organizationSlugs)];
    const found = slugs.length ? await this.db.getRepository(OrganizationEntity).findBy({ slug: In(slugs) }) : [];
    const unknown = slugs.filter((slug) => !found.some((o) => o.slug === slug));
    if (unknown.length) throw badInput([{ path: 'organizations', message: `not existing organizations: ${unknown.join(', ')}` }]);
    await writeAs(this.db, caller, (manager) => this.repository.setLeads(manager, planItem, found.map((o) => o.id)));
    return (await this.items())[planItem - 1];
  }
}
