import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OPEN_ATTRIBUTES, PRIORITY_DOMAINS, SHARE_ATTRIBUTES, UPDATE_FREQUENCIES } from '@opendata/catalog';

/**
 * GraphQL enum names must be ASCII; the catalogue stores the Chinese labels. Each enum value carries its label
 * as its description, and the mappers below translate in both directions.
 */
export enum OpenAttributeEnum {
  UNCONDITIONAL = 'UNCONDITIONAL',
  CONDITIONAL = 'CONDITIONAL',
  NOT_OPEN = 'NOT_OPEN',
}

export enum ShareAttributeEnum {
  UNCONDITIONAL = 'UNCONDITIONAL',
  CONDITIONAL = 'CONDITIONAL',
  NOT_SHARED = 'NOT_SHARED',
}

export enum UpdateFrequencyEnum {
  REALTIME = 'REALTIME',
  HOURLY = 'HOURLY',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  SEMIANNUAL = 'SEMIANNUAL',
  ANNUAL = 'ANNUAL',
  IRREGULAR = 'IRREGULAR',
}

export enum PriorityDomainEnum {
  LIVELIHOOD = 'LIVELIHOOD',
  PUBLIC_SERVICE = 'PUBLIC_SERVICE',
  MARKET_REGULATION = 'MARKET_REGULATION',
}

export enum DatasetStatusEnum {
  DRAFT = 'draft',
  SUBMITTED = 'submitted',
  PUBLISHED = 'published',
  WITHDRAWN = 'withdrawn',
}

const described = (labels: Record<string, string>) =>
  Object.fromEntries(Object.entries(labels).map(([key, label]) => [key, { description: label }]));

registerEnumType(OpenAttributeEnum, {
  name: 'OpenAttribute',
  description: '开放属性: whether and how the dataset is open to the public (DCAT-AP dct:accessRights).',
  valuesMap: described(OPEN_ATTRIBUTES),
});
registerEnumType(ShareAttributeEnum, {
  name: 'ShareAttribute',
  description: '共享属性: whether the dataset is shared between government agencies.',
  valuesMap: described(SHARE_ATTRIBUTES),
});
registerEnumType(UpdateFrequencyEnum, {
  name: 'UpdateFrequency',
  description: '更新周期: how often the dataset is updated (DCAT-AP dct:accrualPeriodicity).',
  valuesMap: Object.fromEntries(
    Object.entries(UPDATE_FREQUENCIES).map(([key, f]) => [key, { description: `${f.label} (EU frequency ${f.dcat})` }]),
  ),
});
registerEnumType(PriorityDomainEnum, {
  name: 'PriorityDomain',
  description: "重点领域: the openness plan's priority domains for opening data first.",
  valuesMap: described(PRIORITY_DOMAINS),
});
registerEnumType(DatasetStatusEnum, {
  name: 'DatasetStatus',
  description: 'Publication status of a dataset record.',
  valuesMap: {
    DRAFT: { description: '草稿: visible to members of the publishing organization only' },
    SUBMITTED: { description: '待审查: submitted for review (保密审查); not public until a reviewer approves it' },
    PUBLISHED: { description: '已发布: public' },
    WITHDRAWN: { description: '已撤回: no longer published; kept for the record' },
  },
});

const invert = <K extends string>(labels: Record<K, string>): Record<string, K> =>
  Object.fromEntries(Object.entries(labels).map(([k, v]) => [v, k as K])) as Record<string, K>;

export const openAttributeKey = invert(OPEN_ATTRIBUTES);
export const shareAttributeKey = invert(SHARE_ATTRIBUTES);
export const priorityDomainKey = invert(PRIORITY_DOMAINS);
export const updateFrequencyKey = invert(
  Object.fromEntries(Object.entries(UPDATE_FREQUENCIES).map(([k, f]) => [k, f.label])) as Record<string, string>,
);

@ObjectType('Theme', { description: 'A theme: a 政务信息资源目录 class or an EU data theme (DCAT-AP dcat:theme).' })
export class ThemeModel {
  @Field({ description: 'Code, e.g. GOV_ECOLOGY or ENVI; use it in filters.' })
  code: string;

  @Field({ description: 'Vocabulary: gov-catalogue (政务信息资源目录) or eu-data-theme.' })
  scheme: string;

  @Field({ description: 'Chinese label.' })
  label: string;

  @Field({ description: 'English label.' })
  labelEn: string;

  @Field(() => String, { nullable: true, description: 'Top-level 政务信息资源目录 class (基础/主题/部门信息资源).' })
  group: string | null;

  @Field(() => String, { nullable: true, description: 'URI of the term in its vocabulary (EU data themes).' })
  uri: string | null;
}
