import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Caller, requireDatasetWriter } from '@opendata/auth';
import { FieldError, badInput, fieldError, isEntityId, notFound } from '@opendata/common';
import { DatasetService } from '../dataset.service';
import { DatasetEntity, OrganizationEntity } from '../entities';
import { OrganizationService } from '../organization.service';
import { Clock } from './clock';
import { OBLIGATION_KINDS, Obligation, ObligationKind, TimelinessRecord, recordAt, scheduleRules } from './dataset-deadlines';
import { DeadlineRepository } from './deadline.repository';

export interface ObligationInput {
  datasetId: string;
  kind: ObligationKind;
  days: number;
  eventOn?: string | null;
  label: string;
  basis?: string | null;
}

export interface OverdueDataset {
  dataset: DatasetEntity;
  nextDueAt: Date;
}

export interface OrganizationTimeliness {
  organization: OrganizationEntity;
  datasets: number;
  overdue: number;
  periods: number;
  onTime: number;
  onTimeRate: number | null;
}

/**
 * Deadlines of published datasets, from their 更新周期 and their statutory obligations, against the instants
 * their versions were released. The deadlines are stored as due times (refreshed by the writes that move
 * them) and compared with the clock when read, so every answer is current when it is given; no job has to
 * run for a dataset to become overdue.
 */
@Injectable()
export class TimelinessService implements OnApplicationBootstrap {
  constructor(
    private readonly deadlines: DeadlineRepository,
    private readonly datasets: DatasetService,
    private readonly organizations: OrganizationService,
    private readonly clock: Clock,
  ) {}

  /** After an upgrade that changed the arithmetic, the stored deadlines are rebuilt once. */
  async onApplicationBootstrap(): Promise<void> {
    await this.deadlines.ensureCurrentRules();
  }

  obligationsOf(datasetIds: readonly string[]): Promise<Obligation[]> {
    return this.deadlines.obligationsOf(datasetIds);
  }

  async addObligation(caller: Caller, input: ObligationInput): Promise<Obligation> {
    const dataset = await this.datasets.get(caller, { id: input.datasetId });
    requireDatasetWriter(caller, dataset.organizationId);
    const problems: FieldError[] = [];
    if (!OBLIGATION_KINDS.includes(input.kind)) problems.push(fieldError('kind', 'input.oneOf', { values: OBLIGATION_KINDS.join(', ') }));
    const maxDays = input.kind === 'monthly-by-day' ? 31 : 366;
    if (!Number.isInteger(input.days) || input.days < 1 || input.days > maxDays) problems.push(fieldError('days', 'deadline.badKindDays', { max: maxDays }));
    const eventOn = input.eventOn ?? null;
    if (input.kind !== 'monthly-by-day' && !eventOn) problems.push(fieldError('eventOn', 'deadline.eventOnNeeded'));
    if (eventOn && (!/^\d{4}-\d{2}-\d{2}$/.test(eventOn) || Number.isNaN(Date.parse(eventOn)))) problems.push(fieldError('eventOn', 'input.notDate'));
    if (!input.label?.trim() || input.label.length > 200) problems.push(fieldError('label', 'deadline.labelNeeded'));
    if (problems.length) throw badInput(problems);
    const obligation = {
      datasetId: dataset.id,
      kind: input.kind,
      days: input.days,
      eventOn: input.kind === 'monthly-by-day' ? null : eventOn,
      label: input.label.trim(),
      basis: input.basis?.trim() || null,
    };
    return this.deadlines.withTransaction(caller, async (tx) => {
      const added = await this.deadlines.insertObligation(obligation, caller.userId, tx);
      await this.deadlines.refresh([dataset.id], tx);
      return added;
    });
  }

  async removeObligation(caller: Caller, id: string): Promise<Obligation> {
    const obligation = isEntityId(id) ? await this.deadlines.obligation(id) : null;
    if (!obligation) throw notFound('obligation', id);
    const dataset = await this.datasets.get(caller, { id: obligation.datasetId });
    requireDatasetWriter(caller, dataset.organizationId);
    await this.deadlines.withTransaction(caller, async (tx) => {
      await this.deadlines.deleteObligation(id, tx);
      await this.deadlines.refresh([dataset.id], tx);
    });
    return obligation;
  }

  /** One dataset's public on-time record, as of now, with every period. */
  async recordOf(caller: Caller, datasetId: string): Promise<TimelinessRecord> {
    const dataset = await this.datasets.get(caller, { id: datasetId });
    const [facts] = await this.deadlines.facts([dataset.id]);
    const obligations = await this.obligationsOf([dataset.id]);
    const calendar = await this.deadlines.calendar();
    return recordAt(dataset.id, scheduleRules(facts, obligations, calendar), this.clock.now());
  }

  /** Published datasets past a deadline now, most overdue first. */
  async overdue(organizationSlug: string | null, limit: number): Promise<OverdueDataset[]> {
    const rows = await this.deadlines.overdue(this.clock.now(), organizationSlug, limit);
    const datasets = new Map((await this.datasets.findByIds(rows.map((r) => r.datasetId))).map((d) => [d.id, d]));
    return rows.filter((r) => datasets.has(r.datasetId)).map((r) => ({ dataset: datasets.get(r.datasetId)!, nextDueAt: r.dueAt }));
  }

  /** Each organization's on-time record now, over its published datasets. */
  async organizationRates(): Promise<OrganizationTimeliness[]> {
    const totals = new Map((await this.deadlines.organizationTotals(this.clock.now())).map((r) => [r.organizationId, r]));
    const organizations = await this.organizations.list();
    return organizations
      .filter((o) => totals.has(o.id))
      .map((organization) => {
        const r = totals.get(organization.id)!;
        return { organization, datasets: r.datasets, overdue: r.overdue, periods: r.periods, onTime: r.onTime, onTimeRate: r.periods ? r.onTime / r.periods : null };
      });
  }
}
