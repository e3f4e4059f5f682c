import { ANONYMOUS, Caller, SYSTEM } from './caller';
import { ApiTokenEntity, UserEntity } from './entities';
import { ActiveToken, NewToken, TokenRepository } from './token.repository';
import { ADMIN_TOKEN_USER, TokenService, hashToken } from './token.service';
import { UserService } from './user.service';
import { FAKE_TX, FakeTransactions, badFields, codeOf, signedIn, sysadmin } from '../../../test/support/unit-fakes';

/** Tokens in memory, with the methods TokenService uses. */
class FakeTokens extends FakeTransactions {
  readonly tokens: ApiTokenEntity[] = [];
  readonly handles: unknown[] = [];
  active: ActiveToken | null = null;
  readonly used: string[] = [];

  async findActive(hash: string): Promise<ActiveToken | null> {
    return this.active && this.tokens.some((t) => t.id === this.active!.tokenId && t.tokenHash === hash) ? this.active : null;
  }

  async recordUse(tokenId: string): Promise<void> {
    this.used.push(tokenId);
  }

  async findById(id: string): Promise<ApiTokenEntity | null> {
    return this.tokens.find((t) => t.id === id) ?? null;
  }

  async findByHash(hash: string, tx?: unknown): Promise<ApiTokenEntity | null> {
    this.handles.push(tx);
    return this.tokens.find((t) => t.tokenHash === hash) ?? null;
  }

  async listByUser(userId: string): Promise<ApiTokenEntity[]> {
    return this.tokens.filter((t) => t.userId === userId);
  }

  async insert(token: NewToken, tx?: unknown): Promise<ApiTokenEntity> {
    this.handles.push(tx);
    const record = { ...token, id: `token-${this.tokens.length + 1}`, createdAt: new Date(), revokedAt: null, lastUsedAt: null };
    this.tokens.push(record);
    return record;
  }

  async revoke(id: string): Promise<void> {
    this.tokens.find((t) => t.id === id)!.revokedAt = new Date();
  }

  async revokeNamedExcept(userId: string, name: string, keepHash: string, tx?: unknown): Promise<void> {
    this.handles.push(tx);
    for (const t of this.tokens) if (t.userId === userId && t.name === name && t.tokenHash !== keepHash && !t.revokedAt) t.revokedAt = new Date();
  }

  async reissue(id: string, userId: string, name: string, tx?: unknown): Promise<void> {
    this.handles.push(tx);
    Object.assign(this.tokens.find((t) => t.id === id)!, { userId, name, revokedAt: null, expiresAt: null });
  }
}

const user = (id: string, username: string): UserEntity => ({ id, username, displayName: username, email: null, isSysadmin: false, createdAt: new Date(), disabledAt: null });

