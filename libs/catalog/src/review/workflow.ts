import { Caller, canPublishDirectly, canReviewFor, canSeeUnpublishedOf, canWriteDatasetsOf, isAnonymous } from '@opendata/auth';
import { AppError, ErrorCode, MessageKey, MessageText, messageText } from '@opendata/common';
import { DatasetStatus } from '../metadata/vocabularies';

/**
 * The review workflow (保密审查) as one table: for each state of a dataset and each action, the steps that are
 * allowed (who may take them and where they lead) or the reason the action is refused in that state. The
 * services ask `decide` before every write that touches the workflow, under the dataset's row lock; nothing
 * else decides whether a transition is legal. The README prints the same table.
 */

/**
 * A dataset's place in the workflow. A published dataset may carry an update (new file versions) that awaits
 * review (`updatePending`) or that a reviewer returned to the editors (`updateReturned`); the public keeps
 * seeing the released versions meanwhile.
 */
export const WORKFLOW_STATE_LABELS = {
  draft: '草稿: with the editors, not public; its files go to review when it is submitted',
  submitted: '审查中: the record and its unreleased files await a reviewer; nothing of it can change meanwhile',
  published: '已发布: public, nothing awaits review',
  updatePending: '更新待审: public; new file versions await review while the released ones stay public',
  updateReturned: '更新已退回: public; a reviewer returned the new file versions to the editors, who may resubmit them',
  withdrawn: '已撤回: taken down, with a reason; it comes back only through review',
  deleted: '已删除: deleted (softly); no one sees it any more',
} as const;
export type WorkflowState = keyof typeof WORKFLOW_STATE_LABELS;
export const WORKFLOW_STATES = Object.keys(WORKFLOW_STATE_LABELS) as readonly WorkflowState[];

