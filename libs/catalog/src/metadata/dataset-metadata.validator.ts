import { FieldError, projectRoot } from '@opendata/common';
import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Messages for rules whose generic wording would not tell a publisher what to fix. */
const MESSAGES: Record<string, string> = {
  'slug:pattern': 'must be 3-100 lower-case letters, digits and hyphens, starting and ending with a letter or digit',
  'organization:pattern': 'must be the slug of an organization',
  'themes:contains': 'must include at least one 政务信息资源目录 class (GOV_*) and one EU data theme',
  'resourceCode:pattern': 'must be 类(1) 项(2) 目(3) 细目 digits, optionally "/" and the 顺序码',
  'spatialCode:pattern': 'must be a six-digit administrative division code',
  'contactPoint.phone:pattern': 'must be a landline (0734-8xxxxxx), a mobile number or 12345',
  'contactPoint:anyOf': 'needs an email address or a phone number',
};

/**
 * Validates catalogue records against schemas/catalog/dataset.schema.json and reports every problem with the
 * dotted path of its field.
 */
export class DatasetMetadataValidator {
  private readonly validateFn: ValidateFunction;

  constructor(schemaPath = join(projectRoot(), 'schemas', 'catalog', 'dataset.schema.json')) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    ajv.addVocabulary(['x-standard', 'x-dcat']);
    addFormats(ajv, ['date', 'email']);
    this.validateFn = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  }

  validate(record: unknown): FieldError[] {
    const errors = this.validateFn(record) ? [] : toFieldErrors(this.validateFn.errors ?? []);
    errors.push(...crossFieldErrors(record as Record<string, unknown>));
    return errors;
  }
}

/** One message per field (the first rule it breaks), which is what a form can show next to it. */
function toFieldErrors(errors: ErrorObject[]): FieldError[] {
  const byPath = new Map<string, FieldError>();
  for (const error of errors) {
    // The failing branches of anyOf/contains and the `if` of if/then only repeat what their parent says.
    if (error.keyword === 'if' || /\/(anyOf|contains)\//.test(error.schemaPath)) continue;
    const field = describe(error);
    if (!byPath.has(field.path)) byPath.set(field.path, field);
  }
  return [...byPath.values()];
}

function describe(error: ErrorObject): FieldError {
  const base = error.instancePath.slice(1).split('/').filter(Boolean).join('.');
  const join = (name: string): string => (base ? `${base}.${name}` : name);
  switch (error.keyword) {
    case 'required':
      return { path: join(String(error.params.missingProperty)), message: 'is required' };
    case 'additionalProperties':
      return { path: join(String(error.params.additionalProperty)), message: 'is not a field of a dataset record' };
    case 'enum':
      return { path: base, message: `must be one of: ${(error.params.allowedValues as unknown[]).filter((v) => v !== null).join(', ')}` };
    case 'format':
      return { path: base, message: error.params.format === 'date' ? 'must be a date (YYYY-MM-DD)' : 'must be an email address' };
    default: {
      const general = base.replace(/\.\d+$/, '');
      const message = MESSAGES[`${base}:${error.keyword}`] ?? MESSAGES[`${general}:${error.keyword}`] ?? error.message ?? 'is invalid';
      return { path: base || '(record)', message };
    }
  }
}

function crossFieldErrors(record: Record<string, unknown> | null): FieldError[] {
  if (!record || typeof record !== 'object') return [];
  const { temporalStart, temporalEnd } = record;
  if (typeof temporalStart === 'string' && typeof temporalEnd === 'string' && temporalStart > temporalEnd) {
    return [{ path: 'temporalEnd', message: 'must not be before temporalStart' }];
  }
  return [];
}
