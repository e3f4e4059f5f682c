import { FieldType, TableSchema } from '@opendata/validation';

/** Row tables live in a schema of their own, apart from the catalogue. */
export const DATASTORE_SCHEMA = 'datastore';

const COLUMN_TYPES: Record<FieldType, string> = {
  string: 'text',
  integer: 'bigint',
  number: 'double precision',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamp',
  time: 'time',
  year: 'integer',
  yearmonth: 'text',
};

const SAFE_NAME = /^[a-z][a-z0-9_]{0,62}$/;

export function quoteIdent(name: string): string {
  if (!SAFE_NAME.test(name)) throw new Error(`unsafe identifier ${name}`);
  return `"${name}"`;
}

/** The table of an upload: named after the upload, so that a crash leaves a table no version points to. */
export function rowTableName(uploadId: string): string {
  return `t_${uploadId.replace(/-/g, '')}`;
}

export function qualified(table: string): string {
  return `${DATASTORE_SCHEMA}.${quoteIdent(table)}`;
}

/** The row columns of a schema, with their SQL types (for exports and row queries). */
export function columnTypes(schema: TableSchema): Array<{ name: string; sqlType: string }> {
  return schema.fields.map((f) => ({ name: f.name, sqlType: COLUMN_TYPES[f.type] }));
}

/** The SQL type of a field type (row queries cast their parameters to it). */
export function columnSqlType(type: FieldType): string {
  return COLUMN_TYPES[type];
}
