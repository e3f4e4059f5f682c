import { Field, InputType } from '@nestjs/graphql';
import { DatasetOrderFieldEnum, DatasetStatusEnum, OpenAttributeEnum, OrderDirectionEnum, PriorityDomainEnum } from '../catalog.enums';

@InputType('DatasetFilter', { description: 'Filters; each list matches any of its values, and all given filters apply.' })
export class DatasetFilterInput {
  @Field(() => [String], { nullable: true, description: 'Organization slugs.' })
  organization?: string[];

  @Field(() => [String], { nullable: true, description: 'Theme codes (GOV_* or EU data-theme codes).' })
  theme?: string[];

  @Field(() => [String], { nullable: true, description: 'Tags.' })
  tag?: string[];

  @Field(() => [String], { nullable: true, description: 'File formats, e.g. CSV.' })
  format?: string[];

  @Field(() => [OpenAttributeEnum], { nullable: true, description: '开放属性.' })
  openAttribute?: OpenAttributeEnum[];

  @Field(() => [PriorityDomainEnum], { nullable: true, description: 'Priority domains.' })
  priorityDomain?: PriorityDomainEnum[];

  @Field(() => [DatasetStatusEnum], {
    nullable: true,
    description: 'Statuses; unpublished datasets appear only to members of their organization and administrators.',
  })
  status?: DatasetStatusEnum[];
}

@InputType('DatasetOrder', { description: 'Sort order of a dataset list.' })
export class DatasetOrderInput {
  @Field(() => DatasetOrderFieldEnum, { description: 'Sort key.' })
  field: DatasetOrderFieldEnum;

  @Field(() => OrderDirectionEnum, { nullable: true, description: 'Direction; by default ASC for TITLE, DESC for the others.' })
  direction?: OrderDirectionEnum;
}
