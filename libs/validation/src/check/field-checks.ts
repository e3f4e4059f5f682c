import Ajv2020, { ErrorObject } from 'ajv/dist/2020';
import { JSON_TYPE_OF } from '../schema/schema-loader';
import { FieldSpec, TableSchema } from '../schema/table-schema';
import { CellValue } from './cell-readers';

/** Checks a read (non-null) value against its field's constraints; returns what is wrong, or null. */
export type FieldCheck = (value: CellValue) => string | null;

function describe(error: ErrorObject, field: FieldSpec): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${p.comparison} ${p.limit}${field.unit ? ` ${field.unit}` : ''} (constraint "${error.keyword}")`;
    case 'pattern':
      return `does not match the pattern ${p.pattern}`;
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      return `must be one of: ${allowed.slice(0, 12).join(', ')}${allowed.length > 12 ? ', ...' : ''}`;
    }
    case 'minLength':
    case 'maxLength':
      return `must have ${error.keyword === 'minLength' ? 'at least' : 'at most'} ${p.limit} characters`;
    default:
      return `${error.message ?? 'is invalid'} (constraint "${error.keyword}")`;
  }
}

/**
 * One compiled check per field (null where a field has no constraint beyond its type). Checking cell by cell
 * avoids building an object per row, and each failure already knows its field.
 */
export function compileFieldChecks(schema: TableSchema): Array<FieldCheck | null> {
  const ajv = new Ajv2020({ allErrors: false, strict: false, unicodeRegExp: true });
  return schema.fields.map((field) => {
    if (Object.keys(field.constraints).length === 0) return null;
    const validate = ajv.compile({ type: JSON_TYPE_OF[field.type], ...field.constraints });
    return (value: CellValue) => (validate(value) ? null : describe(validate.errors![0], field));
  });
}
