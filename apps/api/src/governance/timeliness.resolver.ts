import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Caller } from '@opendata/auth';
import { CalendarService, Obligation, ObligationKind, TimelinessService, UploadLimitService } from '@opendata/catalog';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { Inject } from '@nestjs/common';
import { toDatasetModel, toOrganizationModel } from '../catalog/catalog.mappers';
import { CurrentCaller } from '../http/current-caller.decorator';
import { CalendarDayInput, ObligationInput } from './governance.inputs';
import {
  CalendarDayModel,
  ObligationKindEnum,
  ObligationModel,
  OrganizationTimelinessModel,
  OverdueDatasetModel,
  TimelinessRecordModel,
  UploadLimitModel,
} from './governance.models';

const toObligationModel = (o: Obligation): ObligationModel => ({ ...o, kind: o.kind as ObligationKindEnum });

/** Deadlines (时限), on-time records, the working-day calendar, and organizations' upload limits. */
@Resolver()
export class TimelinessResolver {
  constructor(
    private readonly timeliness: TimelinessService,
    private readonly calendar: CalendarService,
    private readonly uploadLimits: UploadLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => [OverdueDatasetModel], { description: 'Published datasets past a deadline (更新周期 or statutory) at the time of asking, most overdue first.' })
  async overdueDatasets(
    @Args('organization', { type: () => String, nullable: true, description: 'Only this organization (slug).' }) organization?: string | null,
    @Args('first', { type: () => Int, nullable: true, description: 'At most this many, 1 to 500; default 100.' }) first?: number | null,
  ): Promise<OverdueDatasetModel[]> {
    const rows = await this.timeliness.overdue(organization ?? null, Math.min(Math.max(first ?? 100, 1), 500));
    return rows.map((r) => ({ dataset: toDatasetModel(r.dataset), dueAt: r.nextDueAt }));
  }

  @Query(() => [OrganizationTimelinessModel], { description: 'Each organization\'s on-time rate over its published datasets at the time of asking (public); an open period past its due time counts as missed.' })
  async organizationTimeliness(): Promise<OrganizationTimelinessModel[]> {
    return (await this.timeliness.organizationRates()).map((r) => ({ ...r, organization: toOrganizationModel(r.organization) }));
  }

  @Query(() => TimelinessRecordModel, { description: 'A dataset\'s public on-time record at the time of asking.' })
  datasetTimeliness(@CurrentCaller() caller: Caller, @Args('datasetId', { type: () => ID, description: 'The dataset.' }) datasetId: string): Promise<TimelinessRecordModel> {
    return this.timeliness.recordOf(caller, datasetId);
  }

  @Query(() => [ObligationModel], { description: 'A dataset\'s statutory publication deadlines.' })
  async obligations(@Args('datasetId', { type: () => ID, description: 'The dataset.' }) datasetId: string): Promise<ObligationModel[]> {
    return (await this.timeliness.obligationsOf([datasetId])).map(toObligationModel);
  }

  @Mutation(() => ObligationModel, { description: 'Add a statutory deadline to a dataset (its editors and admins).' })
  async addObligation(@CurrentCaller() caller: Caller, @Args('input', { description: 'The deadline.' }) input: ObligationInput): Promise<ObligationModel> {
    return toObligationModel(await this.timeliness.addObligation(caller, { ...input, kind: input.kind as ObligationKind }));
  }

  @Mutation(() => ObligationModel, { description: 'Remove a statutory deadline (the dataset\'s editors and admins).' })
  async removeObligation(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID, description: 'Obligation id.' }) id: string): Promise<ObligationModel> {
    return toObligationModel(await this.timeliness.removeObligation(caller, id));
  }

  @Query(() => [CalendarDayModel], { description: 'Public holidays and make-up working days entered in the working-day calendar.' })
  holidays(@Args('year', { type: () => Int, nullable: true, description: 'Only this year.' }) year?: number | null): Promise<CalendarDayModel[]> {
    return this.calendar.list(year ?? null);
  }

  @Mutation(() => CalendarDayModel, { description: 'Enter a holiday or make-up working day (system administrators).' })
  setCalendarDay(@CurrentCaller() caller: Caller, @Args('input', { description: 'The day.' }) input: CalendarDayInput): Promise<CalendarDayModel> {
    return this.calendar.set(caller, input);
  }

  @Mutation(() => CalendarDayModel, { description: 'Remove a day from the working-day calendar (system administrators).' })
  removeCalendarDay(@CurrentCaller() caller: Caller, @Args('day', { description: 'The date, YYYY-MM-DD.' }) day: string): Promise<CalendarDayModel> {
    return this.calendar.remove(caller, day);
  }

  @Query(() => UploadLimitModel, { description: 'The largest upload an organization may send.' })
  async uploadLimit(@Args('organization', { description: 'Organization slug.' }) organization: string): Promise<UploadLimitModel> {
    const limit = await this.uploadLimits.get(organization);
    return { organization: toOrganizationModel(limit.organization), maxBytes: limit.maxBytes, effectiveMaxBytes: limit.maxBytes ?? this.config.uploadMaxBytes };
  }

  @Mutation(() => UploadLimitModel, { description: 'Set or clear (null) an organization\'s upload size limit (system administrators).' })
  async setUploadLimit(
    @CurrentCaller() caller: Caller,
    @Args('organization', { description: 'Organization slug.' }) organization: string,
    @Args('maxBytes', { type: () => Number, nullable: true, description: 'Bytes (at least 1024); null for the platform default.' }) maxBytes: number | null,
  ): Promise<UploadLimitModel> {
    const limit = await this.uploadLimits.set(caller, organization, maxBytes ?? null);
    return { organization: toOrganizationModel(limit.organization), maxBytes: limit.maxBytes, effectiveMaxBytes: limit.maxBytes ?? this.config.uploadMaxBytes };
  }
}
