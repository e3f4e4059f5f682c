import { Field, InputType } from '@nestjs/graphql';

@InputType('CreateOrganizationInput', { description: 'A new publishing organization (system administrators only).' })
export class CreateOrganizationInput {
  @Field({ description: 'URL name: 3-100 lower-case letters, digits and hyphens.' })
  slug: string;

  @Field({ description: 'Chinese name.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'English name.' })
  nameEn?: string | null;

  @Field(() => String, { nullable: true, description: 'Description.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: '统一社会信用代码; its check character is verified.' })
  uscc?: string | null;

  @Field(() => String, { nullable: true, description: 'Slug of the parent organization.' })
  parentSlug?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact office or person.' })
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact email.' })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact telephone.' })
  contactPhone?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether publications need a reviewer\'s sign-off (保密审查); default true.' })
  reviewRequired?: boolean | null;
}
