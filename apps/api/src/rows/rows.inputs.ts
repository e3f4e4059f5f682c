import { Field, InputType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { OrderDirectionEnum } from '../catalog/search.models';
import { RowMetricFunctionEnum } from './rows.models';

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
