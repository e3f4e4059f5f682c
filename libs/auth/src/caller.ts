/**
 * Roles within an organization, from most to least powerful. A reviewer (保密审查员) signs off publications
 * and withdraws datasets but does not edit them, so that no one publishes their own work unreviewed.
 */
export const ORG_ROLES = ['admin', 'editor', 'reviewer', 'member'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

/**
 * Who is making a request: every service method takes it first, so the API, the worker and the CLI share the
 * same rules. `roles` maps organization ids to the caller's role there.
 */
export interface Caller {
  readonly userId: string | null;
  readonly username: string | null;
  readonly isSysadmin: boolean;
  readonly roles: ReadonlyMap<string, OrgRole>;
}

export const ANONYMOUS: Caller = Object.freeze({
  userId: null,
  username: null,
  isSysadmin: false,
  roles: new Map<string, OrgRole>(),
});

/** The platform itself (boot tasks, demo seeding, operator commands run on the server). */
export const SYSTEM: Caller = Object.freeze({
  userId: null,
  username: 'system',
  isSysadmin: true,
  roles: new Map<string, OrgRole>(),
});

export function isAnonymous(caller: Caller): boolean {
  return caller.userId === null && !caller.isSysadmin;
}
