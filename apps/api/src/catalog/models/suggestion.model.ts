import { Field, ObjectType } from '@nestjs/graphql';
import { SuggestionKindEnum } from '../catalog.enums';

@ObjectType('Suggestion', { description: 'A completion for what a person is typing into the search box.' })
export class SuggestionModel {
  @Field(() => SuggestionKindEnum, { description: 'What the suggestion names.' })
  kind: SuggestionKindEnum;

  @Field({ description: 'Text to show: the dataset title, organization name, tag or theme label.' })
  label: string;

  @Field({ description: 'Dataset or organization slug, the tag itself, or the theme code.' })
  key: string;
}
