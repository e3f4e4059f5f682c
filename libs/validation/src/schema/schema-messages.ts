import { MessageText, messageText } from '@opendata/common';

/** What the messages need of a JSON Schema error (ajv's ErrorObject has these). */
export interface SchemaRuleError {
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Enumerations are listed up to this many values, so that a long code list does not flood a report. */
const LISTED_VALUES = 12;

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

function typeText(type: unknown): MessageText | string {
  const names = String(type).split(',');
  if (names.length === 1 && JSON_TYPES.has(names[0])) return messageText(`jsonType.${names[0] as 'string'}`);
  return names.join(', ');
}

/**
 * A broken JSON Schema rule as a message of the catalogue, for cells (with the field's unit) and for records
 * and schema documents. Keywords without a message of their own keep ajv's English wording as a detail.
 */
export function schemaRuleText(error: SchemaRuleError, unit?: string | null): MessageText {
  const p = error.params;
  switch (error.keyword) {
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return messageText('check.limit', { comparison: String(p.comparison), limit: String(p.limit), unit: unit ? ` ${unit}` : '', keyword: error.keyword });
    case 'pattern':
      return messageText('check.pattern', { pattern: String(p.pattern) });
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).filter((v) => v !== null).map(String);
      return messageText('input.oneOf', { values: `${allowed.slice(0, LISTED_VALUES).join(', ')}${allowed.length > LISTED_VALUES ? ', ...' : ''}` });
    }
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return messageText(`check.${error.keyword}`, { limit: String(p.limit) });
    case 'uniqueItems':
      return messageText('check.uniqueItems');
    case 'type':
      return messageText('check.type', { type: typeText(p.type) });
    case 'const':
      return messageText('check.const', { value: JSON.stringify(p.allowedValue) });
    case 'format':
      return messageText('check.format', { format: String(p.format) });
    case 'required':
      return messageText('input.required');
    case 'additionalProperties':
      return messageText('check.additionalProperty', { name: String(p.additionalProperty) });
    default:
      return messageText('check.other', { keyword: error.keyword, detail: error.message ?? 'is invalid' });
  }
}
