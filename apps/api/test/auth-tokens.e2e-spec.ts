import { ADMIN_TOKEN_USER, SYSTEM, TokenService, UserService, hashToken } from '@opendata/auth';
import { DataSource } from 'typeorm';
import { TEST_ADMIN_TOKEN, TestApp, startTestApp } from '../../../test/support/test-app';

const WHO = `{ datasets(first: 0) { totalCount } }`;

describe('API tokens', () => {
  let t: TestApp;
  let tokens: TokenService;

  beforeAll(async () => {
    t = await startTestApp();
    tokens = t.app.get(TokenService);
    await t.app.get(UserService).createUser(SYSTEM, { username: 'li.ming', displayName: '李明' });
  });
  afterAll(() => t.close());

  it('hands out a random token once and stores only its hash', async () => {
    const { token, record } = await tokens.createToken(SYSTEM, { username: 'li.ming', name: 'laptop' });
    expect(token).toMatch(/^odp_[A-Za-z0-9_-]{43}$/);
    const rows = await t.app.get(DataSource).query(`SELECT token_hash, prefix FROM api_tokens WHERE id = $1`, [record.id]);
    expect(rows[0].token_hash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect((await t.gql(WHO, {}, token)).status).toBe(200);
  });

  it('stops accepting a token once revoked', async () => {
    const { token, record } = await tokens.createToken(SYSTEM, { username: 'li.ming', name: 'to revoke' });
    expect((await t.gql(WHO, {}, token)).status).toBe(200);
    await tokens.revokeToken(SYSTEM, record.id);
    const res = await t.gql(WHO, {}, token);
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stops accepting a token after its expiry', async () => {
    const { token, record } = await tokens.createToken(SYSTEM, {
      username: 'li.ming',
      name: 'short-lived',
      expiresAt: new Date(Date.now() + 60_000),
    });
    expect((await t.gql(WHO, {}, token)).status).toBe(200);
    await t.app.get(DataSource).query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [record.id]);
    expect((await t.gql(WHO, {}, token)).status).toBe(401);
  });

  it('refuses an expiry in the past and tokens for other users from non-administrators', async () => {
    await expect(
      tokens.createToken(SYSTEM, { username: 'li.ming', name: 'x', expiresAt: new Date(Date.now() - 1000) }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    const caller = await tokens.authenticate((await tokens.createToken(SYSTEM, { username: 'li.ming', name: 'self' })).token);
    await expect(tokens.createToken(caller, { username: ADMIN_TOKEN_USER, name: 'steal' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('makes ADMIN_TOKEN a system-administrator token, and a changed value replaces the old one', async () => {
    const admin = await tokens.authenticate(TEST_ADMIN_TOKEN);
    expect(admin).toMatchObject({ username: ADMIN_TOKEN_USER, isSysadmin: true });
    await tokens.ensureAdminToken('a-new-admin-token-value');
    await expect(tokens.authenticate(TEST_ADMIN_TOKEN)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await tokens.authenticate('a-new-admin-token-value')).isSysadmin).toBe(true);
    await tokens.ensureAdminToken(TEST_ADMIN_TOKEN);
    expect((await tokens.authenticate(TEST_ADMIN_TOKEN)).isSysadmin).toBe(true);
  });

  it('refuses a malformed Authorization header', async () => {
    const res = await t.http.post('/graphql').set('authorization', 'Token abc').send({ query: WHO });
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
