import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DatasetModel } from './dataset.models';

export enum DatasetOrderFieldEnum {
  RELEVANCE = 'RELEVANCE',
  MODIFIED = 'MODIFIED',
  TITLE = 'TITLE',
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
}
