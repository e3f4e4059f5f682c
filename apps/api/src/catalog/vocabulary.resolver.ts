import { Query, Resolver } from '@nestjs/graphql';
import { LICENCES, ThemeService } from '@opendata/catalog';
import { toThemeModel } from './catalog.mappers';
import { LicenceModel } from './dataset.models';
import { ThemeModel } from './vocabulary.models';

@Resolver()
export class VocabularyResolver {
  constructor(private readonly themeService: ThemeService) {}

  @Query(() => [ThemeModel], { description: 'The theme vocabularies: 政务信息资源目录 classes and EU data themes.' })
  async themes(): Promise<ThemeModel[]> {
    return (await this.themeService.list()).map(toThemeModel);
  }

  @Query(() => [LicenceModel], { description: 'Licences a dataset may carry.' })
  licences(): LicenceModel[] {
    return [...LICENCES];
  }
}
