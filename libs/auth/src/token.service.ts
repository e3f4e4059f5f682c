import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppError, badInput } from '@opendata/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Caller, OrgRole } from './caller';
import { ApiTokenEntity } from './entities';
import { requireSignedIn } from './policy';
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
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UserService,
  ) {}

  /** The caller a bearer token stands for; UNAUTHENTICATED when it is unknown, revoked or expired. */
  async authenticate(token: string): Promise<Caller> {
    const rows: Array<{ token_id: string; user_id: string; username: string; is_sysadmin: boolean; roles: Record<string, OrgRole> }> =
      await this.db.query(
        `SELECT t.id AS token_id, u.id AS user_id, u.username, u.is_sysadmin,
                coalesce(json_object_agg(m.organization_id, m.role) FILTER (WHERE m.organization_id IS NOT NULL), '{}') AS roles
         FROM api_tokens t
         JOIN users u ON u.id = t.user_id AND u.disabled_at IS NULL
         LEFT JOIN memberships m ON m.user_id = u.id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
         GROUP BY t.id, u.id`,
        [hashToken(token)],
      );
    if (rows.length === 0) throw new AppError('UNAUTHENTICATED', 'The API token is not valid (unknown, revoked or expired)');
    const row = rows[0];
    // Recording use is best effort and at most once a minute per token: it must not slow every request.
    void this.db
      .query(
        `UPDATE api_tokens SET last_used_at = now()
         WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [row.token_id],
      )
      .catch(() => undefined);
    return {
      userId: row.user_id,
      username: row.username,
      isSysadmin: row.is_sysadmin,
      roles: new Map(Object.entries(row.roles)),
    };
  }

  /** Creates a token for a user: system administrators for anyone, users for themselves. */
  async createToken(caller: Caller, input: { username: string; name: string; expiresAt?: Date | null }): Promise<CreatedToken> {
    requireSignedIn(caller);
    const user = await this.users.getByUsername(input.username);
    if (!caller.isSysadmin && caller.userId !== user.id) {
      throw new AppError('FORBIDDEN', 'You may create tokens for yourself only');
    }
    const name = input.name.trim();
    if (!name || name.length > 100) throw badInput([{ path: 'name', message: 'must be 1 to 100 characters' }]);
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
      throw badInput([{ path: 'expiresAt', message: 'must be in the future' }]);
    }
    return this.insertToken(this.db.manager, user.id, name, newToken(), input.expiresAt ?? null);
  }

  async revokeToken(caller: Caller, tokenId: string): Promise<void> {
    requireSignedIn(caller);
    const repo = this.db.getRepository(ApiTokenEntity);
    const token = await repo.findOneBy({ id: tokenId });
    if (!token || (!caller.isSysadmin && token.userId !== caller.userId)) {
      throw new AppError('NOT_FOUND', `Token "${tokenId}" was not found`);
    }
    if (!token.revokedAt) await repo.update({ id: tokenId }, { revokedAt: new Date() });
  }

  async listTokens(caller: Caller, username: string): Promise<ApiTokenEntity[]> {
    requireSignedIn(caller);
    const user = await this.users.getByUsername(username);
    if (!caller.isSysadmin && caller.userId !== user.id) throw new AppError('FORBIDDEN', 'You may list your own tokens only');
    return this.db.getRepository(ApiTokenEntity).find({ where: { userId: user.id }, order: { createdAt: 'ASC' } });
  }

  /**
   * Makes the ADMIN_TOKEN setting a working system-administrator token with exactly that value; a previous
   * value stops working.
   */
  async ensureAdminToken(value: string): Promise<void> {
    const hash = hashToken(value);
    await this.db.transaction(async (manager) => {
      const user = await this.users.ensureSystemUser(manager, ADMIN_TOKEN_USER, '系统管理员 (ADMIN_TOKEN)');
      await manager.query(
        `UPDATE api_tokens SET revoked_at = now()
         WHERE user_id = $1 AND name = $2 AND token_hash <> $3 AND revoked_at IS NULL`,
        [user.id, ADMIN_TOKEN_NAME, hash],
      );
      const existing = await manager.getRepository(ApiTokenEntity).findOneBy({ tokenHash: hash });
      if (!existing) {
        await this.insertToken(manager, user.id, ADMIN_TOKEN_NAME, value, null);
      } else if (existing.userId !== user.id || existing.revokedAt || existing.expiresAt) {
        await manager.getRepository(ApiTokenEntity).update(
          { id: existing.id },
          { userId: user.id, name: ADMIN_TOKEN_NAME, revokedAt: null, expiresAt: null },
        );
      }
    });
  }

  private async insertToken(manager: EntityManager, userId: string, name: string, token: string, expiresAt: Date | null): Promise<CreatedToken> {
    const record = await manager.getRepository(ApiTokenEntity).save(
      manager.getRepository(ApiTokenEntity).create({
        userId,
        name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, 12),
        expiresAt,
      }),
    );
    return { token, record };
  }
}

function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}
