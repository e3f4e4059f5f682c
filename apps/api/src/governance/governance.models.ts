import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OBLIGATION_KIND_LABELS, ObligationKind } from '@opendata/catalog';
import { NEGATIVE_RULE_KIND_LABELS, NegativeRuleKind } from '@opendata/validation';
import { DatasetModel } from '../catalog/dataset.models';
import { OrganizationModel } from '../catalog/organization.models';
import { vocabularyEnum } from '../graphql/vocabulary-enum';

export const NegativeRuleKindEnum = vocabularyEnum('NegativeRuleKind', 'What a negative-list (负面清单) rule forbids.', NEGATIVE_RULE_KIND_LABELS);
export type NegativeRuleKindEnum = NegativeRuleKind;

export const ObligationKindEnum = vocabularyEnum('ObligationKind', 'A statutory publication deadline.', OBLIGATION_KIND_LABELS);
export type ObligationKindEnum = ObligationKind;

export enum DataRequestStatusEnum {
  PENDING = 'pending',
  ACCEPTED = 'accepted',
  DECLINED = 'declined',
  REDIRECTED = 'redirected',
}
registerEnumType(DataRequestStatusEnum, {
  name: 'DataRequestStatus',
  description: 'Where a data request (依申请公开) stands.',
  valuesMap: {
    PENDING: { description: '待答复: waiting for the organization.' },
    ACCEPTED: { description: '已受理: the data is (or will be) published at the response link.' },
    DECLINED: { description: '不予公开: declined, with the reason in the response.' },
    REDIRECTED: { description: '已转办: sent on to the organization that holds the data (a new request there).' },
  },
});

export enum DataRequestActionEnum {
  ACCEPT = 'accept',
  DECLINE = 'decline',
  REDIRECT = 'redirect',
}
registerEnumType(DataRequestActionEnum, {
  name: 'DataRequestAction',
  description: 'How an organization answers a data request.',
  valuesMap: {
    ACCEPT: { description: 'Accept, with a link to where the data is published.' },
    DECLINE: { description: 'Decline, with the reason.' },
    REDIRECT: { description: 'Redirect to the organization that holds the data.' },
  },
});

@ObjectType('NegativeRule', { description: 'A rule of the negative list (负面清单): what may not be published.' })
export class NegativeRuleModel {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => OrganizationModel, { nullable: true, description: 'The organization whose list holds the rule; null for the city-wide list.' })
  organization: OrganizationModel | null;

  @Field(() => NegativeRuleKindEnum, { description: 'What the rule forbids.' })
  kind: NegativeRuleKindEnum;

  @Field({ description: 'The column name, term, pattern, theme code or schema id.' })
  value: string;

  @Field({ description: 'Why it may not be published; shown with every hit.' })
  reason: string;

  @Field(() => Date, { description: 'When the rule was added.' })
  createdAt: Date;
}

@ObjectType('Obligation', { description: 'A statutory publication deadline of a dataset, beyond its 更新周期.' })
export class ObligationModel {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => ID, { description: 'The dataset.' })
  datasetId: string;

  @Field(() => ObligationKindEnum, { description: 'How the deadline is computed.' })
  kind: ObligationKindEnum;

  @Field(() => Int, { description: 'Days (calendar or working), or the day of the month.' })
  days: number;

  @Field(() => String, { nullable: true, description: 'The date the deadline runs from (YYYY-MM-DD); null for monthly rules.' })
  eventOn: string | null;

  @Field({ description: 'What must be published, e.g. 部门决算.' })
  label: string;

  @Field(() => String, { nullable: true, description: 'Legal basis, e.g. 政务公开工作要点 第26项.' })
  basis: string | null;
}

@ObjectType('TimelinessPeriod', { description: 'One deadline of a dataset and whether it was met.' })
export class TimelinessPeriodModel {
  @Field({ description: 'The rule: 更新周期 or the obligation\'s label.' })
  rule: string;

  @Field(() => Date, { description: 'End of the due day (China Standard Time).' })
  dueAt: Date;

  @Field(() => Date, { nullable: true, description: 'The publication that met (or closed) it; null when missed and still open.' })
  publishedAt: Date | null;

