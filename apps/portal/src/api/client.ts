import type { TypedDocumentString } from '../gql/graphql';

/** What went wrong with a call, in the words the portal shows (keys of the `errors` messages). */
export type ErrorKind = 'network' | 'notFound' | 'badInput' | 'forbidden' | 'rateLimited' | 'tooExpensive' | 'server';

/** The one error type of the portal's API calls: a kind the page explains, and the server's own message. */
export class ApiError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly detail?: string,
    readonly status?: number,
  ) {
    super(detail ?? kind);
  }
}

interface GraphqlResponse<R> {
  data?: R | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const CODE_KINDS: Record<string, ErrorKind> = {
  NOT_FOUND: 'notFound',
  BAD_USER_INPUT: 'badInput',
  GRAPHQL_VALIDATION_FAILED: 'tooExpensive',
  UNAUTHENTICATED: 'forbidden',
  FORBIDDEN: 'forbidden',
  TOO_MANY_REQUESTS: 'rateLimited',
  RATE_LIMITED: 'rateLimited',
};

/** Maps an HTTP status or a GraphQL error code to what the reader is told; the single place that does. */
export function errorKind(status: number, code?: string): ErrorKind {
  if (code && CODE_KINDS[code]) return CODE_KINDS[code];
  if (status === 404) return 'notFound';
  if (status === 429) return 'rateLimited';
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 400 || status === 422) return 'badInput';
  return 'server';
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
  const body = (await response.json().catch(() => null)) as GraphqlResponse<R> | null;
  const first = body?.errors?.[0];
  if (first) throw new ApiError(errorKind(response.status, first.extensions?.code), first.message, response.status);
  if (!response.ok || !body?.data) throw new ApiError(errorKind(response.status), undefined, response.status);
  return body.data;
}

/** Any thrown value as an ApiError, so pages show one kind of message. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('server', error instanceof Error ? error.message : undefined);
}
