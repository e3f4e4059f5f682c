import { Caller, OrgRole } from '@opendata/auth';

/**
 * The roles the workflow table is tested with, relative to the dataset's organization: an outsider is signed
 * in with a role in another organization only.
 */
export const WORKFLOW_ROLES = ['anonymous', 'outsider', 'member', 'editor', 'reviewer', 'orgAdmin', 'sysadmin'] as const;
export type WorkflowRole = (typeof WORKFLOW_ROLES)[number];

const ORG_ROLE: Partial<Record<WorkflowRole, OrgRole>> = { member: 'member', editor: 'editor', reviewer: 'reviewer', orgAdmin: 'admin' };

/** A caller in `role` towards organization `organizationId`. */
export function callerAs(role: WorkflowRole, organizationId: string): Caller {
  if (role === 'anonymous') return { userId: null, username: null, isSysadmin: false, roles: new Map() };
  const roles = new Map<string, OrgRole>();
  if (role === 'outsider') roles.set('00000000-0000-4000-8000-000000000000', 'editor');
  const orgRole = ORG_ROLE[role];
  if (orgRole) roles.set(organizationId, orgRole);
  return { userId: `user-${role}`, username: role, isSysadmin: role === 'sysadmin', roles };
}