/** edit: change the record (updateDataset); publish: make it public without review (status PUBLISHED). */
export const WORKFLOW_ACTIONS = ['submit', 'approve', 'return', 'withdraw', 'edit', 'upload', 'delete', 'publish'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/**
 * What a step requires of the caller, each decided by the rules of `libs/auth/src/policy.ts`: write (editors,
 * organization admins, system administrators), review (reviewers, system administrators), withdraw (writers
 * and reviewers), publish (publish without review: system administrators, and writers where the organization
 * does not require review).
 */
export type Capability = 'write' | 'review' | 'withdraw' | 'publish';

export interface Transition {
  by: Capability;
  to: WorkflowState;
}

/** Why a state refuses an action for everyone: a message of the catalogue (`workflow.underReview`). */
export type Refusal = Extract<MessageKey, `workflow.${string}`>;

/** Allowed steps, tried in order (the first the caller qualifies for is taken), or a refusal (CONFLICT). */
export type Cell = readonly Transition[] | { readonly refused: Refusal };

type LiveState = Exclude<WorkflowState, 'deleted'>;

const step = (by: Capability, to: WorkflowState): Transition => ({ by, to });
const refused = (message: Refusal) => ({ refused: message });

const UNDER_REVIEW = refused('workflow.underReview');
const ALREADY_UNDER_REVIEW = refused('workflow.alreadyUnderReview');
const NEVER_SUBMITTED_APPROVE = refused('workflow.neverSubmittedApprove');
const NEVER_SUBMITTED_RETURN = refused('workflow.neverSubmittedReturn');
const NOTHING_AWAITS = refused('workflow.nothingAwaits');
const NOTHING_TO_SUBMIT = refused('workflow.nothingToSubmit');
const NOT_PUBLISHED = refused('workflow.notPublished');
const WITHDRAW_FIRST = refused('workflow.withdrawFirst');
const RETURNED_UPDATE = refused('workflow.returnedUpdate');

/**
 * Editing a published dataset: a publisher's edit stays public; anyone else's goes back to review with it.
 * (In upload cells, the publisher's step releases the file at once: their upload is their sign-off, and it
 * becomes public with the dataset; a writer's file waits for the dataset's review.)
 */
const publishedEdit = (stays: WorkflowState): Cell => [step('publish', stays), step('write', 'submitted')];

export const WORKFLOW: Record<LiveState, Record<WorkflowAction, Cell>> = {
  draft: {
    submit: [step('write', 'submitted')],
    approve: NEVER_SUBMITTED_APPROVE,
    return: NEVER_SUBMITTED_RETURN,
    withdraw: NOT_PUBLISHED,
    edit: [step('write', 'draft')],
    upload: [step('publish', 'draft'), step('write', 'draft')],
    delete: [step('write', 'deleted')],
    publish: [step('publish', 'published')],
  },
  submitted: {
    submit: ALREADY_UNDER_REVIEW,
    approve: [step('review', 'published')],
    return: [step('review', 'draft')],
    withdraw: NOT_PUBLISHED,
    edit: UNDER_REVIEW,
    upload: UNDER_REVIEW,
    delete: UNDER_REVIEW,
    publish: refused('workflow.publishUnderReview'),
  },
  published: {
    submit: NOTHING_TO_SUBMIT,
    approve: NOTHING_AWAITS,
    return: NOTHING_AWAITS,
    withdraw: [step('withdraw', 'withdrawn')],
    edit: publishedEdit('published'),
    upload: [step('publish', 'published'), step('write', 'updatePending')],
    delete: WITHDRAW_FIRST,
    publish: publishedEdit('published'),
  },
  updatePending: {
    submit: ALREADY_UNDER_REVIEW,
    approve: [step('review', 'published')],
    return: [step('review', 'updateReturned')],
    withdraw: [step('withdraw', 'withdrawn')],
    edit: publishedEdit('updatePending'),
    // While an update awaits review, every new file joins it, a publisher's too.
    upload: [step('write', 'updatePending')],
    delete: WITHDRAW_FIRST,
    publish: publishedEdit('updatePending'),
  },
  updateReturned: {
    submit: [step('write', 'updatePending')],
    approve: RETURNED_UPDATE,
    return: refused('workflow.alreadyReturned'),
    withdraw: [step('withdraw', 'withdrawn')],
    edit: publishedEdit('updateReturned'),
    upload: [step('write', 'updatePending')],
    delete: WITHDRAW_FIRST,
    publish: publishedEdit('updateReturned'),
  },
  withdrawn: {
    submit: [step('write', 'submitted')],
    approve: NEVER_SUBMITTED_APPROVE,
    return: NEVER_SUBMITTED_RETURN,
    withdraw: refused('workflow.alreadyWithdrawn'),
    edit: [step('write', 'withdrawn')],
    upload: [step('publish', 'withdrawn'), step('write', 'withdrawn')],
    delete: [step('write', 'deleted')],
    publish: [step('publish', 'published')],
  },
};

/** The organization facts the decision needs. */
export interface WorkflowSubject {
  organizationId: string;
  reviewRequired: boolean;
}

export type Decision =
  | { allowed: true; from: WorkflowState; to: WorkflowState; by: Capability }
  | { allowed: false; code: ErrorCode; message: MessageText; reason?: string };

export function hasCapability(caller: Caller, capability: Capability, subject: WorkflowSubject): boolean {
  const org = subject.organizationId;
  switch (capability) {
    case 'write':
      return canWriteDatasetsOf(caller, org);
    case 'review':
      return canReviewFor(caller, org);
    case 'withdraw':
      return canWriteDatasetsOf(caller, org) || canReviewFor(caller, org);
    case 'publish':
      return canPublishDirectly(caller, org, subject.reviewRequired);
  }
}

/** States the public sees (the released versions of a published dataset). */
export function isPublicState(state: WorkflowState): boolean {
  return state === 'published' || state === 'updatePending' || state === 'updateReturned';
}

/**
 * Whether `caller` may take `action` on a dataset in `state`, and where it leads. Refusals, in this order:
 * anonymous callers UNAUTHENTICATED (every action needs an account); a deleted dataset, or one the caller may
 * not see, NOT_FOUND (its existence is not revealed); no allowed step for the caller FORBIDDEN, unless the
 * state refuses the action for everyone, which is CONFLICT for those who take this action in some state
 * (and FORBIDDEN for the rest, who could never take it).
 */
export function decide(state: WorkflowState, action: WorkflowAction, caller: Caller, subject: WorkflowSubject): Decision {
  if (isAnonymous(caller)) {
    return { allowed: false, code: 'UNAUTHENTICATED', message: messageText('auth.signIn') };
  }
  if (state === 'deleted' || (!isPublicState(state) && !canSeeUnpublishedOf(caller, subject.organizationId))) {
    return { allowed: false, code: 'NOT_FOUND', message: messageText('workflow.notFound') };
  }
  const cell = WORKFLOW[state][action];
  if ('refused' in cell) {
    const takesAction = capabilitiesFor(action).some((c) => hasCapability(caller, c, subject));
    return takesAction ? { allowed: false, code: 'CONFLICT', message: messageText(cell.refused) } : forbidden(action);
  }
  const taken = cell.find((s) => hasCapability(caller, s.by, subject));
  if (taken) return { allowed: true, from: state, to: taken.to, by: taken.by };
  return forbidden(action, cell.every((s) => s.by === 'publish') && hasCapability(caller, 'write', subject));
}

/** The decision, or the refusal as an AppError. */
export function requireStep(state: WorkflowState, action: WorkflowAction, caller: Caller, subject: WorkflowSubject): Extract<Decision, { allowed: true }> {
  const decision = decide(state, action, caller, subject);
  if (!decision.allowed) throw new AppError(decision.code, decision.message, decision.reason ? { reason: decision.reason } : undefined);
  return decision;
}

/** Every capability some state accepts for an action. */
export function capabilitiesFor(action: WorkflowAction): Capability[] {
  const found = new Set<Capability>();
  for (const row of Object.values(WORKFLOW)) {
    const cell = row[action];
    if (!('refused' in cell)) cell.forEach((s) => found.add(s.by));
  }
  return [...found];
}

function forbidden(action: WorkflowAction, reviewRequired = false): Decision {
  if (reviewRequired) {
    return {
      allowed: false,
      code: 'FORBIDDEN',
      message: messageText('auth.reviewRequired'),
      reason: 'REVIEW_REQUIRED',
    };
  }
  return { allowed: false, code: 'FORBIDDEN', message: messageText(`workflow.forbidden.${action}`) };
}

/** The dataset status a workflow state is stored as. */
export function statusOf(state: WorkflowState): DatasetStatus {
  if (state === 'deleted') throw new RangeError('a deleted dataset keeps the status it had');
  return state === 'updatePending' || state === 'updateReturned' ? 'published' : state;
}

/** What is known of a dataset that places it in the workflow. */
export interface WorkflowFacts {
  deleted: boolean;
  status: DatasetStatus;
  /** Versions not yet released that the next approval would publish (the newest of each resource). */
  unreleased: number;
  /** Of those, the ones whose latest review event is a submission. */
  awaiting: number;
}

/** The facts of a dataset whose unreleased versions are `unreleased`, each with the last review action on it. */
export function workflowFacts(deleted: boolean, status: DatasetStatus, unreleased: ReadonlyArray<{ lastAction: string | null }>): WorkflowFacts {
  return { deleted, status, unreleased: unreleased.length, awaiting: unreleased.filter((p) => p.lastAction === 'submit').length };
}

export function workflowState(facts: WorkflowFacts): WorkflowState {
  if (facts.deleted) return 'deleted';
  if (facts.status !== 'published') return facts.status;
  if (facts.unreleased === 0) return 'published';
  return facts.awaiting > 0 ? 'updatePending' : 'updateReturned';
}
