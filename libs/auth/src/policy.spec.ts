import { AppError } from '@opendata/common';
import { ANONYMOUS, Caller, OrgRole, SYSTEM } from './caller';
import {
  canPublishDirectly,
  canReviewFor,
  canSeeUnpublishedOf,
  canWriteDatasetsOf,
  requireDatasetWriter,
  requireOrganizationAdmin,
  requireSysadmin,
  requireWithdrawer,
} from './policy';

const ORG = 'org-1';
const OTHER = 'org-2';
const user = (role?: OrgRole, isSysadmin = false): Caller => ({
  userId: 'u',
  username: 'u',
  isSysadmin,
  roles: new Map(role ? [[ORG, role]] : []),
});

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as AppError).code;
  }
}

describe('policy', () => {
  it.each([
    ['anonymous', ANONYMOUS, false, false],
    ['a signed-in user without membership', user(), false, false],
    ['a member', user('member'), false, true],
    ['an editor', user('editor'), true, true],
    ['an organization admin', user('admin'), true, true],
    ['a system administrator', user(undefined, true), true, true],
    ['the system', SYSTEM, true, true],
  ])('%s: writes datasets=%s, sees drafts=%s', (_name, caller, writes, sees) => {
    expect(canWriteDatasetsOf(caller, ORG)).toBe(writes);
    expect(canSeeUnpublishedOf(caller, ORG)).toBe(sees);
  });

  it('gives no rights in another organization', () => {
    expect(canWriteDatasetsOf(user('admin'), OTHER)).toBe(false);
    expect(canSeeUnpublishedOf(user('admin'), OTHER)).toBe(false);
  });

  it('tells anonymous callers to authenticate and others that they may not', () => {
    expect(codeOf(() => requireDatasetWriter(ANONYMOUS, ORG))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => requireDatasetWriter(user('member'), ORG))).toBe('FORBIDDEN');
    expect(codeOf(() => requireDatasetWriter(user('editor'), OTHER))).toBe('FORBIDDEN');
    expect(codeOf(() => requireDatasetWriter(user('editor'), ORG))).toBeNull();
    expect(codeOf(() => requireSysadmin(ANONYMOUS, 'forbidden.createUsers'))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => requireSysadmin(user('admin'), 'forbidden.createUsers'))).toBe('FORBIDDEN');
    expect(codeOf(() => requireOrganizationAdmin(user('editor'), ORG))).toBe('FORBIDDEN');
    expect(codeOf(() => requireOrganizationAdmin(user('admin'), ORG))).toBeNull();
  });

  it.each([
    // who, reviews, publishes directly with review required, without, may withdraw
    ['anonymous', ANONYMOUS, false, false, false, 'UNAUTHENTICATED'],
    ['a member', user('member'), false, false, false, 'FORBIDDEN'],
    ['an editor', user('editor'), false, false, true, null],
    ['a reviewer', user('reviewer'), true, false, false, null],
    ['an organization admin', user('admin'), false, false, true, null],
    ['a system administrator', user(undefined, true), true, true, true, null],
  ] as const)('review rules for %s', (_who, caller, reviews, directWithReview, directWithout, withdraw) => {
    expect(canReviewFor(caller, ORG)).toBe(reviews);
    expect(canReviewFor(caller, OTHER)).toBe(caller.isSysadmin);
    expect(canPublishDirectly(caller, ORG, true)).toBe(directWithReview);
    expect(canPublishDirectly(caller, ORG, false)).toBe(directWithout);
    expect(codeOf(() => requireWithdrawer(caller, ORG))).toBe(withdraw);
  });
});
