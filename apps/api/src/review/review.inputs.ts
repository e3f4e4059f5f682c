import { Field, ID, InputType } from '@nestjs/graphql';

@InputType('AuditLogFilter', { description: 'Narrow the audit log; all given conditions must hold.' })
export class AuditLogFilterInput {
  @Field(() => [String], { nullable: true, description: 'Tables, e.g. datasets, memberships, review_events.' })
  table?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Key of one row (e.g. a dataset id).' })
  rowKey?: string | null;

  @Field(() => ID, { nullable: true, description: 'Writer user id.' })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Writer account name (system, anonymous, a username).' })
  actor?: string | null;

  @Field(() => [String], { nullable: true, description: 'INSERT, UPDATE and/or DELETE.' })
  operation?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'Entries at or after this time.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Entries before this time.' })
  to?: Date | null;
}
