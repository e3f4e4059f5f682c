import { ApiTokenEntity } from './api-token.entity';
import { MembershipEntity } from './membership.entity';
import { UserEntity } from './user.entity';

export { ApiTokenEntity, MembershipEntity, UserEntity };

export const AUTH_ENTITIES = [UserEntity, ApiTokenEntity, MembershipEntity];