describe('TokenService', () => {
  let repo: FakeTokens;
  let tokens: TokenService;
  const li = user('u-li', 'li');
  const wang = user('u-wang', 'wang');
  const system = user('u-system', ADMIN_TOKEN_USER);
  const asLi: Caller = signedIn('u-li');

  beforeEach(() => {
    repo = new FakeTokens();
    const users = {
      getByUsername: async (name: string) => {
        const found = [li, wang].find((u) => u.username === name);
        if (!found) throw Object.assign(new Error('not found'), { code: 'NOT_FOUND' });
        return found;
      },
      ensureSystemUser: jest.fn(async () => system),
    };
    tokens = new TokenService(repo as unknown as TokenRepository, users as unknown as UserService);
  });

  describe('createToken', () => {
    it('gives a token once and stores only its hash and first characters', async () => {
      const { token, record } = await tokens.createToken(asLi, { username: 'li', name: ' laptop ' });
      expect(token).toMatch(/^odp_[A-Za-z0-9_-]{43}$/);
      expect(record).toMatchObject({ userId: 'u-li', name: 'laptop', tokenHash: hashToken(token), prefix: token.slice(0, 12), expiresAt: null });
      expect(JSON.stringify(repo.tokens)).not.toContain(token);
      const other = await tokens.createToken(asLi, { username: 'li', name: 'phone' });
      expect(other.token).not.toBe(token);
    });

    it("lets users create their own tokens, and system administrators anyone's", async () => {
      expect(await codeOf(tokens.createToken(ANONYMOUS, { username: 'li', name: 'x' }))).toBe('UNAUTHENTICATED');
      expect(await codeOf(tokens.createToken(asLi, { username: 'wang', name: 'x' }))).toBe('FORBIDDEN');
      await expect(tokens.createToken(sysadmin(), { username: 'wang', name: 'x' })).resolves.toMatchObject({ record: { userId: 'u-wang' } });
      expect(repo.tokens).toHaveLength(1);
    });

    it('wants a name of 1 to 100 characters and an expiry in the future', async () => {
      expect(await badFields(tokens.createToken(asLi, { username: 'li', name: '  ' }))).toEqual(['name']);
      expect(await badFields(tokens.createToken(asLi, { username: 'li', name: 'x'.repeat(101) }))).toEqual(['name']);
      expect(await badFields(tokens.createToken(asLi, { username: 'li', name: 'x', expiresAt: new Date(Date.now() - 1000) }))).toEqual(['expiresAt']);
      expect(repo.tokens).toEqual([]);
      const later = new Date(Date.now() + 86_400_000);
      await expect(tokens.createToken(asLi, { username: 'li', name: 'x', expiresAt: later })).resolves.toMatchObject({ record: { expiresAt: later } });
    });
  });

  describe('authenticate', () => {
    it('returns the caller of a usable token and records its use', async () => {
      const { token, record } = await tokens.createToken(asLi, { username: 'li', name: 'x' });
      repo.active = { tokenId: record.id, caller: asLi };
      await expect(tokens.authenticate(token)).resolves.toBe(asLi);
      expect(repo.used).toEqual([record.id]);
    });

    it('refuses unknown tokens', async () => {
      expect(await codeOf(tokens.authenticate('odp_unknown'))).toBe('UNAUTHENTICATED');
      expect(repo.used).toEqual([]);
    });

    it('does not fail when recording the use fails', async () => {
      const { token, record } = await tokens.createToken(asLi, { username: 'li', name: 'x' });
      repo.active = { tokenId: record.id, caller: asLi };
      repo.recordUse = () => Promise.reject(new Error('connection lost'));
      await expect(tokens.authenticate(token)).resolves.toBe(asLi);
    });
  });

  describe('revokeToken and listTokens', () => {
    it("let users revoke and list their own tokens, and system administrators anyone's", async () => {
      const mine = (await tokens.createToken(asLi, { username: 'li', name: 'mine' })).record;
      const theirs = (await tokens.createToken(sysadmin(), { username: 'wang', name: 'theirs' })).record;
      // Someone else's token is as unknown as a missing one.
      expect(await codeOf(tokens.revokeToken(asLi, theirs.id))).toBe('NOT_FOUND');
      expect(await codeOf(tokens.revokeToken(asLi, 'token-99'))).toBe('NOT_FOUND');
      expect(await codeOf(tokens.revokeToken(ANONYMOUS, mine.id))).toBe('UNAUTHENTICATED');
      expect(theirs.revokedAt).toBeNull();
      await tokens.revokeToken(asLi, mine.id);
      await tokens.revokeToken(sysadmin(), theirs.id);
      expect(repo.tokens.every((t) => t.revokedAt)).toBe(true);

      expect(await codeOf(tokens.listTokens(asLi, 'wang'))).toBe('FORBIDDEN');
      await expect(tokens.listTokens(asLi, 'li')).resolves.toEqual([mine]);
      await expect(tokens.listTokens(sysadmin(), 'wang')).resolves.toEqual([theirs]);
    });

    it('leaves the time of an earlier revocation as it was', async () => {
      const mine = (await tokens.createToken(asLi, { username: 'li', name: 'mine' })).record;
      const revoke = jest.spyOn(repo, 'revoke');
      await tokens.revokeToken(asLi, mine.id);
      await tokens.revokeToken(asLi, mine.id);
      expect(revoke).toHaveBeenCalledTimes(1);
    });
  });

  describe('ensureAdminToken', () => {
    it('creates the token for the system account, as the system, in one transaction', async () => {
      await tokens.ensureAdminToken('a-long-admin-token-value');
      expect(repo.actors).toEqual([SYSTEM]);
      expect(repo.handles.length).toBeGreaterThan(0);
      expect(repo.handles.every((h) => h === FAKE_TX)).toBe(true);
      expect(repo.tokens).toEqual([expect.objectContaining({ userId: 'u-system', name: 'ADMIN_TOKEN', tokenHash: hashToken('a-long-admin-token-value') })]);
    });

    it('revokes the previous value, and brings back a token with this value', async () => {
      await tokens.ensureAdminToken('first-admin-token-value');
      await tokens.ensureAdminToken('second-admin-token-value');
      const [first, second] = repo.tokens;
      expect(first.revokedAt).not.toBeNull();
      expect(second.revokedAt).toBeNull();
      await tokens.ensureAdminToken('first-admin-token-value');
      expect(repo.tokens).toHaveLength(2);
      expect(first).toMatchObject({ revokedAt: null, userId: 'u-system' });
      expect(second.revokedAt).not.toBeNull();
    });

    it('takes a token with this value back from another user', async () => {
      await repo.insert({ userId: 'u-li', name: 'laptop', tokenHash: hashToken('shared-token-value-x'), prefix: 'shared-token', expiresAt: new Date(Date.now() + 1000) });
      await tokens.ensureAdminToken('shared-token-value-x');
      expect(repo.tokens).toEqual([expect.objectContaining({ userId: 'u-system', name: 'ADMIN_TOKEN', expiresAt: null, revokedAt: null })]);
    });
  });
});
