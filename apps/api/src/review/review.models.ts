import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ValidationReportModel } from '../ingest/models/report.model';

export enum ReviewActionEnum {
  SUBMIT = 'submit',
  APPROVE = 'approve',
  PUBLISH = 'publish',
  RETURN = 'return',
  WITHDRAW = 'withdraw',
}
registerEnumType(ReviewActionEnum, {
  name: 'ReviewAction',
  description: 'A step of review before publication (保密审查).',
  valuesMap: {
    SUBMIT: { description: '提交审查: asked for review' },
    APPROVE: { description: '审查通过: signed off by a reviewer (or a system administrator); public from then on' },
    PUBLISH: { description: '直接发布: published where the organization does not require review' },
    RETURN: { description: '退回修改: sent back with the reviewer\'s comments' },
    WITHDRAW: { description: '撤回: taken down, with a reason' },
  },
});

export enum WorkflowStateEnum {
  DRAFT = 'draft',
  SUBMITTED = 'submitted',
  PUBLISHED = 'published',
  UPDATE_PENDING = 'updatePending',
  UPDATE_RETURNED = 'updateReturned',
  WITHDRAWN = 'withdrawn',
}
registerEnumType(WorkflowStateEnum, {
  name: 'WorkflowState',
  description: 'Where a dataset stands in review before publication (the workflow table in the README).',
  valuesMap: {
    DRAFT: { description: '草稿: with the editors, not public; its files go to review when it is submitted' },
    SUBMITTED: { description: '审查中: the record and its unreleased files await a reviewer; nothing of it can change meanwhile' },
    PUBLISHED: { description: '已发布: public, nothing awaits review' },
    UPDATE_PENDING: { description: '更新待审: public; new file versions await review while the released ones stay public' },
    UPDATE_RETURNED: { description: '更新已退回: public; a reviewer returned the new file versions to the editors, who may resubmit them' },
    WITHDRAWN: { description: '已撤回: taken down, with a reason; it comes back only through review' },
  },
});

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
