import type { TypedDocumentString } from '../gql/graphql';
import { ApiError, errorKind, graphqlRequest, localMessage, retryAfterSeconds } from './client';

const DOCUMENT = { toString: () => '{ catalogStats { datasets } }' } as unknown as TypedDocumentString<{ catalogStats: { datasets: number } }, Record<string, never>>;

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

async function failure(response: Response | Error): Promise<ApiError> {
  const original = globalThis.fetch;
  globalThis.fetch = (async () => {
    if (response instanceof Error) throw response;
    return response;
  }) as typeof fetch;
  try {
    await graphqlRequest(DOCUMENT);
  } catch (error) {
    return error as ApiError;
  } finally {
    globalThis.fetch = original;
  }
  throw new Error('the request did not fail');
}

describe('the API client', () => {
  it('maps GraphQL codes first, then HTTP statuses, to what the page says', () => {
    expect(errorKind(400, 'QUERY_TOO_COSTLY')).toBe('tooExpensive');
    expect(errorKind(200, 'BAD_USER_INPUT')).toBe('badInput');
    expect(errorKind(429, 'RATE_LIMITED')).toBe('rateLimited');
    expect(errorKind(400, 'GRAPHQL_VALIDATION_FAILED')).toBe('outdated');
    expect(errorKind(200, 'NOT_FOUND')).toBe('notFound');
    expect(errorKind(429)).toBe('rateLimited');
    expect(errorKind(503)).toBe('unavailable');
    expect(errorKind(502)).toBe('unavailable');
    expect(errorKind(500, 'INTERNAL_SERVER_ERROR')).toBe('server');
  });

  it('reads how long to wait from Retry-After in seconds or as a date, else from the message', () => {
    expect(retryAfterSeconds('17')).toBe(17);
    expect(retryAfterSeconds('0')).toBe(1);
    expect(retryAfterSeconds('Wed, 09 Dec 2026 08:00:30 GMT', '', Date.parse('2026-12-09T08:00:00Z'))).toBe(30);
    expect(retryAfterSeconds(null, '请求过于频繁 / Too many requests: ... retry in 42 s')).toBe(42);
    expect(retryAfterSeconds(null, 'no figure')).toBeUndefined();
  });

  it('shows the half of a bilingual message in the reader language, and one-language messages as they are', () => {
    expect(localMessage('不能审查自己提交的内容 (you cannot approve what you submitted yourself)', false)).toBe('不能审查自己提交的内容');
    expect(localMessage('不能审查自己提交的内容 (you cannot approve what you submitted yourself)', true)).toBe('you cannot approve what you submitted yourself');
    expect(localMessage('查询嵌套过深 / Query too deep: depth 13, at most 12', false)).toBe('查询嵌套过深');
    expect(localMessage('查询嵌套过深 / Query too deep: depth 13, at most 12', true)).toBe('Query too deep: depth 13, at most 12');
    expect(localMessage('数据库不接受这个值 (invalid value: "2026-02-30" (date))', true)).toBe('invalid value: "2026-02-30" (date)');
    expect(localMessage('must be an e-mail address or a telephone number', false)).toBe('must be an e-mail address or a telephone number');
    expect(localMessage('衡阳市 (430400)', true)).toBe('衡阳市 (430400)');
  });

  it('turns a 429 into a rate-limit error that says when to retry', async () => {
    const error = await failure(
      answer(429, { errors: [{ message: '请求过于频繁 / Too many requests: retry in 9 s', extensions: { code: 'RATE_LIMITED' } }] }, { 'retry-after': '12' }),
    );
    expect(error).toMatchObject({ kind: 'rateLimited', status: 429, retryAfter: 12 });
  });

  it('keeps the fields of a BAD_USER_INPUT, and the figures of a refused query as its message', async () => {
    const bad = await failure(
      answer(200, { errors: [{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'contact', message: 'must be an e-mail address' }, { bogus: 1 }] } }], data: null }),
    );
    expect(bad).toMatchObject({ kind: 'badInput', fields: [{ path: 'contact', message: 'must be an e-mail address' }] });
    const costly = await failure(answer(400, { errors: [{ message: '查询代价过高 / Query too costly: it costs 6002 points, at most 500 per request', extensions: { code: 'QUERY_TOO_COSTLY', cost: 6002 } }] }));
    expect(costly).toMatchObject({ kind: 'tooExpensive', status: 400, retryAfter: undefined });
    expect(costly.detail).toContain('6002');
  });

  it('judges answers that are not JSON by their status, and a failed connection as the network', async () => {
    expect(await failure(answer(502, '<html>Bad gateway</html>'))).toMatchObject({ kind: 'unavailable', status: 502 });
    expect(await failure(answer(200, { data: null }))).toMatchObject({ kind: 'server' });
    expect(await failure(new TypeError('Failed to fetch'))).toMatchObject({ kind: 'network' });
  });
});
