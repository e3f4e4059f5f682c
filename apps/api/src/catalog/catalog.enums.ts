import { registerEnumType } from '@nestjs/graphql';
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

export enum DatasetOrderFieldEnum {
  RELEVANCE = 'RELEVANCE',
  MODIFIED = 'MODIFIED',
  TITLE = 'TITLE',
  DOWNLOADS = 'DOWNLOADS',
  ISSUED = 'ISSUED',
}

export enum SuggestionKindEnum {
  DATASET = 'DATASET',
  ORGANIZATION = 'ORGANIZATION',
  TAG = 'TAG',
  THEME = 'THEME',
}

export enum OrderDirectionEnum {
  ASC = 'ASC',
  DESC = 'DESC',
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
registerEnumType(DatasetOrderFieldEnum, {
  name: 'DatasetOrderField',
  description: 'What dataset lists are sorted by.',
  valuesMap: {
    RELEVANCE: { description: 'Search relevance (needs a search; otherwise MODIFIED is used)' },
    MODIFIED: { description: 'Time of the last change to the record or its files' },
    TITLE: { description: 'Title, in code-point order' },
    DOWNLOADS: { description: 'Downloads of the files, most downloaded first (counts refreshed every minute)' },
    ISSUED: { description: '发布日期, newest first; ties by MODIFIED' },
  },
});
registerEnumType(SuggestionKindEnum, {
  name: 'SuggestionKind',
  description: 'What a search suggestion names.',
  valuesMap: {
    DATASET: { description: 'A dataset (key: its slug)' },
    ORGANIZATION: { description: 'A publishing organization (key: its slug)' },
    TAG: { description: 'A tag (key: the tag)' },
    THEME: { description: 'A theme (key: the theme code)' },
  },
});
registerEnumType(OrderDirectionEnum, { name: 'OrderDirection', description: 'Sort direction.' });

const invert = <K extends string>(labels: Record<K, string>): Record<string, K> =>
  Object.fromEntries(Object.entries(labels).map(([k, v]) => [v, k as K])) as Record<string, K>;

export const openAttributeKey = invert(OPEN_ATTRIBUTES);
export const shareAttributeKey = invert(SHARE_ATTRIBUTES);
export const priorityDomainKey = invert(PRIORITY_DOMAINS);
export const updateFrequencyKey = invert(
  Object.fromEntries(Object.entries(UPDATE_FREQUENCIES).map(([k, f]) => [k, f.label])) as Record<string, string>,
);
