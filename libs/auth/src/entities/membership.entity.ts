import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { OrgRole } from '../caller';

/** A user's role in an organization. */
@Entity({ name: 'memberships' })
export class MembershipEntity {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId: string;

  @Column('text')
  role: OrgRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
