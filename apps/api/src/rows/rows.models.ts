import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RowFilter } from '@opendata/datastore';
import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import { PageInfoModel } from '../catalog/search.models';
import { RowNode, RowUnion } from './row-types';
import { VersionRows } from './row-access.service';

export enum RowMetricFunctionEnum {
  COUNT = 'count',
  SUM = 'sum',
  AVG = 'avg',
  MIN = 'min',
  MAX = 'max',
}
registerEnumType(RowMetricFunctionEnum, {
  name: 'RowMetricFunction',
  description: 'An aggregate function over rows.',
  valuesMap: {
    COUNT: { description: 'Number of rows (with a field: of rows where it has a value).' },
    SUM: { description: 'Sum of a numeric field.' },
    AVG: { description: 'Mean of a numeric field.' },
    MIN: { description: 'Smallest value (numbers, text, dates and times).' },
    MAX: { description: 'Largest value (numbers, text, dates and times).' },
  },
});

@ObjectType('RowEdge', { description: 'A row in a page, with its cursor.' })
export class RowEdgeModel {
  @Field({ description: 'Keyset cursor of this row; pass it as `after` for the rows that follow.' })
  cursor: string;

  @Field(() => RowUnion, { description: 'The row.' })
  node: RowNode;
}

@ObjectType('RowConnection', { description: 'A page of validated rows.' })
export class RowConnectionModel {
  @Field(() => [RowEdgeModel], { description: 'The rows with their cursors.' })
  edges: RowEdgeModel[];

  @Field(() => [RowUnion], { description: 'The rows.' })
  nodes: RowNode[];

  @Field(() => PageInfoModel, { description: 'Paging.' })
  pageInfo: PageInfoModel;

  @Field(() => Int, { description: 'The version the rows come from.' })
  version: number;

  /** For totalCount, resolved only when asked (once for both of its fields). */
  rows: VersionRows;
  where: RowFilter | null;
  count?: Promise<{ count: number; estimated: boolean }>;
}

@ObjectType('RowMetricValue', { description: 'The value of one metric for one group.' })
export class RowMetricValueModel {
  @Field(() => RowMetricFunctionEnum, { description: 'The function.' })
  fn: RowMetricFunctionEnum;

  @Field(() => String, { nullable: true, description: 'The field measured (null: rows counted).' })
  field: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value: a number, or for MIN/MAX of text and dates the text; null when no value.' })
  value: unknown;
}

@ObjectType('RowGroup', { description: 'One group of an aggregate.' })
export class RowGroupModel {
  @Field(() => GraphQLJSONObject, { description: 'The group key: the groupBy fields and their values ({} without groupBy).' })
  key: Record<string, unknown>;

  @Field(() => [RowMetricValueModel], { description: 'The metrics, in the order asked.' })
  metrics: RowMetricValueModel[];
}
