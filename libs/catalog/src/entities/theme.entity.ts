import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ThemeScheme } from '../metadata/vocabularies';

/** One term of the theme vocabularies (政务信息资源目录 classes, EU data themes); see vocabularies.ts. */
@Entity({ name: 'themes' })
export class ThemeEntity {
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  scheme: ThemeScheme;

  @Column('text', { name: 'label_zh' })
  labelZh: string;

  @Column('text', { name: 'label_en' })
  labelEn: string;

  @Column('text', { name: 'class_group', nullable: true })
  group: string | null;

  @Column('text', { nullable: true })
  uri: string | null;

  @Column('integer', { name: 'sort_order' })
  sortOrder: number;
}
