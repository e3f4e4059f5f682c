// `npm run test:browser`: what a reader sees when the API fails. The browser answers the portal's GraphQL calls
// itself (request interception) with each failure the server can give, and every page must then explain it in
// plain words, keep its header, title and navigation, and offer a way on; never a blank page.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertClean, launchBrowser, openPage, ROOT, startServer } from './harness.mjs';

const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs/screenshots') : join(ROOT, 'dist/browser-screenshots');

// The browser reports every failed answer and aborted request on its console; those are the point here.
const FAILED_LOADS = [/status of (4|5)\d\d/, /net::ERR_/];

let server;
let browser;

const graphqlError = (message, code, extra = {}) => JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }], data: null });

const FAILURES = [
  {
    name: 'a query the server finds too costly',
    answer: { status: 400, body: graphqlError('查询代价过高 / Query too costly: it costs 6002 points, at most 500 per request', 'QUERY_TOO_COSTLY', { cost: 6002 }) },
    notice: /查询的范围过大.*缩小范围/s,
    detail: /查询代价过高/,
    retry: true,
  },
  { name: 'an unknown record', answer: { status: 200, body: graphqlError('数据集不存在 (dataset not found)', 'NOT_FOUND') }, notice: /没有找到您要的内容/, detail: /数据集不存在/ },
  {
    name: 'input the server refuses',
    answer: { status: 200, body: graphqlError('参数不正确 (invalid argument: first must be at most 100)', 'BAD_USER_INPUT') },
    notice: /提交的内容有误/,
    detail: /参数不正确/,
  },
  {
    name: 'an unexpected server error, whose message is never shown',
    answer: { status: 500, body: graphqlError('relation "datasets" does not exist at Parser.parseErrorMessage', 'INTERNAL_SERVER_ERROR') },
    notice: /服务器暂时出错/,
    retry: true,
    hidden: /relation|Parser/,
  },
  { name: 'a proxy error page that is not JSON', answer: { status: 502, contentType: 'text/html', body: '<html><body>Bad Gateway</body></html>' }, notice: /服务暂时不可用/, retry: true },
  { name: 'the network down', abort: 'internetdisconnected', notice: /无法连接到服务器/, retry: true },
];

/** Answers every GraphQL call of the page with `failure` (or lets them through once `failure` is null). */
async function failGraphql(page, failure) {
  await page.unroute('**/graphql');
  if (!failure) return;
  await page.route('**/graphql', (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    if (failure.abort) return route.abort(failure.abort);
    const { status, body, headers = {}, contentType = 'application/json' } = failure.answer;
    return route.fulfill({ status, body, contentType, headers });
  });
}

/** The page is not blank: its banner, its title and its navigation are there, and the notice says why. */
async function assertExplained(page, notice) {
  const alert = page.getByTestId('error-notice').first();
  await alert.waitFor();
  assert.match(await alert.innerText(), notice);
  assert.ok(await page.getByRole('banner').isVisible(), 'the page header is shown');
  assert.ok(await page.getByRole('heading', { level: 1 }).first().isVisible(), 'the page has its title');
  assert.ok(await page.getByRole('navigation').first().isVisible(), 'the reader can still go elsewhere');
  return alert;
}

async function withPage(body, options = {}) {
  const { context, page, record } = await openPage(browser, server, { allowedConsole: FAILED_LOADS, ...options });
  try {
    await body(page);
    assertClean(assert, record);
  } finally {
    await context.close();
  }
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('API failures', () => {
  it('explains every kind of failure in plain Chinese on the home page, never a blank page', async () => {
    await withPage(async (page) => {
      for (const failure of FAILURES) {
        await failGraphql(page, failure);
        await page.goto(`${server.url}/`);
        const alert = await assertExplained(page, failure.notice);
        const text = await alert.innerText();
        if (failure.detail) assert.match(text, failure.detail, failure.name);
        if (failure.hidden) assert.doesNotMatch(await page.locator('body').innerText(), failure.hidden, failure.name);
        assert.doesNotMatch(text, /errors\.|\{\w+\}/, `${failure.name}: no untranslated key`);
        // Trying again helps with what may pass; not with what is missing or wrong in the request.
        assert.equal(await alert.getByRole('button', { name: '重试' }).count(), failure.retry ? 1 : 0, failure.name);
        // The page's sections failed together: one notice explains it, the others say they wait on it.
        assert.equal(await page.getByTestId('error-notice').count(), 1, `${failure.name}: one notice`);
        assert.ok((await page.locator('.loading-block__unavailable').count()) >= 3, `${failure.name}: the other sections say so`);
      }
    });
  });

  it('counts down the wait a 429 asks for (Retry-After), then retries and shows the content', async () => {
    await withPage(async (page) => {
      await failGraphql(page, {
        answer: { status: 429, headers: { 'retry-after': '3' }, body: graphqlError('请求过于频繁 / Too many requests: retry in 3 s', 'RATE_LIMITED') },
      });
      await page.goto(`${server.url}/`);
      const alert = await assertExplained(page, /访问过于频繁/);
      assert.match(await alert.getByTestId('error-wait').innerText(), /请在 [1-3] 秒后重试/);
      const retry = alert.getByRole('button', { name: '重试' });
      assert.equal(await retry.isDisabled(), true, 'no retry before the wait is over');
      await mkdir(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, 'rate-limited.png') });
      await failGraphql(page, null);
      await alert.getByText('现在可以重试了').waitFor();
      await page.getByTestId('error-notice').first().getByRole('button', { name: '重试' }).click();
      // One retry brings back every section that failed, not only the one whose notice was shown.
      await page.locator('.figures dd').first().waitFor();
      await page.locator('.shelf__item').first().waitFor();
      assert.equal(await page.locator('.loading-block__unavailable').count(), 0);
    });
  });

  it('says the service is busy on a 503 on the dataset page, in English for an English reader', async () => {
    await withPage(async (page) => {
      await failGraphql(page, {
        answer: { status: 503, headers: { 'retry-after': '120' }, body: graphqlError('服务繁忙 (service busy)', 'SERVICE_UNAVAILABLE') },
      });
      const response = await page.goto(`${server.url}/datasets/hengyang-air-quality-hourly`);
      assert.equal(response.status(), 200);
      const alert = await assertExplained(page, /服务暂时不可用/);
      assert.match(await alert.getByTestId('error-wait').innerText(), /请在 \d+ 秒后重试/);
      await page.goto(`${server.url}/datasets/hengyang-air-quality-hourly?lang=en`);
      const english = await assertExplained(page, /The service is unavailable for a moment/);
      assert.match(await english.getByTestId('error-wait').innerText(), /Try again in \d+ s/);
    });
  });
});
