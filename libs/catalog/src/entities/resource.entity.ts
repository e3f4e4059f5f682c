import { entityRows } from '@opendata/database';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A distribution of a dataset. Its content lives in immutable versions (ResourceVersionEntity). */
@Entity({ name: 'resources' })
export class ResourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'dataset_id' })
  datasetId: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('integer')
  position: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'deleted_at', nullable: true })
  deletedAt: Date | null;
}

/** The select list (table alias `r`) and row mapper of hand-written reads of resources. */
export const RESOURCE_ROWS = entityRows(ResourceEntity, 'r');
