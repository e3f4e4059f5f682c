import { MessageText } from '@opendata/common';
import Ajv2020 from 'ajv/dist/2020';
import { JSON_TYPE_OF } from '../schema/schema-loader';
import { schemaRuleText } from '../schema/schema-messages';
import { TableSchema } from '../schema/table-schema';
import { CellValue } from './cell-readers';

/** Checks a read (non-null) value against its field's constraints; returns what is wrong, or null. */
export type FieldCheck = (value: CellValue) => MessageText | null;

/**
 * One compiled check per field (null where a field has no constraint beyond its type). Checking cell by cell
 * avoids building an object per row, and each failure already knows its field.
 */
export function compileFieldChecks(schema: TableSchema): Array<FieldCheck | null> {
  const ajv = new Ajv2020({ allErrors: false, strict: false, unicodeRegExp: true });
  return schema.fields.map((field) => {
    if (Object.keys(field.constraints).length === 0) return null;
    const validate = ajv.compile({ type: JSON_TYPE_OF[field.type], ...field.constraints });
    return (value: CellValue) => (validate(value) ? null : schemaRuleText(validate.errors![0], field.unit));
  });
}
