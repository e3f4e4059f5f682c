import { ANONYMOUS, Caller, OrgRole } from './caller';
import { MembershipEntity, UserEntity } from './entities';
import { NewUser, UserRepository } from './user.repository';
import { UserService } from './user.service';
import { badFields, codeOf, signedIn, sysadmin } from '../../../test/support/unit-fakes';

/** Users and memberships in memory, with the methods UserService uses. */
class FakeUsers {
  readonly users: UserEntity[] = [];
  readonly memberships: MembershipEntity[] = [];
  readonly transactions: unknown[] = [];

  async findByUsername(username: string, tx?: unknown): Promise<UserEntity | null> {
    this.transactions.push(tx);
    return this.users.find((u) => u.username === username) ?? null;
  }

  async existsByUsername(username: string): Promise<boolean> {
    return this.users.some((u) => u.username === username);
  }

  async insert(user: NewUser, tx?: unknown): Promise<UserEntity> {
    this.transactions.push(tx);
    const created = { ...user, id: `user-${this.users.length + 1}`, createdAt: new Date(), disabledAt: null };
    this.users.push(created);
    return created;
  }

  async restoreSysadmin(userId: string, tx?: unknown): Promise<void> {
    this.transactions.push(tx);
    Object.assign(this.users.find((u) => u.id === userId)!, { isSysadmin: true, disabledAt: null });
  }

  async upsertMembership(m: { userId: string; organizationId: string; role: OrgRole }): Promise<MembershipEntity> {
    const existing = this.memberships.find((x) => x.userId === m.userId && x.organizationId === m.organizationId);
    if (existing) existing.role = m.role;
    else this.memberships.push({ ...m, createdAt: new Date() });
    return this.memberships.find((x) => x.userId === m.userId && x.organizationId === m.organizationId)!;
  }

  async deleteMembership(userId: string, organizationId: string): Promise<void> {
    this.memberships.splice(0, this.memberships.length, ...this.memberships.filter((m) => m.userId !== userId || m.organizationId !== organizationId));
  }

  async membershipsOf(userId: string): Promise<MembershipEntity[]> {
    return this.memberships.filter((m) => m.userId === userId);
  }
}

describe('UserService', () => {
  let repo: FakeUsers;
  let users: UserService;
  const orgAdmin: Caller = signedIn('boss', { 'org-1': 'admin' });

  beforeEach(() => {
    repo = new FakeUsers();
    users = new UserService(repo as unknown as UserRepository);
  });

  describe('createUser', () => {
    it('is for system administrators only', async () => {
      expect(await codeOf(users.createUser(ANONYMOUS, { username: 'li', displayName: '李' }))).toBe('UNAUTHENTICATED');
      expect(await codeOf(users.createUser(orgAdmin, { username: 'li', displayName: '李' }))).toBe('FORBIDDEN');
      expect(repo.users).toEqual([]);
    });

    it('stores the username in lower case and the display name trimmed', async () => {
      const user = await users.createUser(sysadmin(), { username: ' Li.Ming ', displayName: ' 李明 ', email: 'li@example.cn' });
      expect(user).toMatchObject({ username: 'li.ming', displayName: '李明', email: 'li@example.cn', isSysadmin: false });
      expect(repo.users).toHaveLength(1);
    });

    it('names every invalid field, and stores nothing', async () => {
      expect(await badFields(users.createUser(sysadmin(), { username: 'x', displayName: ' ', email: 'not-an-address' }))).toEqual([
        'username',
        'displayName',
        'email',
      ]);
      expect(await badFields(users.createUser(sysadmin(), { username: 'has space', displayName: 'a' }))).toEqual(['username']);
      expect(repo.users).toEqual([]);
    });

    it('refuses a username that exists', async () => {
      await users.createUser(sysadmin(), { username: 'li', displayName: '李' });
      expect(await codeOf(users.createUser(sysadmin(), { username: 'LI', displayName: '另一个李' }))).toBe('CONFLICT');
      expect(repo.users).toHaveLength(1);
    });
  });

  it('finds users by their username in any case, and says when there is none', async () => {
    const li = await users.createUser(sysadmin(), { username: 'li', displayName: '李' });
    await expect(users.getByUsername(' LI ')).resolves.toEqual(li);
    expect(await codeOf(users.getByUsername('wang'))).toBe('NOT_FOUND');
  });

  describe('memberships', () => {
    beforeEach(() => users.createUser(sysadmin(), { username: 'li', displayName: '李' }));

    it("are managed by the organization's admins and system administrators", async () => {
      expect(await codeOf(users.setMembership(signedIn('ed', { 'org-1': 'editor' }), { username: 'li', organizationId: 'org-1', role: 'editor' }))).toBe('FORBIDDEN');
      expect(await codeOf(users.setMembership(orgAdmin, { username: 'li', organizationId: 'org-2', role: 'editor' }))).toBe('FORBIDDEN');
      expect(await codeOf(users.removeMembership(ANONYMOUS, { username: 'li', organizationId: 'org-1' }))).toBe('UNAUTHENTICATED');
      expect(repo.memberships).toEqual([]);

      await users.setMembership(orgAdmin, { username: 'li', organizationId: 'org-1', role: 'editor' });
      const changed = await users.setMembership(sysadmin(), { username: 'li', organizationId: 'org-1', role: 'reviewer' });
      expect(changed).toMatchObject({ userId: 'user-1', organizationId: 'org-1', role: 'reviewer' });
      await expect(users.membershipsOf('user-1')).resolves.toHaveLength(1);
      await users.removeMembership(orgAdmin, { username: 'li', organizationId: 'org-1' });
      await expect(users.membershipsOf('user-1')).resolves.toEqual([]);
    });

    it('take known roles and known users only', async () => {
      expect(await badFields(users.setMembership(orgAdmin, { username: 'li', organizationId: 'org-1', role: 'owner' as OrgRole }))).toEqual(['role']);
      expect(await codeOf(users.setMembership(orgAdmin, { username: 'wang', organizationId: 'org-1', role: 'editor' }))).toBe('NOT_FOUND');
      expect(repo.memberships).toEqual([]);
    });
  });

  describe('ensureSystemUser', () => {
    const tx = { transaction: 1 } as never;

    it('creates the account as a system administrator, in the given transaction', async () => {
      const user = await users.ensureSystemUser('sysadmin', '系统管理员', tx);
      expect(user).toMatchObject({ username: 'sysadmin', isSysadmin: true, email: null });
      expect(repo.transactions.every((t) => t === tx)).toBe(true);
    });

    it('promotes and re-enables an existing account, and leaves a working one alone', async () => {
      const existing = await repo.insert({ username: 'sysadmin', displayName: 'x', email: null, isSysadmin: false });
      existing.disabledAt = new Date();
      await expect(users.ensureSystemUser('sysadmin', '系统管理员', tx)).resolves.toMatchObject({ id: existing.id, isSysadmin: true, disabledAt: null });
      expect(repo.users[0]).toMatchObject({ isSysadmin: true, disabledAt: null });
      const restore = jest.spyOn(repo, 'restoreSysadmin');
      await users.ensureSystemUser('sysadmin', '系统管理员', tx);
      expect(restore).not.toHaveBeenCalled();
      expect(repo.users).toHaveLength(1);
    });
  });
});
