import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { REVIEW_ACTION_LABELS, ReviewAction, WORKFLOW_STATE_LABELS, WorkflowState } from '@opendata/catalog';
import { vocabularyEnum } from '../graphql/vocabulary-enum';
import { ValidationReportModel } from '../ingest/ingest.models';

export const ReviewActionEnum = vocabularyEnum('ReviewAction', 'A step of review before publication (保密审查).', REVIEW_ACTION_LABELS);
export type ReviewActionEnum = ReviewAction;

/** A deleted dataset is found by no one, so its state is never shown. */
const { deleted: _deleted, ...SHOWN_WORKFLOW_STATES } = WORKFLOW_STATE_LABELS;
export const WorkflowStateEnum = vocabularyEnum(
  'WorkflowState',
  'Where a dataset stands in review before publication (the workflow table in the README).',
  SHOWN_WORKFLOW_STATES,
);
export type WorkflowStateEnum = Exclude<WorkflowState, 'deleted'>;

@ObjectType('SignedFile', { description: 'A file version a sign-off approved: compare its SHA-256 with the file you download.' })
export class SignedFileModel {
  @Field(() => ID, { description: 'The resource.' })
  resourceId: string;

  @Field({ description: 'Name of the resource.' })
  resourceName: string;

  @Field(() => Int, { description: 'Version number.' })
  version: number;

  @Field({ description: 'Name of the file as uploaded.' })
  fileName: string;

  @Field({ description: 'SHA-256 of the file\'s bytes, hex: what the download of this version serves (its ETag too).' })
  sha256: string;

  @Field(() => Float, { description: 'Size in bytes.' })
  byteSize: number;
}

@ObjectType('SignOff', {
  description: 'Who made something public, when, the SHA-256 of the record they approved and of every file version approved with it.',
})
export class SignOffModel {
  @Field({ description: 'Account name of whoever signed off (system for the platform itself).' })
  approvedBy: string;

  @Field(() => Date, { description: 'When.' })
  approvedAt: Date;

  @Field({
    description:
      'SHA-256, hex. For a dataset: of its metadata record (not of a file) in canonical JSON: keys sorted at every level, no whitespace, null and absent fields and the status left out, themes sorted. For a version: of the file. The files approved are listed in `files`.',
  })
  sha256: string;

  @Field(() => [SignedFileModel], { description: 'Every file version released by this sign-off, with its SHA-256 (empty when it approved the record alone).' })
  files: SignedFileModel[];

  @Field({ description: 'True when a reviewer signed off; false when published where no review was required.' })
  reviewed: boolean;

  @Field(() => String, { nullable: true, description: 'Comment given with the sign-off.' })
  comment: string | null;
}

@ObjectType('ReviewEvent', { description: 'One step in the review history of a dataset (append-only).' })
export class ReviewEventModel {
  @Field(() => ReviewActionEnum, { description: 'What happened.' })
  action: ReviewActionEnum;

  @Field({ description: 'Account name of whoever did it.' })
  actor: string;

  @Field(() => Date, { description: 'When.' })
  at: Date;

  @Field(() => String, { nullable: true, description: 'Comments (审查意见) or the reason for withdrawal.' })
  comment: string | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 of what was submitted or approved.' })
  sha256: string | null;

  @Field(() => ID, { nullable: true, description: 'Resource of the version concerned; null for the dataset record.' })
  resourceId: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of the version concerned; null for the dataset record.' })
  version: number | null;
}

@ObjectType('PendingVersion', {
  description: 'An unreleased version that the next approval of its dataset would publish: not public, not served by downloads or row queries.',
})
export class PendingVersionModel {
  @Field(() => ID, { description: 'The resource.' })
  resourceId: string;

  @Field({ description: 'Name of the resource.' })
  resourceName: string;

  @Field(() => Int, { description: 'Version number.' })
  version: number;

  @Field({ description: 'Name of the uploaded file.' })
  fileName: string;

  @Field({ description: 'SHA-256 of the file: what an approval signs off (pass it in approveDataset(checkedSha256)).' })
  sha256: string;

  @Field({ description: 'Whether it is under review now; false while it is with the editors (returned, or its dataset not yet submitted).' })
  underReview: boolean;

  @Field(() => Float, { description: 'Size in bytes.' })
  byteSize: number;

  @Field(() => Float, { nullable: true, description: 'Data rows.' })
  rowCount: number | null;

  @Field(() => String, { nullable: true, description: 'Collection standard the rows were validated against.' })
  schemaId: string | null;

  @Field(() => Date, { description: 'When it was uploaded.' })
  uploadedAt: Date;

  @Field(() => ValidationReportModel, {
    nullable: true,
    description: 'Its validation report, with every personal-data and negative-list finding, for the reviewer.',
  })
  report: ValidationReportModel | null;

  reportId: string | null;
}

@ObjectType('DatasetReview', { description: 'Review state of a dataset, for members, reviewers and administrators of its organization.' })
export class DatasetReviewModel {
  @Field(() => WorkflowStateEnum, { description: 'Where the dataset stands in the workflow.' })
  state: WorkflowStateEnum;

  @Field(() => [PendingVersionModel], {
    description:
      'Unreleased versions (the newest of each resource) that the next approval would publish: under review in SUBMITTED and UPDATE_PENDING, with the editors otherwise. A returned version stays here and goes back to review with the next submission, unless a newer upload to its resource replaces it.',
  })
  pendingVersions: PendingVersionModel[];

  @Field(() => [ReviewEventModel], { description: 'The whole review history, oldest first.' })
  history: ReviewEventModel[];
}

@ObjectType('AuditEntry', { description: 'One written row: who, when, what, and the SHA-256 of the row before and after.' })
export class AuditEntryModel {
  @Field(() => ID, { description: 'Position in the log (increasing).' })
  id: string;

  @Field(() => Date, { description: 'When the row was written.' })
  at: Date;

  @Field(() => ID, { nullable: true, description: 'User id of the writer; null for the system and anonymous callers.' })
  actorId: string | null;

  @Field({ description: 'Account name of the writer (system, anonymous, or database:<role> for writes outside the application).' })
  actor: string;

  @Field({ description: 'Table written.' })
  table: string;

  @Field({ description: 'Key of the row (its id, or its composite key joined with /).' })
  rowKey: string;

  @Field({ description: 'INSERT, UPDATE or DELETE.' })
  operation: string;

  @Field(() => [String], { description: 'Columns changed by an UPDATE.' })
  changed: string[];

  @Field(() => String, { nullable: true, description: 'SHA-256 of the row before (canonical JSON), null for an INSERT.' })
  hashBefore: string | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the row after, null for a DELETE.' })
  hashAfter: string | null;

  @Field({ description: 'Database transaction: entries with the same value were written together.' })
  transactionId: string;
}

@ObjectType('AuditEntryEdge', { description: 'An audit entry in a list, with its cursor.' })
export class AuditEntryEdgeModel {
  @Field({ description: 'Position of this entry; pass it as `after`.' })
  cursor: string;

  @Field(() => AuditEntryModel, { description: 'The entry.' })
  node: AuditEntryModel;
}

@ObjectType('AuditLogConnection', { description: 'A page of the audit log, newest first.' })
export class AuditLogConnectionModel {
  @Field(() => [AuditEntryEdgeModel], { description: 'The entries.' })
  edges: AuditEntryEdgeModel[];

  @Field({ description: 'Whether older entries follow.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last entry.' })
  endCursor: string | null;
}
