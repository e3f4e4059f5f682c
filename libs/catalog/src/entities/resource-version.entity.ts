import { entityRows } from '@opendata/database';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One uploaded file of a resource. Insert-only: a database trigger refuses updates and deletes. */
@Entity({ name: 'resource_versions' })
export class ResourceVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'resource_id' })
  resourceId: string;

  @Column('integer')
  version: number;

  /** Upper-case file format (CSV, JSON, XLSX ...). */
  @Column('text')
  format: string;

  @Column('text', { name: 'media_type' })
  mediaType: string;

  /** bigint comes back from pg as a string; files can exceed 2^53 bytes only in theory. */
  @Column('bigint', { name: 'byte_size', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  byteSize: number;

  @Column('char', { length: 64 })
  sha256: string;

  @Column('text', { name: 'object_key' })
  objectKey: string;

  @Column('text', { name: 'file_name' })
  fileName: string;

  @Column('text', { name: 'schema_id', nullable: true })
  schemaId: string | null;

  @Column('bigint', {
    name: 'row_count',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  rowCount: number | null;

  /** The typed row table (in the datastore schema) holding the validated rows; null for non-tabular files. */
  @Column('text', { name: 'datastore_table', nullable: true })
  datastoreTable: string | null;

  @Column('uuid', { name: 'report_id', nullable: true })
  reportId: string | null;

  /** Text encoding the file was read in (utf-8, gb18030 ...). */
  @Column('text', { nullable: true })
  encoding: string | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** The select list (table alias `v`) and row mapper of hand-written reads of resource versions. */
export const VERSION_ROWS = entityRows(ResourceVersionEntity, 'v');
