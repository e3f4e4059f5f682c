import { AppError, MessageKey, appError } from '@opendata/common';
import { Caller, isAnonymous } from './caller';

/**
 * The permission rules, in one place. Anonymous callers read published data only; members of an organization
 * also see its unpublished datasets; editors and admins write their organization's datasets; system
 * administrators may do everything.
 */

/** What a caller may be refused, each a message of the catalogue (`forbidden.createUsers`). */
export type ForbiddenAction = Extract<MessageKey, `forbidden.${string}`>;

const unauthenticated = (): AppError => appError('UNAUTHENTICATED', 'auth.signIn');
const forbidden = (action: ForbiddenAction): AppError => appError('FORBIDDEN', action);

export function requireSignedIn(caller: Caller): void {
  if (isAnonymous(caller)) throw unauthenticated();
}

export function requireSysadmin(caller: Caller, action: ForbiddenAction): void {
  requireSignedIn(caller);
  if (!caller.isSysadmin) throw forbidden(action);
}

export function canWriteDatasetsOf(caller: Caller, organizationId: string): boolean {
  if (caller.isSysadmin) return true;
  const role = caller.roles.get(organizationId);
  return role === 'admin' || role === 'editor';
}

export function requireDatasetWriter(caller: Caller, organizationId: string): void {
  requireSignedIn(caller);
  if (!canWriteDatasetsOf(caller, organizationId)) throw forbidden('forbidden.writeDatasets');
}

export function canSeeUnpublishedOf(caller: Caller, organizationId: string): boolean {
  return caller.isSysadmin || caller.roles.has(organizationId);
}

/** Organization admins manage their organization's members; system administrators any organization's. */
export function requireOrganizationAdmin(caller: Caller, organizationId: string): void {
  requireSignedIn(caller);
  if (!caller.isSysadmin && caller.roles.get(organizationId) !== 'admin') {
    throw forbidden('forbidden.manageMembers');
  }
}

/** Reviewers of the organization and system administrators approve or return what its editors submit. */
export function canReviewFor(caller: Caller, organizationId: string): boolean {
  return caller.isSysadmin || caller.roles.get(organizationId) === 'reviewer';
}

export function requireReviewer(caller: Caller, organizationId: string): void {
  requireSignedIn(caller);
  if (!canReviewFor(caller, organizationId)) throw forbidden('forbidden.review');
}

/** Taking a dataset down is open to those who may publish it and to those who review it. */
export function requireWithdrawer(caller: Caller, organizationId: string): void {
  requireSignedIn(caller);
  if (!canWriteDatasetsOf(caller, organizationId) && !canReviewFor(caller, organizationId)) {
    throw forbidden('forbidden.withdraw');
  }
}

/**
 * Whether the caller may make something public without another person's sign-off: anyone who may write it
 * when the organization does not require review; only system administrators (whose publication is recorded
 * as their approval) when it does.
 */
export function canPublishDirectly(caller: Caller, organizationId: string, reviewRequired: boolean): boolean {
  if (caller.isSysadmin) return true;
  return !reviewRequired && canWriteDatasetsOf(caller, organizationId);
}

export function requireDirectPublisher(caller: Caller, organizationId: string, reviewRequired: boolean): void {
  requireDatasetWriter(caller, organizationId);
  if (!canPublishDirectly(caller, organizationId, reviewRequired)) {
    throw appError('FORBIDDEN', 'auth.reviewRequired', {}, { reason: 'REVIEW_REQUIRED' });
  }
}
