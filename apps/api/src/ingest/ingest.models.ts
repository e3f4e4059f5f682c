import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

export enum UploadStatusEnum {
  PUBLISHED = 'published',
  REJECTED = 'rejected',
}
registerEnumType(UploadStatusEnum, {
  name: 'UploadStatus',
  description: 'Outcome of an upload.',
  valuesMap: {
    PUBLISHED: { description: 'Validated and published as a new version.' },
    REJECTED: { description: 'Not published; its report is kept for a week.' },
  },
});

@ObjectType('ValidationError', { description: 'One problem found in a file (Frictionless error types).' })
export class ValidationErrorModel {
  @Field({ description: 'Error type, e.g. type-error, constraint-error, row-constraint, personal-data.' })
  type: string;

  @Field(() => Int, { nullable: true, description: 'Row in the file, the header being row 1; absent for header and source errors.' })
  rowNumber: number | null;

  @Field(() => Int, { nullable: true, description: 'Column in the file, from 1; absent for whole-row errors.' })
  fieldNumber: number | null;

  @Field(() => String, { nullable: true, description: 'Field (or header label) concerned.' })
  fieldName: string | null;

  @Field({ description: 'What is wrong, and for standard rules the expected and found values.' })
  message: string;

  @Field(() => String, { nullable: true, description: 'The cell as found (personal data masked).' })
  cell: string | null;
}

@ObjectType('ErrorCount', { description: 'How many errors of one type a file has.' })
export class ErrorCountModel {
  @Field({ description: 'Error type.' })
  type: string;

  @Field(() => Int, { description: 'Number of errors of this type (exact, even when not all are listed).' })
  count: number;
}

@ObjectType('ValidationReport', { description: 'The result of validating a file.' })
export class ValidationReportModel {
  @Field({ description: 'True when the file has no error at all.' })
  valid: boolean;

  @Field(() => Float, { description: 'Data rows read (the header not counted).' })
  rowCount: number;

  @Field(() => Int, { description: 'Errors found.' })
  errorCount: number;

  @Field(() => String, { nullable: true, description: 'Text encoding the file was read in.' })
  encoding: string | null;

  @Field(() => String, { nullable: true, description: 'File format: csv, json or xlsx.' })
  format: string | null;

  @Field(() => String, { nullable: true, description: 'Collection schema validated against.' })
  schemaId: string | null;

  @Field(() => [ErrorCountModel], { description: 'Error counts by type.' })
  stats: ErrorCountModel[];

  @Field(() => [ValidationErrorModel], { description: 'The errors, in row order; at most 1000.' })
  errors: ValidationErrorModel[];

  @Field({ description: 'True when more errors were found than listed.' })
  truncated: boolean;

  @Field(() => [String], { description: 'Remarks that are not errors.' })
  notes: string[];

  @Field(() => Float, { description: 'Size of the file in bytes.' })
  byteSize: number;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the file (published uploads).' })
  sha256: string | null;

  @Field(() => Float, { description: 'Time the validation took, in milliseconds.' })
  durationMs: number;
}

@ObjectType('UploadReport', { description: 'The report of an upload, published or rejected.' })
export class UploadReportModel {
  @Field(() => ID, { description: 'Report id (returned by the upload).' })
  id: string;

  @Field(() => UploadStatusEnum, { description: 'Outcome.' })
  status: UploadStatusEnum;

  @Field({ description: 'Name of the uploaded file.' })
  fileName: string;

  @Field(() => String, { nullable: true, description: 'Collection schema validated against.' })
  schemaId: string | null;

  @Field(() => Date, { description: 'When the upload was made.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When a rejected report is deleted.' })
  expiresAt: Date | null;

  @Field(() => ValidationReportModel, { description: 'The validation report.' })
  report: ValidationReportModel;
}

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
