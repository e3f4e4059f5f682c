/**
 * The validator's view of a table schema, whatever it came from: a collection standard (JSON Schema with x-
 * keywords, schemas/collection), an organization's registered schema, or a Frictionless Table Schema (read for
 * interoperability and the conformance suites).
 */
export const FIELD_TYPES = ['string', 'integer', 'number', 'boolean', 'date', 'datetime', 'time', 'year', 'yearmonth'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const MASKED_KINDS = ['resident-id', 'name', 'mobile', 'bank-card'] as const;
export type MaskedKind = (typeof MASKED_KINDS)[number];

export const RULE_IDS = ['hj633-hourly-aqi', 'hj633-daily-aqi', 'gb3838-water-class', 'resident-id-check', 'uscc-check'] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** JSON Schema keywords that constrain a value (validated by ajv after the cell is read). */
export interface FieldConstraints {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
}

export interface FieldSpec {
  /** Column name: lower-case ASCII, used for typed tables, GraphQL row types and CSV exports. */
  name: string;
  type: FieldType;
  title: string;
  titleEn: string | null;
  description: string | null;
  unit: string | null;
  /** Header texts accepted for this column besides the name and the title. */
  aliases: string[];
  required: boolean;
  unique: boolean;
  /** Thousands separator removed before numbers are read. */
  groupChar: string | null;
  masked: MaskedKind | null;
  /** Markers meaning "no value" in this column only, on top of the schema's (x-missing-values on the field). */
  missingValues?: string[];
  standard: string[];
  constraints: FieldConstraints;
}

export interface TableSchema {
  id: string;
  version: number;
  title: string;
  titleEn: string | null;
  description: string | null;
  standard: string[];
  fields: FieldSpec[];
  missingValues: string[];
  primaryKey: string[];
  rules: RuleId[];
  headerMatching: 'name' | 'position';
  /** The source document (JSON Schema), as published by GET /api/v1/schemas/{id}. */
  source: Record<string, unknown>;
}
