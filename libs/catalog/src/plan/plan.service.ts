import { Injectable } from '@nestjs/common';
import { Caller, requireSysadmin } from '@opendata/auth';
import { badInput, fieldError } from '@opendata/common';
import { OrganizationService } from '../organization.service';
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
    private readonly repository: PlanItemRepository,
    private readonly organizations: OrganizationService,
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
    requireSysadmin(caller, 'forbidden.planLeads');
    if (!isPlanItem(planItem)) throw badInput([fieldError('planItem', 'plan.badItem', { max: PLAN_ITEMS.length })]);
    const slugs = [...new Set(organizationSlugs)];
    const all = slugs.length ? await this.organizations.list() : [];
    const found = all.filter((o) => slugs.includes(o.slug));
    const unknown = slugs.filter((slug) => !found.some((o) => o.slug === slug));
    if (unknown.length) throw badInput([fieldError('organizations', 'organization.unknown', { slugs: unknown.join(', ') })]);
    await this.repository.withTransaction(caller, (tx) => this.repository.setLeads(planItem, found.map((o) => o.id), tx));
    return (await this.items())[planItem - 1];
  }
}
