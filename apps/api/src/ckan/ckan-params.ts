import { PlainMessageKey, findInputProblem, message, messageText } from '@opendata/common';
import { ckanSearchQueryError, ckanValidation } from './ckan-envelope';

/**
 * CKAN accepts an action's parameters as a query string (everything a string, lists and objects as JSON) or
 * as a JSON body (typed); these readers accept both and answer CKAN's 409 Validation Error otherwise.
 */
export type Params = Record<string, unknown>;

export function text(params: Params, name: string): string | null {
  const value = params[name];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw ckanValidation({ [name]: message('ckan.mustBeString') });
}

export function requiredText(params: Params, name: string): string {
  const value = text(params, name);
  if (value === null) throw ckanValidation({ [name]: message('ckan.missingValue') });
  return value;
}

export function integer(params: Params, name: string, fallback: number, min: number, max: number): number {
  const raw = params[name];
  if (raw === undefined || raw === null || raw === '') return fallback;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isInteger(value)) throw ckanValidation({ [name]: message('ckan.invalidInteger') });
  if (value < min || value > max) throw ckanValidation({ [name]: message('ckan.between', { min, max }) });
  return value;
}

export function bool(params: Params, name: string, fallback: boolean): boolean {
  const raw = params[name];
  if (raw === undefined || raw === null || raw === '') return fallback;
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'string' && /^(true|1|yes|on)$/i.test(raw)) return true;
  if (typeof raw === 'string' && /^(false|0|no|off)$/i.test(raw)) return false;
  throw ckanValidation({ [name]: message('ckan.invalidBoolean') });
}

/** A list given as a JSON array, a JSON-encoded array, or a string separated by commas (or `separator`). */
export function list(params: Params, name: string, separator: RegExp = /,/): string[] | null {
  const raw = params[name];
  if (raw === undefined || raw === null || raw === '') return null;
  let value: unknown = raw;
  if (typeof raw === 'string') {
    const trimmed = raw.trim();
    value = trimmed.startsWith('[') ? parseJson(name, trimmed) : trimmed.split(separator).map((s) => s.trim()).filter(Boolean);
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw ckanValidation({ [name]: message('ckan.stringList') });
  return value;
}

/** An object given as JSON, or as a JSON-encoded string in a query string. */
export function object(params: Params, name: string): Record<string, unknown> | null {
  const raw = params[name];
  if (raw === undefined || raw === null || raw === '') return null;
  const value = typeof raw === 'string' ? parseJson(name, raw) : raw;
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw ckanValidation({ [name]: message('ckan.jsonObject') });
  return value as Record<string, unknown>;
}

function parseJson(name: string, raw: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw ckanValidation({ [name]: message('ckan.invalidJson') });
  }
  // The edge checked the text; its JSON escapes (\u0000) only show once parsed.
  const problem = findInputProblem(value, name);
  if (problem) throw ckanValidation({ [problem.path]: problem.message });
  return value;
}

/**
 * Parameters an action does not know are refused rather than ignored, so that a misspelt or unsupported
 * option never changes an answer silently. CKAN's datastore does the same (a `__junk` validation error);
 * package_search answers CKAN's "Search Query Error" (400), as Solr-bound parameters there are checked by name.
 */
export function rejectUnknown(params: Params, known: ReadonlySet<string>, style: 'validation' | 'search-query' = 'validation'): void {
  const unknown = Object.keys(params).filter((k) => !known.has(k));
  if (unknown.length === 0) return;
  if (style === 'search-query') throw ckanSearchQueryError(messageText('ckan.searchQueryInvalid', { params: JSON.stringify(unknown) }));
  throw ckanValidation({ __junk: message('ckan.unknownParams', { params: unknown.join(', ') }) });
}

/** Known parameters the platform cannot honour: refused by name when given at all. */
export function refuseGiven(params: Params, names: readonly string[], why: PlainMessageKey): void {
  const given = names.filter((n) => params[n] !== undefined && params[n] !== null && params[n] !== '');
  if (given.length) throw ckanValidation(Object.fromEntries(given.map((n) => [n, message(why)])));
}
