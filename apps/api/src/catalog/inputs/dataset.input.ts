import { Field, InputType, Int } from '@nestjs/graphql';
import {
  DatasetStatusEnum,
  OpenAttributeEnum,
  PriorityDomainEnum,
  ShareAttributeEnum,
  UpdateFrequencyEnum,
} from '../catalog.enums';

@InputType('ContactPointInput', { description: 'A contact point: a name and an email or a phone number.' })
export class ContactPointInput {
  @Field({ description: 'Office or person.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Email.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Telephone, e.g. 0734-8123456.' })
  phone?: string | null;
}

/** The fields shared by create and update; in updates every field is optional and null clears. */
@InputType('DatasetFieldsInput', { isAbstract: true })
class DatasetFieldsInput {
  @Field(() => String, { nullable: true, description: 'English title.' })
  titleEn?: string | null;

  @Field(() => String, { nullable: true, description: 'English description.' })
  descriptionEn?: string | null;

  @Field(() => [String], { nullable: true, description: 'Theme codes: at least one GOV_* class and one EU data theme.' })
  themes?: string[];

  @Field(() => [String], { nullable: true, description: 'Tags (关键字), up to 20.' })
  tags?: string[];

  @Field(() => String, { nullable: true, description: 'Licence id (see the licences query); default CC-BY-4.0.' })
  license?: string;

  @Field(() => OpenAttributeEnum, { nullable: true, description: '开放属性; default UNCONDITIONAL.' })
  openAttribute?: OpenAttributeEnum;

  @Field(() => String, { nullable: true, description: '开放条件; required when CONDITIONAL.' })
  openCondition?: string | null;

  @Field(() => ShareAttributeEnum, { nullable: true, description: '共享属性; default UNCONDITIONAL.' })
  shareAttribute?: ShareAttributeEnum;

  @Field(() => String, { nullable: true, description: '共享条件; required when CONDITIONAL.' })
  shareCondition?: string | null;

  @Field(() => String, { nullable: true, description: '共享方式.' })
  shareMethod?: string | null;

  @Field(() => UpdateFrequencyEnum, { nullable: true, description: '更新周期; default IRREGULAR.' })
  updateFrequency?: UpdateFrequencyEnum;

  @Field(() => String, { nullable: true, description: '信息资源代码.' })
  resourceCode?: string | null;

  @Field(() => String, { nullable: true, description: '发布日期, YYYY-MM-DD; required to publish.' })
  issued?: string | null;

  @Field(() => String, { nullable: true, description: 'Start of the period covered, YYYY-MM-DD.' })
  temporalStart?: string | null;

  @Field(() => String, { nullable: true, description: 'End of the period covered, YYYY-MM-DD.' })
  temporalEnd?: string | null;

  @Field(() => String, { nullable: true, description: 'Area covered, e.g. 衡阳市.' })
  spatial?: string | null;

  @Field(() => String, { nullable: true, description: '行政区划代码 of the area, e.g. 430400.' })
  spatialCode?: string | null;

  @Field(() => ContactPointInput, { nullable: true, description: '联系方式; required to publish.' })
  contactPoint?: ContactPointInput | null;

  @Field(() => PriorityDomainEnum, { nullable: true, description: 'Priority domain.' })
  priorityDomain?: PriorityDomainEnum | null;

  @Field(() => Int, { nullable: true, description: 'The item (1-39) of the 2017 openness plan the dataset answers; null clears.' })
  planItem?: number | null;

  @Field(() => DatasetStatusEnum, { nullable: true, description: 'Status; default DRAFT.' })
  status?: DatasetStatusEnum;
}

@InputType('CreateDatasetInput', { description: 'A new dataset record.' })
export class CreateDatasetInput extends DatasetFieldsInput {
  @Field({ description: 'URL name: 3-100 lower-case letters, digits and hyphens.' })
  slug: string;

  @Field({ description: '信息资源名称.' })
  title: string;

  @Field({ description: '信息资源摘要.' })
  description: string;

  @Field({ description: 'Slug of the publishing organization.' })
  organization: string;
}

@InputType('UpdateDatasetInput', { description: 'Changes to a dataset record: absent fields stay, null clears.' })
export class UpdateDatasetInput extends DatasetFieldsInput {
  @Field(() => String, { nullable: true, description: 'URL name.' })
  slug?: string;

  @Field(() => String, { nullable: true, description: '信息资源名称.' })
  title?: string;

  @Field(() => String, { nullable: true, description: '信息资源摘要.' })
  description?: string;

  @Field(() => String, { nullable: true, description: 'Slug of the publishing organization (moves the dataset).' })
  organization?: string;
}
