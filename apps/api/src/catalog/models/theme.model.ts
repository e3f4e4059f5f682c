import { Field, ObjectType } from '@nestjs/graphql';

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
