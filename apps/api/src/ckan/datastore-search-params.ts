import { DatastoreSearch } from '@opendata/datastore';
import { findInputProblem, message } from '@opendata/common';
import { ckanValidation } from './ckan-envelope';
import { Params, bool, integer, list, object, refuseGiven, rejectUnknown, text } from './ckan-params';

export const MAX_LIMIT = 32000;

/** The parameters of CKAN's datastore_search (`id` is CKAN's alias of resource_id). */
export const DATASTORE_SEARCH_PARAMS: ReadonlySet<string> = new Set([
  'resource_id', 'id', 'q', 'full_text', 'plain', 'language', 'filters', 'distinct', 'limit', 'offset', 'fields', 'sort',
  'include_total', 'total_estimation_threshold', 'records_format',
]);

/**
 * Reads datastore_search's parameters into a request for compileDatastoreSearch (libs/datastore), which checks
 * the names against the table. Options that would change the answer in ways not implemented are refused by
 * name: `plain=false` (q in PostgreSQL's tsquery syntax), `language` (stemming), `distinct`, records formats
 * other than objects. total_estimation_threshold is accepted: the total is always exact, which CKAN allows.
 */
export function datastoreSearchRequest(params: Params): DatastoreSearch {
  rejectUnknown(params, DATASTORE_SEARCH_PARAMS);
  if (!bool(params, 'plain', true)) throw ckanValidation({ plain: message('ckan.plainOnly') });
  refuseGiven(params, ['language'], 'ckan.languageStemming');
  if (bool(params, 'distinct', false)) throw ckanValidation({ distinct: message('ckan.noDistinct') });
  if ((text(params, 'records_format') ?? 'objects') !== 'objects') throw ckanValidation({ records_format: message('ckan.objectsOnly') });
  if (params.total_estimation_threshold !== null) integer(params, 'total_estimation_threshold', 0, -1, Number.MAX_SAFE_INTEGER);
  return {
    limit: integer(params, 'limit', 100, 0, MAX_LIMIT),
    offset: integer(params, 'offset', 0, 0, Number.MAX_SAFE_INTEGER),
    fields: list(params, 'fields'),
    filters: object(params, 'filters'),
    fullText: text(params, 'full_text'),
    q: queryParam(params.q),
    sort: list(params, 'sort')?.join(',') ?? null,
    includeTotal: bool(params, 'include_total', true),
  };
}

/** `q`: a text, or an object of column -> text (a JSON object given as a string counts as an object, as in CKAN). */
function queryParam(raw: unknown): string | Record<string, unknown> | null {
  if (raw === undefined || raw === null || (typeof raw === 'string' && !raw.trim())) return null;
  if (typeof raw === 'string') {
    if (!raw.trim().startsWith('{')) return raw;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return raw; // Not JSON: CKAN then searches the text as it is.
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return raw;
    // The edge checked the text; its JSON escapes (\u0000) only show once parsed.
    const problem = findInputProblem(parsed, 'q');
    if (problem) throw ckanValidation({ [problem.path]: problem.message });
    return parsed as Record<string, unknown>;
  }
  if (typeof raw === 'object' && !Array.isArray(raw)) return raw as Record<string, unknown>;
  throw ckanValidation({ q: message('ckan.qShape') });
}
