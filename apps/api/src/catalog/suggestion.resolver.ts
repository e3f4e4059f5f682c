import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Caller } from '@opendata/auth';
import { DatasetSearchService } from '@opendata/catalog';
import { CurrentCaller } from '../http/current-caller.decorator';
import { SuggestionKindEnum } from './catalog.enums';
import { SuggestionModel } from './models/suggestion.model';

@Resolver()
export class SuggestionResolver {
  constructor(private readonly searchService: DatasetSearchService) {}

  @Query(() => [SuggestionModel], {
    description:
      'Suggestions as a person types: dataset titles, organizations, tags and themes for a prefix in Chinese characters, pinyin (full or initials, e.g. kongqi, kqzl) or English; only what the caller may see.',
  })
  async suggest(
    @CurrentCaller() caller: Caller,
    @Args('prefix', { description: 'What has been typed so far, e.g. 空气, kongq, kq or air.' }) prefix: string,
    @Args('first', { type: () => Int, nullable: true, description: 'How many suggestions, 1 to 20; default 8.' }) first?: number | null,
  ): Promise<SuggestionModel[]> {
    const suggestions = await this.searchService.suggest(caller, prefix, first);
    return suggestions.map((s) => ({ ...s, kind: s.kind as SuggestionKindEnum }));
  }
}
