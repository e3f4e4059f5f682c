import { Field, ObjectType } from '@nestjs/graphql';
import {
  DATASET_STATUS_LABELS,
  DatasetStatus,
  OPEN_ATTRIBUTES,
  OpenAttributeKey,
  PRIORITY_DOMAINS,
  PriorityDomainKey,
  SHARE_ATTRIBUTES,
  ShareAttributeKey,
  UPDATE_FREQUENCIES,
  UpdateFrequencyKey,
} from '@opendata/catalog';
import { vocabularyEnum } from '../graphql/vocabulary-enum';

/*
 * The catalogue's vocabularies as GraphQL enums (vocabularies.ts in libs/catalog): GraphQL names must be ASCII, so
 * the enums carry the vocabularies' keys and describe each value by its label (the stored Chinese term); the
 * mappers translate between keys and labels.
 */

export const OpenAttributeEnum = vocabularyEnum(
  'OpenAttribute',
  '开放属性: whether and how the dataset is open to the public (DCAT-AP dct:accessRights).',
  OPEN_ATTRIBUTES,
);
export type OpenAttributeEnum = OpenAttributeKey;

export const ShareAttributeEnum = vocabularyEnum('ShareAttribute', '共享属性: whether the dataset is shared between government agencies.', SHARE_ATTRIBUTES);
export type ShareAttributeEnum = ShareAttributeKey;

export const UpdateFrequencyEnum = vocabularyEnum(
  'UpdateFrequency',
  '更新周期: how often the dataset is updated (DCAT-AP dct:accrualPeriodicity).',
  UPDATE_FREQUENCIES,
  (f) => `${f.label} (EU frequency ${f.dcat})`,
);
export type UpdateFrequencyEnum = UpdateFrequencyKey;

export const PriorityDomainEnum = vocabularyEnum('PriorityDomain', "重点领域: the openness plan's priority domains for opening data first.", PRIORITY_DOMAINS);
export type PriorityDomainEnum = PriorityDomainKey;

/** Its values are the statuses as stored (draft ...), named in capitals (DRAFT ...). */
export const DatasetStatusEnum = vocabularyEnum('DatasetStatus', 'Publication status of a dataset record.', DATASET_STATUS_LABELS);
export type DatasetStatusEnum = DatasetStatus;

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
