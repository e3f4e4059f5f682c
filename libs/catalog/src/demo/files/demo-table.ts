/**
 * How the demo describes a file: which dataset it belongs to, the collection standard (or the organization's
 * own schema, registered through the schema registry like any organization's) it is validated against, and
 * its rows. Own schemas are written from a compact field list; their CSV headers are the Chinese titles, as
 * Chinese publishers write them (the validator accepts a field's title as its header).
 */
import { Cell, toCsv } from './csv-text';
import { SeededRandom } from './prng';
import { seedOf } from './hengyang';

export interface DemoFile {
  /** Unique among the demo files. */
  key: string;
  /** Slug of the demo dataset the file is published in. */
  dataset: string;
  /** Chinese file name, containing 示例数据, ending .csv. */
  fileName: string;
  /** One sentence for the resource's description, also saying 示例数据. */
  description: string;
  /** A collection standard's id, or the id of the organization's own schema below. */
  schemaId: string;
  /** The organization's own schema (a collection document), when no standard fits. */
  schema?: Record<string, unknown>;
  /** The whole file as a UTF-8 string: header first, LF line ends, no BOM. */
  generate: () => string;
}

export type FieldType = 'string' | 'integer' | 'number' | 'date' | 'yearmonth' | 'year' | 'boolean';

export interface FieldSpec {
  name: string;
  title: string;
  titleEn: string;
  type: FieldType;
  unit?: string;
  required?: boolean;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  description?: string;
}

/** A field: snake_case name, Chinese title (the CSV header), English title, type and options. */
export function field(name: string, title: string, titleEn: string, type: FieldType = 'string', options: Partial<FieldSpec> = {}): FieldSpec {
  return { name, title, titleEn, type, ...options };
}

/** Longitude and latitude columns (WGS 84), which the portal draws on a map. */
export const COORDINATES: readonly FieldSpec[] = [
  field('longitude', '经度', 'Longitude', 'number', { unit: '°', minimum: -180, maximum: 180, description: 'WGS 84 decimal degrees, east positive.' }),
  field('latitude', '纬度', 'Latitude', 'number', { unit: '°', minimum: -90, maximum: 90, description: 'WGS 84 decimal degrees, north positive.' }),
];

export interface OwnSchemaSpec {
  id: string;
  title: string;
  titleEn: string;
  description: string;
  standard?: string;
  fields: readonly FieldSpec[];
  primaryKey?: readonly string[];
  /** Standard rules of the validator, e.g. uscc-check for columns named *_uscc. */
  rules?: readonly string[];
}

const JSON_TYPES: Record<FieldType, string> = {
  string: 'string', date: 'string', yearmonth: 'string', integer: 'integer', year: 'integer', number: 'number', boolean: 'boolean',
};

/** The collection document of an organization's own schema (valid against schemas/meta/collection.schema.json). */
export function ownSchema(spec: OwnSchemaSpec): Record<string, unknown> {
  const properties = Object.fromEntries(
    spec.fields.map((f) => [
      f.name,
      {
        title: f.title,
        'x-title-en': f.titleEn,
        ...(f.description ? { description: f.description } : {}),
        'x-type': f.type,
        type: JSON_TYPES[f.type],
        ...(f.unit ? { 'x-unit': f.unit } : {}),
        ...(f.enum ? { enum: [...f.enum] } : {}),
        ...(f.minimum !== undefined ? { minimum: f.minimum } : {}),
        ...(f.maximum !== undefined ? { maximum: f.maximum } : {}),
        ...(f.pattern ? { pattern: f.pattern } : {}),
        ...(f.type === 'string' && !f.enum && !f.pattern ? { maxLength: 2000 } : {}),
      },
    ]),
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:opendata:schema:demo:${spec.id}`,
    'x-id': spec.id,
    'x-version': 1,
    title: spec.title,
    'x-title-en': spec.titleEn,
    description: `${spec.description}（示例数据的采集格式，由本平台演示用）`,
    ...(spec.standard ? { 'x-standard': spec.standard } : {}),
    type: 'object',
    properties,
    required: spec.fields.filter((f) => f.required).map((f) => f.name),
    additionalProperties: false,
    'x-missing-values': ['', '-'],
    ...(spec.primaryKey ? { 'x-primary-key': [...spec.primaryKey] } : {}),
    ...(spec.rules ? { 'x-rules': [...spec.rules] } : {}),
  };
}

export interface DemoTableSpec {
  key: string;
  dataset: string;
  fileName: string;
  description: string;
  /** A collection standard, with the header the file uses. */
  standard?: { id: string; header: readonly string[] };
  /** Or the organization's own schema. */
  own?: OwnSchemaSpec;
  /** The rows, in header order, drawn from a generator seeded by the key. */
  rows: (random: SeededRandom) => Cell[][];
}

/** A demo file from its table: own-schema files use the fields' Chinese titles as the header. */
export function demoTable(spec: DemoTableSpec): DemoFile {
  const header = spec.standard ? spec.standard.header : spec.own!.fields.map((f) => f.title);
  const schemaId = spec.standard ? spec.standard.id : spec.own!.id;
  return {
    key: spec.key,
    dataset: spec.dataset,
    fileName: spec.fileName,
    description: spec.description,
    schemaId,
    ...(spec.own ? { schema: ownSchema(spec.own) } : {}),
    generate: () => toCsv(header, spec.rows(new SeededRandom(seedOf(spec.key)))),
  };
}
