import { Injectable } from '@nestjs/common';
import { SqlRepository, Tx } from '@opendata/database';
import { OrgRole } from './caller';
import { MembershipEntity, UserEntity } from './entities';

export type NewUser = Pick<UserEntity, 'username' | 'displayName' | 'email' | 'isSysadmin'>;

/** The statements on users and their memberships. */
@Injectable()
export class UserRepository extends SqlRepository {
  findByUsername(username: string, tx?: Tx): Promise<UserEntity | null> {
    return this.manager(tx).getRepository(UserEntity).findOneBy({ username });
  }

  existsByUsername(username: string): Promise<boolean> {
    return this.manager().getRepository(UserEntity).existsBy({ username });
  }

  insert(user: NewUser, tx?: Tx): Promise<UserEntity> {
    const users = this.manager(tx).getRepository(UserEntity);
    return users.save(users.create(user));
  }

  /** Makes the user a system administrator again, enabled. */
  async restoreSysadmin(userId: string, tx?: Tx): Promise<void> {
    await this.manager(tx).getRepository(UserEntity).update({ id: userId }, { isSysadmin: true, disabledAt: null });
  }

  /** Gives the user this role in the organization, replacing the role they had there. */
  async upsertMembership(membership: { userId: string; organizationId: string; role: OrgRole }): Promise<MembershipEntity> {
    const memberships = this.manager().getRepository(MembershipEntity);
    await memberships.upsert(membership, ['userId', 'organizationId']);
    return memberships.findOneByOrFail({ userId: membership.userId, organizationId: membership.organizationId });
  }

  async deleteMembership(userId: string, organizationId: string): Promise<void> {
    await this.manager().getRepository(MembershipEntity).delete({ userId, organizationId });
  }

  /** A user's memberships, oldest first. */
  membershipsOf(userId: string): Promise<MembershipEntity[]> {
    return this.manager().getRepository(MembershipEntity).find({ where: { userId }, order: { createdAt: 'ASC' } });
  }
}
