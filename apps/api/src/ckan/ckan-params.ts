import { DatasetSearchFilter } from '@opendata/catalog';
import { findInputProblem } from '@opendata/common';
import { ckanValidation } from './ckan-envelope';

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
  throw ckanValidation({ [name]: 'Must be a string' });
}

export function requiredText(params: Params, name: string): string {
  const value = text(params, name);
  if (value === null) throw ckanValidation({ [name]: 'Missing value' });
  return value;
}

export function integer(params: Params, name: string, fallback: number, min: number, max: number): number {
  const raw = params[name];
  if (raw === undefined || raw === null || raw === '') return fallback;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isInteger(value)) throw ckanValidation({ [name]: 'Invalid integer' });
  if (value < min || value > max) throw ckanValidation({ [name]: `Must be between ${min} and ${max}` });
  return value;
}

export function bool(params: Params, name: string, fallback: boolean): boolean {
  const raw = params[name];
  if (raw === undefined || raw === null || raw === '') return fallback;
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'string' && /^(true|1|yes|on)$/i.test(raw)) return true;
  if (typeof raw === 'string' && /^(false|0|no|off)$/i.test(raw)) return false;
  throw ckanValidation({ [name]: 'Invalid boolean' });
}

/** A list given as a JSON array, a JSON-encoded array, or a comma-separated string. */
export function list(params: Params, name: string): string[] | null {
  const raw = params[name];
  if (raw === undefined || raw === null || raw === '') return null;
  let value: unknown = raw;
  if (typeof raw === 'string') {
    const trimmed = raw.trim();
    value = trimmed.startsWith('[') ? parseJson(name, trimmed) : trimmed.split(',').map((s) => s.trim()).filter(Boolean);
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw ckanValidation({ [name]: 'Must be a list of strings' });
  return value;
}

/** An object given as JSON, or as a JSON-encoded string in a query string. */
export function object(params: Params, name: string): Record<string, unknown> | null {
  const raw = params[name];
  if (raw === undefined || raw === null || raw === '') return null;
  const value = typeof raw === 'string' ? parseJson(name, raw) : raw;
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw ckanValidation({ [name]: 'Must be a JSON object' });
  return value as Record<string, unknown>;
}

function parseJson(name: string, raw: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw ckanValidation({ [name]: 'Invalid JSON' });
  }
  // The edge checked the text; its JSON escapes (\u0000) only show once parsed.
  const problem = findInputProblem(value, name);
  if (problem) throw ckanValidation({ [problem.path]: problem.message });
  return value;
}

/** Solr fields of CKAN's search index that map onto the catalogue search. */
const TEXT_FIELDS = new Set(['text', 'name', 'title', 'notes']);
/** Conditions harvesters add that hold for every dataset the search returns anyway. */
const ALWAYS_TRUE = new Map([
  ['dataset_type', 'dataset'],
  ['type', 'dataset'],
  ['state', 'active'],
  ['capacity', 'public'],
]);

export interface SearchTerms {
  text: string | null;
  filter: DatasetSearchFilter;
}

const TERM = /([+-]?)([A-Za-z_.]+):("(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^\s"]+)/g;

/**
 * Reads CKAN's `q` and `fq` (Solr syntax) into a text search and facet filters: `organization:`, `tags:`,
 * `res_format:` and `groups:` filter; `title:`, `name:`, `notes:` and `text:` add words to the search;
 * `*:*` matches everything. Anything else is refused rather than silently ignored, so a client never takes
 * a wrong answer for a right one.
 */
export function searchTerms(q: string | null, fq: string | null): SearchTerms {
  const words: string[] = [];
  const filter: Required<Pick<DatasetSearchFilter, 'organizations' | 'tags' | 'formats' | 'themes'>> = {
    organizations: [],
    tags: [],
    formats: [],
    themes: [],
  };
  for (const [param, source] of [['q', q], ['fq', fq]] as const) {
    if (!source) continue;
    const rest = source.replace(/\*:\*/g, ' ').replace(TERM, (_m, sign: string, field: string, raw: string) => {
      const value = unquote(raw);
      if (sign === '-') throw ckanValidation({ [param]: `负向条件不受支持 / negated terms are not supported (${field})` });
      if (field === 'organization' || field === 'owner_org') filter.organizations.push(value);
      else if (field === 'tags') filter.tags.push(value);
      else if (field === 'res_format') filter.formats.push(value);
      else if (field === 'groups') filter.themes.push(value.toUpperCase());
      else if (TEXT_FIELDS.has(field)) words.push(value.replace(/[*?]/g, ' '));
      else if (ALWAYS_TRUE.get(field) !== value) throw ckanValidation({ [param]: `不支持的检索字段 / unsupported search field: ${field}` });
      return ' ';
    });
    // Boolean operators of Solr are dropped: the catalogue search matches all the words it is given.
    const free = rest.replace(/\|\||&&|\b(AND|OR)\b|[+()]/g, ' ').trim();
    if (free && param === 'fq') throw ckanValidation({ fq: `无法解析的过滤条件 / cannot read this filter: ${free}` });
    if (free) words.push(free);
  }
  const joined = words.join(' ').replace(/\s+/g, ' ').trim();
  const compact = Object.fromEntries(Object.entries(filter).filter(([, v]) => v.length > 0)) as DatasetSearchFilter;
  return { text: joined || null, filter: compact };
}

function unquote(raw: string): string {
  if (raw.startsWith('"') && raw.endsWith('"')) return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  return raw;
}
