import { Injectable } from '@nestjs/common';
import { SqlRepository } from '@opendata/database';
import { ThemeEntity } from './entities';

/** The themes table: the vocabularies of vocabularies.ts, mirrored for joins and exports. */
@Injectable()
export class ThemeRepository extends SqlRepository {
  private vocabularyCache: Promise<Map<string, ThemeEntity>> | null = null;

  list(): Promise<ThemeEntity[]> {
    return this.db.getRepository(ThemeEntity).find({ order: { sortOrder: 'ASC' } });
  }

  /** Every theme by code. The table changes only with the code (synchronised at boot), so it is read once. */
  vocabulary(): Promise<Map<string, ThemeEntity>> {
    this.vocabularyCache ??= this.db
      .getRepository(ThemeEntity)
      .find()
      .then((themes) => new Map(themes.map((t) => [t.code, t])));
    return this.vocabularyCache;
  }

  async upsert(themes: ThemeEntity[]): Promise<void> {
    await this.db.getRepository(ThemeEntity).upsert(themes, ['code']);
  }
}
