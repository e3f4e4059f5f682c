import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ThemeEntity } from './entities';
import { THEMES } from './metadata/vocabularies';

/** The theme vocabularies: defined in code, mirrored into the themes table at boot for joins and exports. */
@Injectable()
export class ThemeService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(): Promise<ThemeEntity[]> {
    return this.db.getRepository(ThemeEntity).find({ order: { sortOrder: 'ASC' } });
  }

  async syncVocabulary(): Promise<void> {
    await this.db.getRepository(ThemeEntity).upsert(
      THEMES.map((t, index) => ({
        code: t.code,
        scheme: t.scheme,
        labelZh: t.labelZh,
        labelEn: t.labelEn,
        group: t.group,
        uri: t.uri,
        sortOrder: index,
      })),
      ['code'],
    );
  }
}
