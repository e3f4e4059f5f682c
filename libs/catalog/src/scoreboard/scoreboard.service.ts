import { Injectable } from '@nestjs/common';
import { OrganizationEntity } from '../entities';
import { TimelinessService } from '../obligations/timeliness.service';
import { OrganizationService } from '../organization.service';
import { CatalogStatsRow, OrganizationFiguresRow, ScoreboardRepository } from './scoreboard.repository';

export type CatalogStats = CatalogStatsRow;

/**
 * The figures by which the plan (五(三) 强化监督考核) asks agencies to be evaluated, computed from what the
 * platform records. Rates are 0..1, null when there is nothing to rate.
 */
export interface OrganizationScore {
  organization: OrganizationEntity;
  /** Items of the plan the organization leads. */
  ledPlanItems: number[];
  /** Of those, the items for which the organization has a published dataset. */
  publishedPlanItems: number[];
  publishedDatasets: number;
  /** On-time share of the deadlines of its published datasets (timeliness service). */
  onTimeRate: number | null;
  /** Uploads ever validated for its datasets, and how many of them were valid. */
  uploads: number;
  validUploads: number;
  validationPassRate: number | null;
  dataRequests: number;
  answeredRequests: number;
  medianResponseDays: number | null;
  withdrawnDatasets: number;
}

/** The public figures of the catalogue (home page) and the openness scoreboard. */
@Injectable()
export class ScoreboardService {
  constructor(
    private readonly repository: ScoreboardRepository,
    private readonly organizations: OrganizationService,
    private readonly timeliness: TimelinessService,
  ) {}

  catalogStats(): Promise<CatalogStats> {
    return this.repository.catalogStats();
  }

  /** Every organization's score, in the order of organization names. */
  async scoreboard(): Promise<OrganizationScore[]> {
    const organizations = await this.organizations.list();
    const scores = await this.scoresOf(organizations);
    return organizations.map((o) => scores.get(o.id)!);
  }

  /** The scores of the given organizations, by id. */
  async scoresOf(organizations: readonly OrganizationEntity[]): Promise<Map<string, OrganizationScore>> {
    const ids = organizations.map((o) => o.id);
    const [figures, rates] = await Promise.all([this.repository.organizationFigures(ids), this.timeliness.organizationRates()]);
    const byId = new Map(figures.map((f) => [f.organizationId, f]));
    const onTime = new Map(rates.map((r) => [r.organization.id, r.onTimeRate]));
    return new Map(organizations.map((o) => [o.id, score(o, byId.get(o.id) ?? emptyFigures(o.id), onTime.get(o.id) ?? null)]));
  }
}

function score(organization: OrganizationEntity, f: OrganizationFiguresRow, onTimeRate: number | null): OrganizationScore {
  return {
    organization,
    ledPlanItems: f.ledItems,
    publishedPlanItems: f.publishedItems,
    publishedDatasets: f.publishedDatasets,
    onTimeRate,
    uploads: f.uploads,
    validUploads: f.validUploads,
    validationPassRate: f.uploads ? f.validUploads / f.uploads : null,
    dataRequests: f.dataRequests,
    answeredRequests: f.answeredRequests,
    medianResponseDays: f.medianResponseDays === null ? null : Math.round(f.medianResponseDays * 100) / 100,
    withdrawnDatasets: f.withdrawnDatasets,
  };
}

function emptyFigures(organizationId: string): OrganizationFiguresRow {
  return {
    organizationId,
    ledItems: [],
    publishedItems: [],
    publishedDatasets: 0,
    withdrawnDatasets: 0,
    uploads: 0,
    validUploads: 0,
    dataRequests: 0,
    answeredRequests: 0,
    medianResponseDays: null,
  };
}
