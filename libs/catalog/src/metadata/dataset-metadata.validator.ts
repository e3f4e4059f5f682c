import { FieldError, PlainMessageKey, bilingual, fieldError, message, projectRoot } from '@opendata/common';
import { schemaRuleText } from '@opendata/validation';
import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Messages for rules whose generic wording would not tell a publisher what to fix. */
const MESSAGES: Record<string, PlainMessageKey> = {
  'slug:pattern': 'record.slugPattern',
  'organization:pattern': 'record.organizationPattern',
  'themes:contains': 'record.themesContain',
  'resourceCode:pattern': 'record.resourceCodePattern',
  'spatialCode:pattern': 'record.spatialCodePattern',
  'contactPoint.phone:pattern': 'record.phonePattern',
  'contactPoint:anyOf': 'record.contactNeedsChannel',
};

/**
 * What the schema's conditional parts (`if`/`then`) ask for, by field: a field such a part requires, or
 * requires to be set, is named with the condition rather than with "is required" or "must be object".
 */
const CONDITIONAL: Record<string, PlainMessageKey> = {
  contactPoint: 'record.publishedNeedsContact',
  issued: 'record.publishedNeedsIssued',
  openCondition: 'record.openConditionNeeded',
  shareCondition: 'record.shareConditionNeeded',
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
  const conditional = error.schemaPath.includes('/then/');
  switch (error.keyword) {
    case 'required': {
      const path = join(String(error.params.missingProperty));
      return conditional && CONDITIONAL[path] ? fieldError(path, CONDITIONAL[path]) : fieldError(path, 'input.required');
    }
    case 'additionalProperties':
      return fieldError(join(String(error.params.additionalProperty)), 'record.notAField');
    case 'format':
      return error.params.format === 'date' ? fieldError(base, 'input.notDate') : fieldError(base, 'record.badEmail');
    default: {
      const general = base.replace(/\.\d+$/, '');
      const key = (conditional && error.keyword === 'type' ? CONDITIONAL[base] : undefined) ?? MESSAGES[`${base}:${error.keyword}`] ?? MESSAGES[`${general}:${error.keyword}`];
      return { path: base || '(record)', message: key ? message(key) : bilingual(schemaRuleText(error)) };
    }
  }
}

function crossFieldErrors(record: Record<string, unknown> | null): FieldError[] {
  if (!record || typeof record !== 'object') return [];
  const { temporalStart, temporalEnd } = record;
  if (typeof temporalStart === 'string' && typeof temporalEnd === 'string' && temporalStart > temporalEnd) {
    return [fieldError('temporalEnd', 'record.temporalOrder')];
  }
  return [];
}
