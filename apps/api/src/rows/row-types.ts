import { Type } from '@nestjs/common';
import { createUnionType, Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { RowRecord } from '@opendata/datastore';
import { FieldSpec, loadBuiltInSchemas, TableSchema } from '@opendata/validation';
import { GraphQLJSONObject, GraphQLSafeInt } from 'graphql-scalars';

/**
 * GraphQL row types generated at boot from the collection standards (schemas/collection): one object type per
 * standard (AirQualityHourlyRow ...) whose fields are the standard's columns, typed and described with the
 * standard's Chinese and English titles and units. Rows of organizations' own schemas, which can be registered
 * at any time, come as JsonRow (values in one JSON object). `Row` is the union of them all.
 */

const TEMPORAL_FORMAT: Partial<Record<FieldSpec['type'], string>> = {
  date: 'ISO date YYYY-MM-DD',
  datetime: 'ISO 8601 date and time with its offset, YYYY-MM-DDTHH:MM:SS+08:00 (Beijing time, China Standard Time)',
  time: 'time HH:MM:SS',
  yearmonth: 'YYYY-MM',
};

function graphqlType(field: FieldSpec) {
  switch (field.type) {
    case 'integer':
    case 'year':
      // Columns are bigint: SafeInt carries up to 2^53 - 1 where Int stops at 2^31 - 1.
      return GraphQLSafeInt;
    case 'number':
      return Float;
    case 'boolean':
      return Boolean;
    default:
      return String;
  }
}

export function fieldDescription(field: FieldSpec): string {
  const title = field.titleEn && field.titleEn !== field.title ? `${field.title} / ${field.titleEn}` : field.title;
  const unit = field.unit ? `（单位 unit: ${field.unit}）` : '';
  const format = TEMPORAL_FORMAT[field.type] ? ` Format: ${TEMPORAL_FORMAT[field.type]}.` : '';
  return `${title}${unit}.${format}${field.description ? ` ${field.description}` : ''}`;
}

/** AirQualityHourlyRow for air-quality-hourly. */
export function rowTypeName(schemaId: string): string {
  return `${schemaId.replace(/(^|[^a-zA-Z0-9]+)([a-zA-Z0-9])/g, (_m, _sep, c: string) => c.toUpperCase())}Row`;
}

function buildRowType(schema: TableSchema): Type<unknown> {
  const name = rowTypeName(schema.id);
  const RowType = { [name]: class {} }[name];
  Field(() => Int, { description: 'Row number in the uploaded file (the header is row 1).' })(RowType.prototype, 'rowNumber');
  for (const field of schema.fields) {
    Field(() => graphqlType(field), { nullable: true, description: fieldDescription(field) })(RowType.prototype, field.name);
  }
  const title = schema.titleEn && !schema.title.includes(schema.titleEn) ? `${schema.title} / ${schema.titleEn}` : schema.title;
  ObjectType(name, { description: `A row of the collection standard ${schema.id}: ${title}.` })(RowType);
  return RowType;
}

@ObjectType('JsonRow', { description: "A row of an organization's own schema: its values as one JSON object keyed by field name." })
export class JsonRowModel {
  @Field(() => Int, { description: 'Row number in the uploaded file (the header is row 1).' })
  rowNumber: number;

  @Field(() => GraphQLJSONObject, { description: 'Values by field name (dates and times as ISO 8601 text; date-times with their offset, +08:00).' })
  values: Record<string, unknown>;
}

const BUILT_IN = loadBuiltInSchemas();
const ROW_TYPES = new Map<string, Type<unknown>>(BUILT_IN.map((schema) => [schema.id, buildRowType(schema)]));
const TYPE_BY_NAME = new Map<string, Type<unknown>>([...ROW_TYPES.values()].map((t) => [t.name, t]));

/** A row as the resolvers hand it to GraphQL: the type it resolves to travels with it. */
export type RowNode = Record<string, unknown> & { __rowType: string };

export function toRowNode(schemaId: string, row: RowRecord): RowNode {
  const type = ROW_TYPES.get(schemaId);
  if (!type) return { __rowType: 'JsonRow', rowNumber: row.rowNumber, values: row.values };
  return { __rowType: type.name, rowNumber: row.rowNumber, ...row.values };
}

/** (Typed as object: its member classes are made at run time, so TypeScript knows no more of them.) */
export const RowUnion = createUnionType({
  name: 'Row',
  description: 'A validated row: typed per collection standard (AirQualityHourlyRow ...), or JsonRow for custom schemas.',
  types: () => [...ROW_TYPES.values(), JsonRowModel] as const,
  resolveType: (node: RowNode) => TYPE_BY_NAME.get(node.__rowType) ?? JsonRowModel,
}) as object;
