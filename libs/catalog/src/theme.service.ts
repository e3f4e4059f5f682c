import { Injectable } from '@nestjs/common';
import { ThemeEntity } from './entities';
import { THEMES } from './metadata/vocabularies';
import { ThemeRepository } from './theme.repository';

/** The theme vocabularies: defined in code, mirrored into the themes table at boot for joins and exports. */
@Injectable()
export class ThemeService {
  constructor(private readonly themes: ThemeRepository) {}

  list(): Promise<ThemeEntity[]> {
    return this.themes.list();
  }

  async syncVocabulary(): Promise<void> {
    await this.themes.upsert(
      THEMES.map((t, index) => ({
        code: t.code,
        scheme: t.scheme,
        labelZh: t.labelZh,
        labelEn: t.labelEn,
        group: t.group,
        uri: t.uri,
        sortOrder: index,
      })),
    );
  }
}
