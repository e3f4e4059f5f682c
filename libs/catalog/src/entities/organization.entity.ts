import { entityRows } from '@opendata/database';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A publisher: a city bureau or other government body (信息资源提供方). */
@Entity({ name: 'organizations' })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  slug: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'name_en', nullable: true })
  nameEn: string | null;

  @Column('text', { nullable: true })
  description: string | null;

  /** 统一社会信用代码 (提供方代码). */
  @Column('char', { length: 18, nullable: true })
  uscc: string | null;

  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId: string | null;

  @Column('text', { name: 'contact_name', nullable: true })
  contactName: string | null;

  @Column('text', { name: 'contact_email', nullable: true })
  contactEmail: string | null;

  @Column('text', { name: 'contact_phone', nullable: true })
  contactPhone: string | null;

  /** Whether publications need a reviewer's sign-off (保密审查); on unless a system administrator turns it off. */
  @Column('boolean', { name: 'review_required', default: true })
  reviewRequired: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** The select list (table alias `o`) and row mapper of hand-written reads of organizations. */
export const ORGANIZATION_ROWS = entityRows(OrganizationEntity, 'o');
