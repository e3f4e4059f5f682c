import type { TypedDocumentString } from '../gql/graphql';

/** What went wrong with a call, in the words the portal shows (keys of the `errors` messages). */
export type ErrorKind = 'network' | 'notFound' | 'badInput' | 'forbidden' | 'rateLimited' | 'tooExpensive' | 'outdated' | 'unavailable' | 'server';

/** A problem with one input field, as the API names it (`contact`, `input.title`). */
export interface FieldProblem {
  path: string;
  message: string;
}

/** The one error type of the portal's API calls: a kind the page explains, and what the server said. */
export class ApiError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** The server's own message ("中文 (English)" or "中文 / English"); see localMessage. */
    readonly detail?: string,
    readonly status?: number,
    /** Seconds to wait before trying again (Retry-After), for rateLimited and unavailable. */
    readonly retryAfter?: number,
    /** The fields a BAD_USER_INPUT named, each with its problem. */
    readonly fields: FieldProblem[] = [],
  ) {
    super(detail ?? kind);
  }
}

interface GraphqlError {
  message: string;
  extensions?: { code?: string; fields?: unknown };
}

interface GraphqlResponse<R> {
  data?: R | null;
  errors?: GraphqlError[];
}

const CODE_KINDS: Record<string, ErrorKind> = {
  NOT_FOUND: 'notFound',
  BAD_USER_INPUT: 'badInput',
  UNPROCESSABLE: 'badInput',
  PAYLOAD_TOO_LARGE: 'badInput',
  QUERY_TOO_COSTLY: 'tooExpensive',
  // The server no longer knows a field or an argument the page asks for: the page is older than the server.
  GRAPHQL_VALIDATION_FAILED: 'outdated',
  GRAPHQL_PARSE_FAILED: 'outdated',
  UNAUTHENTICATED: 'forbidden',
  FORBIDDEN: 'forbidden',
  TOO_MANY_REQUESTS: 'rateLimited',
  RATE_LIMITED: 'rateLimited',
  SERVICE_UNAVAILABLE: 'unavailable',
};

/** Maps an HTTP status or a GraphQL error code to what the reader is told; the single place that does. */
export function errorKind(status: number, code?: string): ErrorKind {
  if (code && CODE_KINDS[code]) return CODE_KINDS[code];
  if (status === 404) return 'notFound';
  if (status === 429) return 'rateLimited';
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 400 || status === 413 || status === 422) return 'badInput';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  return 'server';
}

/**
 * Seconds to wait, from Retry-After (seconds or an HTTP date), else from the message's "retry in N s"; at
 * least 1 when the server asked for a wait at all.
 */
export function retryAfterSeconds(header: string | null, message = '', now = Date.now()): number | undefined {
  const value = header?.trim();
  if (value) {
    if (/^\d+$/.test(value)) return Math.max(1, Number(value));
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return Math.max(1, Math.ceil((date - now) / 1000));
  }
  const stated = /retry in (\d+)\s*s/i.exec(message);
  return stated ? Math.max(1, Number(stated[1])) : undefined;
}

function fieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((item): item is FieldProblem => typeof item?.path === 'string' && typeof item?.message === 'string')
    .map((item) => ({ path: item.path, message: item.message }));
}

/** The ApiError of an answer: its first GraphQL error, else its HTTP status. */
export function answerError(status: number, headers: Headers, first?: GraphqlError): ApiError {
  const kind = errorKind(status, first?.extensions?.code);
  const wait = kind === 'rateLimited' || kind === 'unavailable' ? retryAfterSeconds(headers.get('retry-after'), first?.message) : undefined;
  return new ApiError(kind, first?.message, status, wait, fieldProblems(first?.extensions?.fields));
}

const CJK = /[\u3400-\u9fff]/;
// The English half starts with no Chinese character and has words ("(430400)" after a place is no translation).
const englishHalf = (text: string) => !CJK.test(text.slice(0, 1)) && /[A-Za-z]{2}/.test(text);

/**
 * The half of a bilingual server message in the reader's language. The server writes "中文 (English)" or
 * "中文 / English: details"; a message in one language only is shown as it is, whatever the reader's language.
 */
export function localMessage(text: string, english: boolean): string {
  const slash = /^([^/]*?)\s+\/\s+(.+)$/s.exec(text);
  if (slash && CJK.test(slash[1]) && englishHalf(slash[2])) return english ? slash[2] : slash[1];
  const paren = /^(.*?)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$/s.exec(text);
  if (paren && CJK.test(paren[1]) && englishHalf(paren[2])) return english ? paren[2] : paren[1];
  return text;
}

/** Runs a typed GraphQL document against the platform's own /graphql. */
export async function graphqlRequest<R, V>(
  document: TypedDocumentString<R, V>,
  variables?: V,
  signal?: AbortSignal,
): Promise<R> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('network');
  }
  // A proxy's error page, or a connection cut mid-answer, is not JSON: judged by its status alone.
  const body = (await response.json().catch(() => null)) as GraphqlResponse<R> | null;
  const first = body?.errors?.[0];
  if (first || !response.ok || !body?.data) throw answerError(response.status, response.headers, first);
  return body.data;
}

/** Any thrown value as an ApiError, so pages show one kind of message. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('server', error instanceof Error ? error.message : undefined);
}
