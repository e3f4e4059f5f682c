import { TableSchema, checkCollectionDocument, fromCollectionDocument, fromFrictionless, loadBuiltInSchemas } from '@opendata/validation';
import { existsSync, readFileSync } from 'node:fs';
import { UsageError } from '../commands/command';

/**
 * The schema for offline validation: a built-in collection standard by id, or a JSON file holding either a
 * collection schema (as `infer` proposes and `registerSchema` accepts) or a Frictionless Table Schema.
 */
export function offlineSchema(ref: string): TableSchema {
  if (existsSync(ref) && ref.endsWith('.json')) {
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(readFileSync(ref, 'utf8'));
    } catch (error) {
      throw new UsageError(`${ref} is not JSON: ${(error as Error).message}`);
    }
    if (Array.isArray(doc.fields)) return fromFrictionless(doc, ref);
    const problems = checkCollectionDocument(doc);
    if (problems.length) throw new UsageError(`${ref} is not a valid collection schema:\n  ${problems.map((p) => `${p.path}: ${p.message}`).join('\n  ')}`);
    return fromCollectionDocument(doc);
  }
  const schemas = loadBuiltInSchemas();
  const found = schemas.find((s) => s.id === ref);
  if (!found) throw new UsageError(`unknown schema "${ref}"; built-in schemas: ${schemas.map((s) => s.id).join(', ')} (or give a path to a .json schema)`);
  return found;
}
