import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Organization', { description: '信息资源提供方: a publishing government body.' })
export class OrganizationModel {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field({ description: 'URL name, used in filters and the CKAN API.' })
  slug: string;

  @Field({ description: 'Chinese name, e.g. 衡阳市环境保护局.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'English name.' })
  nameEn: string | null;

  @Field(() => String, { nullable: true, description: 'What the organization does and publishes.' })
  description: string | null;

  @Field(() => String, { nullable: true, description: '统一社会信用代码 (GB 32100-2015), the 提供方代码.' })
  uscc: string | null;

  @Field(() => String, { nullable: true, description: 'Contact office or person.' })
  contactName: string | null;

  @Field(() => String, { nullable: true, description: 'Contact email.' })
  contactEmail: string | null;

  @Field(() => String, { nullable: true, description: 'Contact telephone.' })
  contactPhone: string | null;

  @Field(() => Int, { description: 'Number of datasets of this organization the caller can see.' })
  datasetCount: number;

  @Field(() => Boolean, { description: 'Whether its publications need a reviewer\'s sign-off (保密审查) before they become public.' })
  reviewRequired: boolean;

  parentId: string | null;
}
