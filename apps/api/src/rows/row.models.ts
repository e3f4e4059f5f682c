import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RowFilter } from '@opendata/datastore';
import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import { OrderDirectionEnum } from '../catalog/catalog.enums';
import { PageInfoModel } from '../catalog/models/connection.model';
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

@InputType('RowCondition', {
  description:
    'Conditions on one field of the rows; all given must hold, and all conditions of a query together. Values are checked against the field type (BAD_USER_INPUT naming the field otherwise); dates and times as ISO text. A date-time bound may be a date alone (2026-09-10: the start of that day in China Standard Time, +08:00), a date and time without an offset (Beijing time) or with one (2026-09-10T00:00:00+08:00, Z ...).',
})
export class RowConditionInput {
  @Field({ description: 'Field (column) name, e.g. aqi.' })
  field: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Equal to this value (null: the cell is empty).' })
  eq?: unknown;

  @Field(() => [GraphQLJSON], { nullable: true, description: 'Equal to one of these values (at most 1000).' })
  in?: unknown[];

  @Field(() => GraphQLJSON, { nullable: true, description: 'Greater than.' })
  gt?: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Greater than or equal to.' })
  gte?: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Less than.' })
  lt?: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Less than or equal to.' })
  lte?: unknown;

  @Field({ nullable: true, description: 'Contains this text, ignoring case (text fields only).' })
  contains?: string;

  @Field({ nullable: true, description: 'true: the cell is empty; false: it has a value.' })
  isNull?: boolean;
}

@InputType('RowOrder', { description: 'A sort key; the row number breaks ties.' })
export class RowOrderInput {
  @Field({ description: 'Field (column) name.' })
  field: string;

  @Field(() => OrderDirectionEnum, { nullable: true, description: 'Direction (ASC by default); empty cells sort last ascending, first descending.' })
  direction?: OrderDirectionEnum;
}

@InputType('RowMetric', { description: 'A metric of an aggregate.' })
export class RowMetricInput {
  @Field(() => RowMetricFunctionEnum, { description: 'The function.' })
  fn: RowMetricFunctionEnum;

  @Field({ nullable: true, description: 'The field measured (sum and avg: numeric fields); COUNT without a field counts rows.' })
  field?: string;
}

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
