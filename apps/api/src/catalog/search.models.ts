import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DatasetModel } from './dataset.models';

export enum DatasetOrderFieldEnum {
  RELEVANCE = 'RELEVANCE',
  MODIFIED = 'MODIFIED',
  TITLE = 'TITLE',
  DOWNLOADS = 'DOWNLOADS',
  ISSUED = 'ISSUED',
}

export enum SuggestionKindEnum {
  DATASET = 'DATASET',
  ORGANIZATION = 'ORGANIZATION',
  TAG = 'TAG',
  THEME = 'THEME',
}

export enum OrderDirectionEnum {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(DatasetOrderFieldEnum, {
  name: 'DatasetOrderField',
  description: 'What dataset lists are sorted by.',
  valuesMap: {
    RELEVANCE: { description: 'Search relevance (needs a search; otherwise MODIFIED is used)' },
    MODIFIED: { description: 'Time of the last change to the record or its files' },
    TITLE: { description: 'Title, in code-point order' },
    DOWNLOADS: { description: 'Downloads of the files, most downloaded first (counts refreshed every minute)' },
    ISSUED: { description: '发布日期, newest first; ties by MODIFIED' },
  },
});
registerEnumType(SuggestionKindEnum, {
  name: 'SuggestionKind',
  description: 'What a search suggestion names.',
  valuesMap: {
    DATASET: { description: 'A dataset (key: its slug)' },
    ORGANIZATION: { description: 'A publishing organization (key: its slug)' },
    TAG: { description: 'A tag (key: the tag)' },
    THEME: { description: 'A theme (key: the theme code)' },
  },
});
registerEnumType(OrderDirectionEnum, { name: 'OrderDirection', description: 'Sort direction.' });

@ObjectType('PageInfo', { description: 'Relay page information.' })
export class PageInfoModel {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage: boolean;

  @Field({ description: 'Whether items precede this page.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor: string | null;
}

@ObjectType('DatasetEdge', { description: 'A dataset in a list, with its cursor.' })
export class DatasetEdgeModel {
  @Field({ description: 'Position of this dataset in the list.' })
  cursor: string;

  @Field(() => DatasetModel, { description: 'The dataset.' })
  node: DatasetModel;
}

@ObjectType('FacetBucket', { description: 'One value of a facet and how many datasets of the current search have it.' })
export class FacetBucketModel {
  @Field({ description: 'Value to filter by (slug, code, tag, format or enum value).' })
  key: string;

  @Field({ description: 'Human-readable label (Chinese).' })
  label: string;

  @Field(() => Int, { description: 'Datasets of the current search with this value.' })
  count: number;
}

@ObjectType('DatasetFacets', { description: 'Counts for the current search, by facet; the 30 most frequent values each.' })
export class DatasetFacetsModel {
  @Field(() => [FacetBucketModel], { description: 'By publishing organization (key: slug).' })
  organizations: FacetBucketModel[];

  @Field(() => [FacetBucketModel], { description: 'By theme (key: theme code).' })
  themes: FacetBucketModel[];

  @Field(() => [FacetBucketModel], { description: 'By tag.' })
  tags: FacetBucketModel[];

  @Field(() => [FacetBucketModel], { description: 'By file format of the latest versions.' })
  formats: FacetBucketModel[];

  @Field(() => [FacetBucketModel], { description: 'By 开放属性 (key: OpenAttribute value).' })
  openAttributes: FacetBucketModel[];

  @Field(() => [FacetBucketModel], { description: 'By priority domain (key: PriorityDomain value).' })
  priorityDomains: FacetBucketModel[];
}

@ObjectType('DatasetConnection', { description: 'A page of datasets (Relay connection).' })
export class DatasetConnectionModel {
  @Field(() => [DatasetEdgeModel], { description: 'The datasets of this page.' })
  edges: DatasetEdgeModel[];

  @Field(() => PageInfoModel, { description: 'Where this page is in the list.' })
  pageInfo: PageInfoModel;

  @Field(() => Int, { description: 'Number of datasets matching the search and filters.' })
  totalCount: number;

  @Field(() => DatasetFacetsModel, { description: 'Facet counts over all datasets matching the search and filters.' })
  facets: DatasetFacetsModel;

  @Field({
    description:
      'True when no dataset matched all the search terms together, and the results are the datasets matching most of them, ranked by how many.',
  })
  relaxed: boolean;

  @Field(() => [String], {
    description:
      'Words and phrases to highlight in titles and descriptions for this search, in Chinese characters: the segments of the query, and the synonyms and pinyin readings that matched. Empty without a search.',
  })
  highlightTerms: string[];
}

@ObjectType('Suggestion', { description: 'A completion for what a person is typing into the search box.' })
export class SuggestionModel {
  @Field(() => SuggestionKindEnum, { description: 'What the suggestion names.' })
  kind: SuggestionKindEnum;

  @Field({ description: 'Text to show: the dataset title, organization name, tag or theme label.' })
  label: string;

  @Field({ description: 'Dataset or organization slug, the tag itself, or the theme code.' })
  key: string;
}
