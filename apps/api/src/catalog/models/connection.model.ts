import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DatasetModel } from './dataset.model';

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
