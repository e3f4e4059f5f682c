import { FieldError, bilingual, fieldError, projectRoot } from '@opendata/common';
import Ajv2020, { ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FieldConstraints, FieldSpec, FieldType, MaskedKind, RuleId, TableSchema } from './table-schema';
import { schemaRuleText } from './schema-messages';

const CONSTRAINT_KEYS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'enum', 'const'] as const;

/** JSON type a field's value has after the cell was read. */
export const JSON_TYPE_OF: Record<FieldType, string> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  date: 'string',
  datetime: 'string',
  time: 'string',
  year: 'integer',
  yearmonth: 'string',
};

let metaValidator: ReturnType<Ajv2020['compile']> | null = null;

function meta() {
  if (!metaValidator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv, ['regex']);
    metaValidator = ajv.compile(JSON.parse(readFileSync(join(projectRoot(), 'schemas/meta/collection.schema.json'), 'utf8')));
  }
  return metaValidator;
}

/**
 * Problems of a collection-standard document: against the meta-schema, then what the meta-schema cannot say
 * (the JSON type agrees with x-type; keys and required fields exist).
 */
export function checkCollectionDocument(doc: unknown): FieldError[] {
  const validate = meta();
  if (!validate(doc)) return (validate.errors ?? []).map(metaError);
  const d = doc as { properties: Record<string, { 'x-type': FieldType; type: string }>; required?: string[]; 'x-primary-key'?: string[] };
  const problems: FieldError[] = [];
  for (const [name, field] of Object.entries(d.properties)) {
    if (JSON_TYPE_OF[field['x-type']] !== field.type) {
      problems.push(fieldError(`properties.${name}.type`, 'schema.typeForXType', { type: JSON_TYPE_OF[field['x-type']], xType: field['x-type'] }));
    }
  }
  for (const [key, names] of [['required', d.required ?? []], ['x-primary-key', d['x-primary-key'] ?? []]] as const) {
    for (const name of names) if (!(name in d.properties)) problems.push(fieldError(key, 'schema.notAProperty', { name }));
  }
  return problems;
}

function metaError(e: ErrorObject): FieldError {
  const path = e.instancePath.slice(1).split('/').filter(Boolean).join('.');
  return { path: path || '(schema)', message: bilingual(schemaRuleText(e)) };
}

/**
 * A parsed JSON document whose shape a schema check established before it is read (the meta-schema for
 * collection standards); reading it field by field needs no further typing.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type CheckedJson = Record<string, any>;

const list = (value: unknown): string[] => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);

/** A collection standard (validated with checkCollectionDocument first) as the validator's table schema. */
export function fromCollectionDocument(doc: CheckedJson): TableSchema {
  const required = new Set<string>(doc.required ?? []);
  const fields: FieldSpec[] = Object.entries(doc.properties as Record<string, CheckedJson>).map(([name, f]) => ({
    name,
    type: f['x-type'],
    title: f.title,
    titleEn: f['x-title-en'] ?? null,
    description: f.description ?? null,
    unit: f['x-unit'] ?? null,
    aliases: f['x-aliases'] ?? [],
    required: required.has(name),
    unique: !!f['x-unique'],
    groupChar: f['x-group-char'] ?? null,
    masked: (f['x-masked'] as MaskedKind) ?? null,
    missingValues: f['x-missing-values'] ?? undefined,
    standard: list(f['x-standard']),
    constraints: Object.fromEntries(CONSTRAINT_KEYS.filter((k) => k in f).map((k) => [k, f[k]])) as FieldConstraints,
  }));
  return {
    id: doc['x-id'],
    version: doc['x-version'],
    title: doc.title,
    titleEn: doc['x-title-en'] ?? null,
    description: doc.description ?? null,
    standard: list(doc['x-standard']),
    fields,
    missingValues: doc['x-missing-values'] ?? [''],
    primaryKey: doc['x-primary-key'] ?? [],
    rules: (doc['x-rules'] ?? []) as RuleId[],
    headerMatching: doc['x-header'] ?? 'name',
    source: doc,
  };
}

/** The collection standards shipped in schemas/collection, checked against the meta-schema. */
export function loadBuiltInSchemas(dir = join(projectRoot(), 'schemas', 'collection')): TableSchema[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.schema.json'))
    .sort()
    .map((file) => {
      const doc = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      const problems = checkCollectionDocument(doc);
      if (problems.length) throw new Error(`${file}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
      return fromCollectionDocument(doc);
    });
}

const FRICTIONLESS_TYPES: Record<string, FieldType> = {
  string: 'string', integer: 'integer', number: 'number', boolean: 'boolean', date: 'date', datetime: 'datetime',
  time: 'time', year: 'year', yearmonth: 'yearmonth', any: 'string',
};

/**
 * A Frictionless Table Schema (fields, constraints, missingValues, primaryKey) as a table schema: for files
 * validated against peers' schemas, and so that the conformance suites can use their fixtures unchanged.
 * Header cells are matched by position, as Frictionless does.
 */
export function fromFrictionless(doc: CheckedJson, id = 'frictionless'): TableSchema {
  const fields: FieldSpec[] = (doc.fields as CheckedJson[]).map((f) => {
    const c = f.constraints ?? {};
    const type = FRICTIONLESS_TYPES[f.type ?? 'string'];
    if (!type) throw new Error(`field ${f.name}: type ${f.type} is not supported`);
    const constraints: FieldConstraints = {};
    for (const [from, to] of [['minimum', 'minimum'], ['maximum', 'maximum'], ['minLength', 'minLength'], ['maxLength', 'maxLength'], ['pattern', 'pattern'], ['enum', 'enum']] as const) {
      if (c[from] !== undefined) (constraints as Record<string, unknown>)[to] = from === 'pattern' ? `^(?:${c[from]})$` : c[from];
    }
    return {
      name: String(f.name),
      type,
      title: f.title ?? f.name,
      titleEn: null,
      description: f.description ?? null,
      unit: null,
      aliases: [],
      required: !!c.required,
      unique: !!c.unique,
      groupChar: f.groupChar ?? null,
      masked: null,
      standard: [],
      constraints,
    };
  });
  return {
    id,
    version: 1,
    title: doc.title ?? id,
    titleEn: null,
    description: doc.description ?? null,
    standard: [],
    fields,
    missingValues: doc.missingValues ?? [''],
    primaryKey: list(doc.primaryKey),
    rules: [],
    headerMatching: 'position',
    source: doc,
  };
}

