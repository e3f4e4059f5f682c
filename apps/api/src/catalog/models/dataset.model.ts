import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  DatasetStatusEnum,
  OpenAttributeEnum,
  PriorityDomainEnum,
  ShareAttributeEnum,
  UpdateFrequencyEnum,
} from '../catalog.enums';

@ObjectType('Licence', { description: 'The licence under which a dataset may be reused.' })
export class LicenceModel {
  @Field({ description: 'Identifier (SPDX where one exists), e.g. CC-BY-4.0.' })
  id: string;

  @Field({ description: 'Name.' })
  title: string;

  @Field({ description: 'Text of the licence.' })
  url: string;
}

@ObjectType('ContactPoint', { description: '联系方式 (DCAT-AP dcat:contactPoint).' })
export class ContactPointModel {
  @Field({ description: 'Office or person.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Email.' })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'Telephone.' })
  phone: string | null;
}

@ObjectType('TemporalCoverage', { description: 'The period the data covers (dct:temporal).' })
export class TemporalCoverageModel {
  @Field(() => String, { nullable: true, description: 'First day, YYYY-MM-DD.' })
  start: string | null;

  @Field(() => String, { nullable: true, description: 'Last day, YYYY-MM-DD; open when null.' })
  end: string | null;
}

@ObjectType('SpatialCoverage', { description: 'The area the data covers (dct:spatial).' })
export class SpatialCoverageModel {
  @Field({ description: 'Place name, e.g. 衡阳市.' })
  name: string;

  @Field(() => String, { nullable: true, description: '行政区划代码 (GB/T 2260), e.g. 430400.' })
  code: string | null;
}

@ObjectType('Dataset', { description: 'A dataset record of the catalogue, with its files (resources).' })
export class DatasetModel {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field({ description: 'URL name.' })
  slug: string;

  @Field({ description: '信息资源名称: Chinese title.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'English title.' })
  titleEn: string | null;

  @Field({ description: '信息资源摘要: what the data holds.' })
  description: string;

  @Field(() => String, { nullable: true, description: 'English description.' })
  descriptionEn: string | null;

  @Field(() => LicenceModel, { description: 'Licence of the data.' })
  license: LicenceModel;

  @Field(() => OpenAttributeEnum, { description: '开放属性.' })
  openAttribute: OpenAttributeEnum;

  @Field(() => String, { nullable: true, description: '开放条件, for conditionally open data.' })
  openCondition: string | null;

  @Field(() => ShareAttributeEnum, { description: '共享属性 between agencies.' })
  shareAttribute: ShareAttributeEnum;

  @Field(() => String, { nullable: true, description: '共享条件.' })
  shareCondition: string | null;

  @Field(() => String, { nullable: true, description: '共享方式.' })
  shareMethod: string | null;

  @Field(() => UpdateFrequencyEnum, { description: '更新周期.' })
  updateFrequency: UpdateFrequencyEnum;

  @Field(() => String, { nullable: true, description: '信息资源代码.' })
  resourceCode: string | null;

  @Field(() => String, { nullable: true, description: '发布日期 (dct:issued), YYYY-MM-DD.' })
  issued: string | null;

  @Field(() => Date, { description: 'Last change to the record or its files (dct:modified).' })
  modified: Date;

  @Field(() => TemporalCoverageModel, { nullable: true, description: 'Period covered.' })
  temporal: TemporalCoverageModel | null;

  @Field(() => SpatialCoverageModel, { nullable: true, description: 'Area covered.' })
  spatial: SpatialCoverageModel | null;

  @Field(() => ContactPointModel, { nullable: true, description: 'Whom to ask about the data.' })
  contactPoint: ContactPointModel | null;

  @Field(() => PriorityDomainEnum, { nullable: true, description: 'Priority domain of the openness plan.' })
  priorityDomain: PriorityDomainEnum | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The item (1-39) of the city\'s 2017 openness plan (衡办发〔2017〕25号) the dataset answers, e.g. 10 环境保护监管信息公开; see planItems.',
  })
  planItem: number | null;

  @Field(() => DatasetStatusEnum, { description: 'Publication status.' })
  status: DatasetStatusEnum;

  @Field(() => Date, { description: 'When the record was created.' })
  createdAt: Date;

  organizationId: string;
}

@ObjectType('DeleteDatasetPayload', { description: 'Result of deleting a dataset.' })
export class DeleteDatasetPayload {
  @Field(() => ID, { description: 'The deleted dataset.' })
  id: string;

  @Field(() => Date, { description: 'When it was deleted; the record and its files are kept, hidden.' })
  deletedAt: Date;
}
