import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType('SchemaField', { description: 'A column of a collection schema.' })
export class SchemaFieldModel {
  @Field({ description: 'Column name (ASCII), as in typed rows and exports.' })
  name: string;

  @Field({ description: 'How the cell is read: string, integer, number, boolean, date, datetime, time, year, yearmonth.' })
  type: string;

  @Field({ description: 'Chinese title (also accepted as a header).' })
  title: string;

  @Field(() => String, { nullable: true, description: 'English title.' })
  titleEn: string | null;

  @Field(() => String, { nullable: true, description: 'Description.' })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'Unit of measurement.' })
  unit: string | null;

  @Field({ description: 'Whether every row must have a value.' })
  required: boolean;

  @Field({ description: 'Whether values must not repeat.' })
  unique: boolean;

  @Field(() => String, { nullable: true, description: 'Kind of masked personal identifier the column holds, if any.' })
  masked: string | null;

  @Field(() => [String], { description: 'Other accepted header names.' })
  aliases: string[];

  @Field(() => [String], { description: 'Standards behind the field.' })
  standard: string[];

  @Field(() => GraphQLJSONObject, { description: 'JSON Schema constraints (minimum, maximum, pattern, enum ...).' })
  constraints: Record<string, unknown>;
}

@ObjectType('CollectionSchema', { description: 'A collection standard: the JSON Schema every row of a file is validated against.' })
export class CollectionSchemaModel {
  @Field({ description: 'Schema id, e.g. air-quality-hourly.' })
  id: string;

  @Field(() => Int, { description: 'Version.' })
  version: number;

  @Field({ description: 'Title.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'English title.' })
  titleEn: string | null;

  @Field(() => String, { nullable: true, description: 'Description.' })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'Owning organization (slug) of a registered schema; null for the platform standards.' })
  organization: string | null;

  @Field(() => [String], { description: 'Standards the schema is built from.' })
  standard: string[];

  @Field(() => [SchemaFieldModel], { description: 'Columns, in file order.' })
  fields: SchemaFieldModel[];

  @Field(() => [String], { description: 'Primary key columns.' })
  primaryKey: string[];

  @Field(() => [String], { description: 'Standard rules recomputed for every row.' })
  rules: string[];

  @Field(() => [String], { description: 'Cell texts meaning "no value".' })
  missingValues: string[];

  @Field(() => GraphQLJSONObject, { description: 'The JSON Schema document itself.' })
  document: Record<string, unknown>;
}
