import { Injectable } from '@nestjs/common';
import { appError, badInput, fieldError, notFound } from '@opendata/common';
import { Tx } from '@opendata/database';
import { createHash, randomBytes } from 'node:crypto';
import { Caller, SYSTEM } from './caller';
import { ApiTokenEntity } from './entities';
import { requireSignedIn } from './policy';
import { TokenRepository } from './token.repository';
import { UserService } from './user.service';

const TOKEN_PREFIX = 'odp_';
/** The user that owns the token given by the ADMIN_TOKEN setting. */
export const ADMIN_TOKEN_USER = 'sysadmin';
const ADMIN_TOKEN_NAME = 'ADMIN_TOKEN';

export interface CreatedToken {
  /** The token itself: shown once, never stored. */
  token: string;
  record: ApiTokenEntity;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * API tokens: random 256-bit secrets handed out once and kept only as SHA-256 hashes (a fast hash is enough
 * for random secrets of that length; there is nothing to brute-force).
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly tokens: TokenRepository,
    private readonly users: UserService,
  ) {}

  /** The caller a bearer token stands for; UNAUTHENTICATED when it is unknown, revoked or expired. */
  async authenticate(token: string): Promise<Caller> {
    const found = await this.tokens.findActive(hashToken(token));
    if (!found) throw appError('UNAUTHENTICATED', 'auth.tokenInvalid');
    // Recording use is best effort (and at most once a minute per token): it must not slow every request.
    void this.tokens.recordUse(found.tokenId).catch(() => undefined);
    return found.caller;
  }

  /** Creates a token for a user: system administrators for anyone, users for themselves. */
  async createToken(caller: Caller, input: { username: string; name: string; expiresAt?: Date | null }): Promise<CreatedToken> {
    requireSignedIn(caller);
    const user = await this.users.getByUsername(input.username);
    if (!caller.isSysadmin && caller.userId !== user.id) {
      throw appError('FORBIDDEN', 'token.ownOnly');
    }
    const name = input.name.trim();
    if (!name || name.length > 100) throw badInput([fieldError('name', 'input.lengthRange', { min: 1, max: 100 })]);
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
      throw badInput([fieldError('expiresAt', 'input.future')]);
    }
    return this.insertToken(user.id, name, newToken(), input.expiresAt ?? null);
  }

  async revokeToken(caller: Caller, tokenId: string): Promise<void> {
    requireSignedIn(caller);
    const token = await this.tokens.findById(tokenId);
    if (!token || (!caller.isSysadmin && token.userId !== caller.userId)) {
      throw notFound('token', tokenId);
    }
    if (!token.revokedAt) await this.tokens.revoke(tokenId);
  }

  async listTokens(caller: Caller, username: string): Promise<ApiTokenEntity[]> {
    requireSignedIn(caller);
    const user = await this.users.getByUsername(username);
    if (!caller.isSysadmin && caller.userId !== user.id) throw appError('FORBIDDEN', 'token.listOwnOnly');
    return this.tokens.listByUser(user.id);
  }

  /**
   * Makes the ADMIN_TOKEN setting a working system-administrator token with exactly that value; a previous
   * value stops working.
   */
  async ensureAdminToken(value: string): Promise<void> {
    const hash = hashToken(value);
    await this.tokens.withTransaction(SYSTEM, async (tx) => {
      const user = await this.users.ensureSystemUser(ADMIN_TOKEN_USER, '系统管理员 (ADMIN_TOKEN)', tx);
      await this.tokens.revokeNamedExcept(user.id, ADMIN_TOKEN_NAME, hash, tx);
      const existing = await this.tokens.findByHash(hash, tx);
      if (!existing) {
        await this.insertToken(user.id, ADMIN_TOKEN_NAME, value, null, tx);
      } else if (existing.userId !== user.id || existing.revokedAt || existing.expiresAt) {
        await this.tokens.reissue(existing.id, user.id, ADMIN_TOKEN_NAME, tx);
      }
    });
  }

  private async insertToken(userId: string, name: string, token: string, expiresAt: Date | null, tx?: Tx): Promise<CreatedToken> {
    const record = await this.tokens.insert({ userId, name, tokenHash: hashToken(token), prefix: token.slice(0, 12), expiresAt }, tx);
    return { token, record };
  }
}

function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}
