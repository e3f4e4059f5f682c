import { Injectable } from '@nestjs/common';
import { SqlRepository, Tx } from '@opendata/database';
import { Caller, OrgRole } from './caller';
import { ApiTokenEntity } from './entities';

export type NewToken = Pick<ApiTokenEntity, 'userId' | 'name' | 'tokenHash' | 'prefix' | 'expiresAt'>;

/** A usable token (not revoked, not expired, its user enabled) and the caller it stands for. */
export interface ActiveToken {
  tokenId: string;
  caller: Caller;
}

/** The statements on API tokens. */
@Injectable()
export class TokenRepository extends SqlRepository {
  /** The usable token with this hash, with its user's roles in every organization; null when there is none. */
  async findActive(tokenHash: string): Promise<ActiveToken | null> {
    const rows: Array<{ token_id: string; user_id: string; username: string; is_sysadmin: boolean; roles: Record<string, OrgRole> }> =
      await this.db.query(
        `SELECT t.id AS token_id, u.id AS user_id, u.username, u.is_sysadmin,
                coalesce(json_object_agg(m.organization_id, m.role) FILTER (WHERE m.organization_id IS NOT NULL), '{}') AS roles
         FROM api_tokens t
         JOIN users u ON u.id = t.user_id AND u.disabled_at IS NULL
         LEFT JOIN memberships m ON m.user_id = u.id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
         GROUP BY t.id, u.id`,
        [tokenHash],
      );
    if (rows.length === 0) return null;
    const row = rows[0];
    return {
      tokenId: row.token_id,
      caller: { userId: row.user_id, username: row.username, isSysadmin: row.is_sysadmin, roles: new Map(Object.entries(row.roles)) },
    };
  }

  /** Records that the token was used, unless that was recorded less than a minute ago. */
  async recordUse(tokenId: string): Promise<void> {
    await this.db.query(
      `UPDATE api_tokens SET last_used_at = now()
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [tokenId],
    );
  }

  findById(tokenId: string): Promise<ApiTokenEntity | null> {
    return this.manager().getRepository(ApiTokenEntity).findOneBy({ id: tokenId });
  }

  findByHash(tokenHash: string, tx?: Tx): Promise<ApiTokenEntity | null> {
    return this.manager(tx).getRepository(ApiTokenEntity).findOneBy({ tokenHash });
  }

  /** A user's tokens, oldest first. */
  listByUser(userId: string): Promise<ApiTokenEntity[]> {
    return this.manager().getRepository(ApiTokenEntity).find({ where: { userId }, order: { createdAt: 'ASC' } });
  }

  insert(token: NewToken, tx?: Tx): Promise<ApiTokenEntity> {
    const tokens = this.manager(tx).getRepository(ApiTokenEntity);
    return tokens.save(tokens.create(token));
  }

  async revoke(tokenId: string): Promise<void> {
    await this.manager().getRepository(ApiTokenEntity).update({ id: tokenId }, { revokedAt: new Date() });
  }

  /** Revokes the user's unrevoked tokens of this name, except the one with hash `keepHash`. */
  async revokeNamedExcept(userId: string, name: string, keepHash: string, tx?: Tx): Promise<void> {
    await this.on(tx).query(
      `UPDATE api_tokens SET revoked_at = now()
       WHERE user_id = $1 AND name = $2 AND token_hash <> $3 AND revoked_at IS NULL`,
      [userId, name, keepHash],
    );
  }

  /** Gives a token to a user under a name, unrevoked and without expiry. */
  async reissue(tokenId: string, userId: string, name: string, tx?: Tx): Promise<void> {
    await this.manager(tx).getRepository(ApiTokenEntity).update({ id: tokenId }, { userId, name, revokedAt: null, expiresAt: null });
  }
}
