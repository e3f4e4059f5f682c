import { Injectable } from '@nestjs/common';
import { appError, badInput, fieldError, notFound } from '@opendata/common';
import { Tx } from '@opendata/database';
import { Caller, ORG_ROLES, OrgRole } from './caller';
import { MembershipEntity, UserEntity } from './entities';
import { requireOrganizationAdmin, requireSysadmin } from './policy';
import { UserRepository } from './user.repository';

export interface CreateUserInput {
  username: string;
  displayName: string;
  email?: string | null;
  isSysadmin?: boolean;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Users and their organization memberships. */
@Injectable()
export class UserService {
  constructor(private readonly users: UserRepository) {}

  async createUser(caller: Caller, input: CreateUserInput): Promise<UserEntity> {
    requireSysadmin(caller, 'forbidden.createUsers');
    const username = input.username.trim().toLowerCase();
    const problems = [];
    if (!USERNAME.test(username)) problems.push(fieldError('username', 'user.badName'));
    if (!input.displayName.trim()) problems.push(fieldError('displayName', 'input.empty'));
    if (input.email && !EMAIL.test(input.email)) problems.push(fieldError('email', 'user.badEmail'));
    if (problems.length) throw badInput(problems);
    if (await this.users.existsByUsername(username)) throw appError('CONFLICT', 'user.exists', { username });
    return this.users.insert({ username, displayName: input.displayName.trim(), email: input.email ?? null, isSysadmin: !!input.isSysadmin });
  }

  async getByUsername(username: string): Promise<UserEntity> {
    const user = await this.users.findByUsername(username.trim().toLowerCase());
    if (!user) throw notFound('user', username);
    return user;
  }

  /** Gives a user a role in an organization, replacing any role they had there. */
  async setMembership(caller: Caller, input: { username: string; organizationId: string; role: OrgRole }): Promise<MembershipEntity> {
    requireOrganizationAdmin(caller, input.organizationId);
    if (!ORG_ROLES.includes(input.role)) throw badInput([fieldError('role', 'input.oneOf', { values: ORG_ROLES.join(', ') })]);
    const user = await this.getByUsername(input.username);
    return this.users.upsertMembership({ userId: user.id, organizationId: input.organizationId, role: input.role });
  }

  async removeMembership(caller: Caller, input: { username: string; organizationId: string }): Promise<void> {
    requireOrganizationAdmin(caller, input.organizationId);
    const user = await this.getByUsername(input.username);
    await this.users.deleteMembership(user.id, input.organizationId);
  }

  async membershipsOf(userId: string): Promise<MembershipEntity[]> {
    return this.users.membershipsOf(userId);
  }

  /** A system-administrator account owned by the platform (for ADMIN_TOKEN); created or promoted. */
  async ensureSystemUser(username: string, displayName: string, tx?: Tx): Promise<UserEntity> {
    const existing = await this.users.findByUsername(username, tx);
    if (existing) {
      if (!existing.isSysadmin || existing.disabledAt) await this.users.restoreSysadmin(existing.id, tx);
      return { ...existing, isSysadmin: true, disabledAt: null };
    }
    return this.users.insert({ username, displayName, email: null, isSysadmin: true }, tx);
  }
}
