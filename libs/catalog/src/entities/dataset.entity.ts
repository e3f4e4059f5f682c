import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import {
  DatasetStatus,
  OpenAttribute,
  PriorityDomain,
  ShareAttribute,
  UpdateFrequency,
} from '../metadata/vocabularies';

/**
 * A dataset record. Themes and tags live in join tables (dataset_themes, dataset_tags); the search columns of
 * the table are written with SQL by the search indexer and are not mapped here.
 */
@Entity({ name: 'datasets' })
export class DatasetEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  slug: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId: string;

  @Column('text')
  title: string;

  @Column('text', { name: 'title_en', nullable: true })
  titleEn: string | null;

  @Column('text')
  description: string;

  @Column('text', { name: 'description_en', nullable: true })
  descriptionEn: string | null;

  @Column('text')
  license: string;

  @Column('text', { name: 'open_attribute' })
  openAttribute: OpenAttribute;

  @Column('text', { name: 'open_condition', nullable: true })
  openCondition: string | null;

  @Column('text', { name: 'share_attribute' })
  shareAttribute: ShareAttribute;

  @Column('text', { name: 'share_condition', nullable: true })
  shareCondition: string | null;

  @Column('text', { name: 'share_method', nullable: true })
  shareMethod: string | null;

  @Column('text', { name: 'update_frequency' })
  updateFrequency: UpdateFrequency;

  @Column('text', { name: 'resource_code', nullable: true })
  resourceCode: string | null;

  /** YYYY-MM-DD */
  @Column('date', { nullable: true })
  issued: string | null;

  @Column('timestamptz')
  modified: Date;

  @Column('date', { name: 'temporal_start', nullable: true })
  temporalStart: string | null;

  @Column('date', { name: 'temporal_end', nullable: true })
  temporalEnd: string | null;

  @Column('text', { nullable: true })
  spatial: string | null;

  @Column('text', { name: 'spatial_code', nullable: true })
  spatialCode: string | null;

  @Column('text', { name: 'contact_name', nullable: true })
  contactName: string | null;

  @Column('text', { name: 'contact_email', nullable: true })
  contactEmail: string | null;

  @Column('text', { name: 'contact_phone', nullable: true })
  contactPhone: string | null;

  @Column('text', { name: 'priority_domain', nullable: true })
  priorityDomain: PriorityDomain | null;

  /** The item (1-39) of the 2017 openness plan the dataset answers. */
  @Column('smallint', { name: 'plan_item', nullable: true })
  planItem: number | null;

  @Column('text')
  status: DatasetStatus;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'deleted_at', nullable: true })
  deletedAt: Date | null;
}