  @Field({ description: 'Published by the deadline.' })
  onTime: boolean;
}

@ObjectType('TimelinessRecord', { description: 'A dataset\'s public on-time record.' })
export class TimelinessRecordModel {
  @Field(() => Date, { nullable: true, description: 'The next deadline; null when nothing is due (不定期 and no obligation).' })
  nextDueAt: Date | null;

  @Field({ description: 'A deadline has passed without publication.' })
  overdue: boolean;

  @Field(() => [TimelinessPeriodModel], { description: 'Every counted deadline, by rule, oldest first.' })
  periods: TimelinessPeriodModel[];

  @Field(() => Float, { nullable: true, description: 'Share of deadlines met (0-1); null when none is counted yet.' })
  onTimeRate: number | null;
}

@ObjectType('OverdueDataset', { description: 'A published dataset past a deadline.' })
export class OverdueDatasetModel {
  @Field(() => DatasetModel, { description: 'The dataset.' })
  dataset: DatasetModel;

  @Field(() => Date, { description: 'The deadline that passed.' })
  dueAt: Date;
}

@ObjectType('OrganizationTimeliness', { description: 'An organization\'s on-time record over its published datasets.' })
export class OrganizationTimelinessModel {
  @Field(() => OrganizationModel, { description: 'The organization.' })
  organization: OrganizationModel;

  @Field(() => Int, { description: 'Published datasets counted.' })
  datasets: number;

  @Field(() => Int, { description: 'Of which overdue now.' })
  overdue: number;

  @Field(() => Int, { description: 'Deadlines counted.' })
  periods: number;

  @Field(() => Int, { description: 'Deadlines met.' })
  onTime: number;

  @Field(() => Float, { nullable: true, description: 'Share of deadlines met (0-1); null when none is counted yet.' })
  onTimeRate: number | null;
}

@ObjectType('CalendarDay', { description: 'A public holiday or a make-up working day (调休) of the working-day calendar.' })
export class CalendarDayModel {
  @Field({ description: 'The date, YYYY-MM-DD.' })
  day: string;

  @Field({ description: 'True for a make-up working day on a weekend, false for a holiday.' })
  working: boolean;

  @Field({ description: 'Name, e.g. 国庆节.' })
  name: string;
}

@ObjectType('DataRequest', { description: 'A request for data (依申请公开). Public; the requester\'s name and contact are not.' })
export class DataRequestModel {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  organizationId: string;
  redirectedToId: string | null;

  @Field(() => ID, { nullable: true, description: 'The dataset asked about, if any.' })
  datasetId: string | null;

  @Field({ description: 'What is asked for.' })
  title: string;

  @Field({ description: 'Details of the request.' })
  description: string;

  @Field(() => DataRequestStatusEnum, { description: 'Where the request stands.' })
  status: DataRequestStatusEnum;

  @Field(() => String, { nullable: true, description: 'The answer: reason for declining, or a note.' })
  response: string | null;

  @Field(() => String, { nullable: true, description: 'Where the data is (or will be) published, when accepted.' })
  responseLink: string | null;

  @Field(() => Date, { description: 'When it was filed.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was answered.' })
  respondedAt: Date | null;

  @Field(() => Float, { nullable: true, description: 'Days from filing to answer (fractional); null while pending.' })
  responseDays: number | null;
}

@ObjectType('DataRequestContact', { description: 'Who filed a request, for the organization that answers it.' })
export class DataRequestContactModel {
  @Field(() => String, { nullable: true, description: 'Name the requester gave.' })
  name: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail or telephone.' })
  contact: string | null;
}

@ObjectType('UploadLimit', { description: 'The largest upload an organization may send.' })
export class UploadLimitModel {
  @Field(() => OrganizationModel, { description: 'The organization.' })
  organization: OrganizationModel;

  @Field(() => Float, { nullable: true, description: 'Its own limit in bytes; null when the platform default applies.' })
  maxBytes: number | null;

  @Field(() => Float, { description: 'The limit in force, in bytes.' })
  effectiveMaxBytes: number;
}
