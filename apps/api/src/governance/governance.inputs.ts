import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DataRequestActionEnum, NegativeRuleKindEnum, ObligationKindEnum } from './governance.models';

@InputType({ description: 'A new negative-list rule.' })
export class NegativeRuleInput {
  @Field(() => String, { nullable: true, description: 'Organization slug for its own list (organization admins); omit for the city-wide list (system administrators).' })
  organization?: string | null;

  @Field(() => NegativeRuleKindEnum, { description: 'What the rule forbids.' })
  kind: NegativeRuleKindEnum;

  @Field({ description: 'Column name, term, pattern, theme code or schema id (at most 200 characters).' })
  value: string;

  @Field({ description: 'Why it may not be published (shown with every hit).' })
  reason: string;
}

@InputType({ description: 'A statutory publication deadline for a dataset.' })
export class ObligationInput {
  @Field(() => ID, { description: 'The dataset.' })
  datasetId: string;

  @Field(() => ObligationKindEnum, { description: 'How the deadline is computed.' })
  kind: ObligationKindEnum;

  @Field(() => Int, { description: 'Days (1-366), or the day of the month (1-31) for MONTHLY_BY_DAY.' })
  days: number;

  @Field(() => String, { nullable: true, description: 'The date the deadline runs from, YYYY-MM-DD (required unless MONTHLY_BY_DAY).' })
  eventOn?: string | null;

  @Field({ description: 'What must be published, e.g. 2026年部门预算.' })
  label: string;

  @Field(() => String, { nullable: true, description: 'Legal basis.' })
  basis?: string | null;
}

@InputType({ description: 'A public holiday or make-up working day.' })
export class CalendarDayInput {
  @Field({ description: 'The date, YYYY-MM-DD.' })
  day: string;

  @Field({ description: 'True for a make-up working day (调休), false for a holiday.' })
  working: boolean;

  @Field({ description: 'Name, e.g. 春节.' })
  name: string;
}

@InputType({ description: 'A request for data (依申请公开).' })
export class DataRequestInput {
  @Field({ description: 'Slug of the organization asked.' })
  organization: string;

  @Field(() => ID, { nullable: true, description: 'The dataset asked about, if any.' })
  datasetId?: string | null;

  @Field({ description: 'What is asked for (2-200 characters).' })
  title: string;

  @Field({ description: 'Details (2-5000 characters).' })
  description: string;

  @Field(() => String, { nullable: true, description: 'Your name (never shown publicly).' })
  requesterName?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail or telephone for the answer; required without an API token; never shown publicly.' })
  contact?: string | null;
}

@InputType({ description: 'An organization\'s answer to a data request.' })
export class DataRequestResponseInput {
  @Field(() => DataRequestActionEnum, { description: 'Accept, decline or redirect.' })
  action: DataRequestActionEnum;

  @Field(() => String, { nullable: true, description: 'Reason (required to decline) or a note.' })
  response?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the data is (or will be) published: a URL or a portal path (required to accept).' })
  link?: string | null;

  @Field(() => String, { nullable: true, description: 'Slug of the organization that holds the data (required to redirect).' })
  redirectTo?: string | null;
}
