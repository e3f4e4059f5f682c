// `npm run test:browser`: the portal in Debian's Chromium against a server this file starts (embedded
// defaults, demo catalogue). Every test fails on a console error and on any request to another host.
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { adminGraphql, ADMIN_TOKEN, assertClean, axeViolations, launchBrowser, openPage, ROOT, startServer } from './harness.mjs';

const AIR = 'hengyang-air-quality-hourly';
const MAPPED = 'cnemc-hengyang-stations';
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs/screenshots') : join(ROOT, 'dist/browser-screenshots');
const NOT_FOUND_DOCUMENT = /status of 404/;

let server;
let browser;

async function shot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Opens a page, runs the test body, then checks the page stayed clean; the context is always closed. */
async function withPage(body, options) {
  const { context, page, record } = await openPage(browser, server, options);
  try {
    await body(page, record);
    assertClean(assert, record);
  } finally {
    await context.close();
  }
}

/** A dataset whose rows carry station coordinates (the CNEMC snapshot fixture), for the map. */
async function publishMappedDataset() {
  await adminGraphql(server, 'mutation { setOrganizationReviewRequired(slug: "hy-env-bureau", required: false) { slug } }');
  const { createDataset } = await adminGraphql(
    server,
    `mutation ($input: CreateDatasetInput!) { createDataset(input: $input) { id slug status } }`,
    {
      input: {
        organization: 'hy-env-bureau',
        slug: MAPPED,
        title: '衡阳市国控空气质量监测站点实时数据（快照）',
        description: '衡阳市国控空气质量监测站点某一时刻的实时数据，含站点经纬度。(测试数据)',
        themes: ['GOV_ECOLOGY', 'ENVI'],
        issued: '2026-09-01',
        contactPoint: { name: '环境监测科', phone: '0734-8100170' },
        updateFrequency: 'HOURLY',
      },
    },
  );
  // Without review, an administrator publishes the record directly.
  await adminGraphql(server, `mutation { updateDataset(id: "${createDataset.id}", input: { status: PUBLISHED }) { status } }`);
  const form = new FormData();
  form.append('schema', 'air-quality-hourly');
  const csv = await readFile(join(ROOT, 'schemas/fixtures/air-quality-hourly/valid/cnemc-snapshot-hengyang.csv'));
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'cnemc-snapshot-hengyang.csv');
  const response = await fetch(`${server.url}/api/v1/datasets/${MAPPED}/resources`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, body: form });
  assert.equal(response.status, 201, await response.text());
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await publishMappedDataset();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('home page', () => {
  it('loads within the JavaScript budget, shows the figures, and pulls no chart code', async (t) => {
    await withPage(async (page) => {
      const scripts = [];
      page.on('requestfinished', async (request) => {
        if (request.resourceType() !== 'script') return;
        const sizes = await request.sizes();
        scripts.push({ url: request.url(), bytes: sizes.responseBodySize, encoding: (await request.response())?.headers()['content-encoding'] });
      });
      const started = Date.now();
      await page.goto(`${server.url}/`, { waitUntil: 'load' });
      await page.locator('.figures dd').first().waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.shelf__item').length >= 3);
      const ready = Date.now() - started;
      await page.waitForLoadState('networkidle');
      const navigation = await page.evaluate(() => JSON.parse(JSON.stringify(performance.getEntriesByType('navigation')[0])));
      const total = scripts.reduce((sum, script) => sum + script.bytes, 0);
      const measures = { homeJsCompressedBytes: total, scripts: scripts.map((s) => `${s.url.replace(server.url, '')} ${s.bytes} B ${s.encoding ?? 'identity'}`), loadEventMs: Math.round(navigation.loadEventEnd), contentReadyMs: ready };
      t.diagnostic(JSON.stringify(measures));
      await mkdir(join(ROOT, 'dist'), { recursive: true });
      await writeFile(join(ROOT, 'dist/browser-measures.json'), JSON.stringify(measures, null, 2));
      assert.ok(scripts.length > 0);
      assert.ok(scripts.every((script) => script.encoding === 'br'), 'scripts are sent brotli-compressed');
      assert.ok(total <= 300 * 1024, `home page JavaScript ${total} B compressed, budget 300 KB`);
      assert.ok(!scripts.some((script) => /echarts|PreviewChart|PointsMap|explorer|monaco/i.test(script.url)), 'no chart or explorer code on the home page');
      const figures = await page.locator('.figures dd').allInnerTexts();
      assert.equal(figures.length, 4);
      assert.ok(Number(figures[0].replace(/\D/g, '')) >= 40, `datasets figure ${figures[0]}`);
      await shot(page, 'home');
    });
  });

  it('is keyboard navigable: the first Tab reaches the skip link, which moves focus to the main content', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/`);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    });
  });
});

describe('finding and downloading data', () => {
  it('search 空气质量, narrow by organization, open the dataset, filter the preview and download the CSV', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/`);
      await page.getByTestId('search-input').fill('空气质量');
      await page.getByTestId('search-suggestion').first().waitFor();
      await page.getByTestId('search-submit').click();
      await page.waitForURL(/\/search\?q=/);
      await page.getByTestId('search-result').first().waitFor();
      assert.match(await page.getByRole('status').first().innerText(), /空气质量/);
      assert.ok((await page.locator('mark').count()) > 0, 'matches are highlighted');

      const facet = page.getByTestId('facet-organization').getByRole('checkbox', { name: /衡阳市环境保护局/ });
      await facet.check();
      await page.waitForURL(/organization=hy-env-bureau/);
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      const organizations = await page.locator('.result__org').allInnerTexts();
      assert.ok(organizations.length > 0 && organizations.every((name) => name === '衡阳市环境保护局'), organizations.join());
      await shot(page, 'search');

      await page.getByTestId('search-result').filter({ hasText: '监测站点小时数据' }).getByRole('link').first().click();
      await page.waitForURL(new RegExp(`/datasets/${AIR}$`));
      assert.equal(await page.getByTestId('dataset-title').innerText(), '衡阳市空气质量监测站点小时数据');

      const table = page.getByTestId('preview-table');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=preview-table] tbody tr').length === 50);
      await page.getByTestId('preview-chart').locator('canvas').first().waitFor();
      await page.waitForTimeout(1500);
      await shot(page, 'dataset');
      const headers = await table.locator('thead th').allInnerTexts();
      const stationColumn = headers.findIndex((text) => text.includes('监测点位名称'));
      assert.ok(stationColumn > 0, headers.join('|'));
      await page.getByTestId('filter-field').selectOption('station_name');
      await page.getByTestId('filter-op').selectOption('contains');
      await page.getByTestId('filter-value').fill('市监测站');
      await page.getByTestId('filter-apply').click();
      const shown = page.locator('.preview-table [role=status]');
      await shown.filter({ hasText: '已显示 50 条，共 720 条' }).waitFor();
      const stations = await table.locator(`tbody tr td:nth-child(${stationColumn + 1})`).allInnerTexts();
      assert.equal(stations.length, 50);
      assert.ok(stations.every((name) => name === '市监测站'), stations.join());

      await table.getByRole('button', { name: /空气质量指数/ }).first().click();
      await page.waitForFunction(() => document.querySelector('[data-testid=preview-table] th[aria-sort=ascending]'));
      await page.getByRole('button', { name: /加载更多/ }).click();
      await shown.filter({ hasText: '已显示 100 条，共 720 条' }).waitFor();

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').first().click()]);
      const csv = await readFile(await download.path(), 'utf8');
      const lines = csv.trim().split('\n');
      assert.match(lines[0], /^station_code,area,station_name,time,aqi/);
      assert.equal(lines.length, 4321, 'the header and every validated row');
      assert.ok(lines.some((line) => line.includes('市监测站')));
      const excel = await page.request.get(new URL(await page.getByTestId('download-csv-excel').first().getAttribute('href'), server.url).href);
      assert.equal((await excel.body()).subarray(0, 3).toString('hex'), 'efbbbf', 'CSV for Excel starts with a BOM');
    });
  });

  it('draws the chart, and lets the reader pick the measure', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/datasets/${AIR}`);
      const chart = page.getByTestId('preview-chart');
      await chart.locator('canvas').first().waitFor();
      await page.waitForFunction(() => /市监测站/.test(document.querySelector('.chart-canvas')?.getAttribute('aria-label') ?? ''));
      const box = await chart.locator('canvas').first().boundingBox();
      assert.ok(box && box.width > 300 && box.height > 200, JSON.stringify(box));
      await chart.getByLabel('指标').selectOption('pm2_5');
      await page.waitForFunction(() => /PM2\.5|细颗粒物/.test(document.querySelector('.chart-canvas')?.getAttribute('aria-label') ?? ''));
      assert.equal(await page.locator('.preview-chart [role=alert]').count(), 0);
      // The hourly file has no coordinates, so no map; the daily file of the same dataset has them.
      assert.equal(await page.getByTestId('preview-map').isVisible(), false);
      await page.getByTestId('preview-resource').selectOption({ label: '衡阳市环境空气质量日数据_2026年9月_示例数据' });
      await page.getByTestId('preview-map').locator('canvas').first().waitFor();
      assert.match(await page.locator('.points-map').innerText(), /6 个点位/);
    });
  });

  it('offers a rows query that runs as copied and returns typed fields of the file', async () => {
    await withPage(async (page) => {
      for (const slug of [AIR, 'hengyang-administrative-penalty-decisions']) {
        await page.goto(`${server.url}/datasets/${slug}`);
        await page.getByTestId('preview-table').locator('tbody tr').first().waitFor();
        const snippet = page.locator('pre', { has: page.locator('code', { hasText: 'rows(first: 20)' }) });
        await page.waitForFunction(() => [...document.querySelectorAll('pre code')].some((code) => /on \w+Row \{ rowNumber \w+/.test(code.textContent ?? '') && !/JsonRow/.test(code.textContent ?? '')));
        const query = await snippet.innerText();
        assert.doesNotMatch(query, /__rows/, slug);
        const answer = await (await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json();
        assert.equal(answer.errors, undefined, `${slug}: ${JSON.stringify(answer.errors)}`);
        const [node] = answer.data.resource.rows.nodes;
        assert.ok(Object.keys(node).length > 2, `${slug}: typed fields come back, ${JSON.stringify(node)}`);
      }
    });
  });

  it('shows every version with its report and hash, and the sign-off with the record and file hashes', async () => {
    const { dataset } = await adminGraphql(
      server,
      `{ dataset(slug: "${AIR}") { signOff { sha256 files { sha256 } } resources { versions { version sha256 report { errorCount } } } } }`,
    );
    await withPage(async (page) => {
      await page.goto(`${server.url}/datasets/${AIR}`);
      const signOff = page.getByTestId('sign-off');
      await signOff.getByTestId('signoff-sha256').waitFor();
      assert.equal(await signOff.getByTestId('signoff-sha256').innerText(), dataset.signOff.sha256);
      assert.match(await signOff.innerText(), /目录记录.*不是文件的哈希/s, 'says what the record hash is');
      const fileHashes = await signOff.getByTestId('signed-file-sha256').allInnerTexts();
      assert.deepEqual(fileHashes.sort(), dataset.signOff.files.map((file) => file.sha256).sort());
      for (const summary of await page.locator('details.versions summary').all()) await summary.click();
      const versions = dataset.resources.flatMap((resource) => resource.versions);
      await page.waitForFunction((count) => document.querySelectorAll('[data-testid=version-report]').length === count, versions.length);
      const shown = await page.getByTestId('version-sha256').allInnerTexts();
      assert.deepEqual(shown.sort(), versions.map((version) => version.sha256).sort());
      const reports = await page.getByTestId('version-report').allInnerTexts();
      assert.ok(reports.every((text) => /校验通过/.test(text) && /共 [\d,]+ 条记录，0 个问题/.test(text)), reports.join('\n'));
      assert.equal(await page.getByTestId('report-error').count(), versions.reduce((sum, version) => sum + version.report.errorCount, 0));
      await page.locator('#signoff-heading').evaluate((heading) => heading.scrollIntoView());
      await shot(page, 'dataset-versions');
    });
  });

  it('maps the stations of a file with coordinates, drawn without any tile server', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/datasets/${MAPPED}`);
      const map = page.getByTestId('preview-map');
      await map.locator('canvas').first().waitFor();
      assert.match(await page.locator('.points-map').innerText(), /6 个点位/);
      assert.match(await map.getAttribute('aria-label'), /市监测站/, 'the chart describes its points to screen readers');
      const box = await map.locator('canvas').first().boundingBox();
      assert.ok(box && box.width > 300 && box.height > 300, JSON.stringify(box));
      await page.locator('#map-heading').evaluate((heading) => heading.scrollIntoView());
      await page.waitForTimeout(1000);
      await shot(page, 'map');
    });
  });
});

describe('languages', () => {
  it('switches to English and back, remembers the choice, and honours ?lang=en', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/`);
      await page.getByRole('heading', { level: 1, name: '开放数据，看得到、听得懂、能监督' }).waitFor();
      await page.getByTestId('lang-switch').click();
      await page.getByRole('heading', { level: 1, name: /Open data you can see/ }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: /Open data you can see/ }).waitFor();
      await page.goto(`${server.url}/scoreboard`);
      await page.getByRole('heading', { level: 1, name: 'Openness scoreboard' }).waitFor();
      await page.getByTestId('lang-switch').click();
      await page.getByRole('heading', { level: 1, name: '公开考核' }).waitFor();
    });
    await withPage(async (page) => {
      await page.goto(`${server.url}/?lang=en`);
      await page.getByRole('heading', { level: 1, name: /Open data you can see/ }).waitFor();
      assert.equal(await page.getByTestId('lang-switch').innerText(), '中文');
    });
  });
});

describe('accountability', () => {
  it('submits a data request and lists it', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/requests`);
      const form = page.getByTestId('request-form');
      await form.getByTestId('request-submit').click();
      await form.getByText('请选择部门').waitFor();
      await form.getByTestId('request-organization').click();
      await page.getByRole('option', { name: '衡阳市环境保护局' }).click();
      await form.getByTestId('request-title').fill('衡阳市2025年逐日空气质量数据');
      await form.getByTestId('request-description').fill('用于研究衡阳市空气质量的季节变化，需要各站点逐日AQI和六项污染物浓度。');
      await form.getByTestId('request-contact').fill('researcher@example.org');
      await form.getByTestId('request-submit').click();
      await form.getByRole('status').filter({ hasText: '已提交' }).waitFor();
      const item = page.getByTestId('request-item').filter({ hasText: '衡阳市2025年逐日空气质量数据' });
      await item.waitFor();
      assert.match(await item.innerText(), /待答复/);
      assert.doesNotMatch(await page.locator('body').innerText(), /researcher@example\.org/, 'the contact is never shown');
      await shot(page, 'requests');
    });
  });

  it('shows the scoreboard, sorts it, and offers it as CSV', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/scoreboard`);
      const table = page.getByTestId('scoreboard-table');
      await table.locator('tbody tr').first().waitFor();
      const { organizations } = await adminGraphql(server, '{ organizations { slug } }');
      assert.equal(await table.locator('tbody tr').count(), organizations.length);
      const header = table.locator('th', { has: page.getByRole('button', { name: /已发布数据集/ }) });
      await header.getByRole('button').click();
      assert.equal(await header.getAttribute('aria-sort'), 'descending');
      const counts = (await table.locator('tbody tr td:nth-child(4)').allInnerTexts()).map(Number);
      assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
      await shot(page, 'scoreboard');
      const csv = await page.request.get(`${server.url}/api/v1/scoreboard.csv`);
      assert.equal(csv.status(), 200);
      assert.match(await csv.text(), /衡阳市环境保护局/);
    });
  });
});

describe('developers', () => {
  it('runs a query in the explorer with nothing fetched from another host', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/graphql`);
      await page.locator('.graphiql-container').waitFor();
      await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor();
      await page.locator('.graphiql-execute-button').click();
      await page.locator('.graphiql-response').getByText('totalCount').first().waitFor({ timeout: 30_000 });
      assert.match(await page.locator('.graphiql-response').innerText(), /衡阳市空气质量监测站点小时数据/);
      await shot(page, 'explorer');
    });
  });
});

describe('not found', () => {
  it('answers unknown slugs and paths with HTTP 404 and the 404 page', async () => {
    await withPage(
      async (page) => {
        for (const path of ['/datasets/no-such-dataset', '/organizations/no-such-agency', '/no/such/page']) {
          const response = await page.goto(`${server.url}${path}`);
          assert.equal(response.status(), 404, path);
          await page.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();
        }
      },
      { allowedConsole: [NOT_FOUND_DOCUMENT] },
    );
  });
});

const PAGES = [
  { path: '/', ready: '.shelf__item' },
  { path: '/search?q=空气质量', ready: '[data-testid=search-result]' },
  { path: `/datasets/${AIR}`, ready: '[data-testid=preview-table] tbody tr', open: true },
  { path: `/datasets/${MAPPED}`, ready: '[data-testid=preview-map] canvas' },
  { path: '/organizations/hy-env-bureau', ready: '[data-testid=search-result]' },
  { path: '/requests', ready: '[data-testid=request-form]' },
  { path: '/scoreboard', ready: '[data-testid=scoreboard-table] tbody tr' },
  { path: '/developers', ready: 'pre' },
  { path: '/no/such/page', ready: 'h1', notFound: true },
  { path: '/graphql', ready: '.graphiql-query-editor .monaco-editor' },
];

describe('accessibility', () => {
  for (const target of PAGES) {
    it(`axe finds no serious or critical violation on ${target.path}`, async () => {
      await withPage(
        async (page) => {
          await page.goto(`${server.url}${target.path}`);
          await page.locator(target.ready).first().waitFor();
          if (target.open) {
            for (const summary of await page.locator('details summary').all()) await summary.click();
            await page.locator('.report').first().waitFor();
          }
          await page.waitForLoadState('networkidle');
          const violations = await axeViolations(page);
          assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
        },
        target.notFound ? { allowedConsole: [NOT_FOUND_DOCUMENT] } : undefined,
      );
    });
  }
});

describe('a 375 px phone', () => {
  it('shows every page without sideways scrolling', async () => {
    await withPage(
      async (page) => {
        for (const target of PAGES.filter((item) => item.path !== '/graphql')) {
          await page.goto(`${server.url}${target.path}`);
          await page.locator(target.ready).first().waitFor();
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= 375, `${target.path} is ${width} px wide`);
          if (target.path === '/') await shot(page, 'home-375');
        }
      },
      { viewport: { width: 375, height: 812 }, allowedConsole: [NOT_FOUND_DOCUMENT] },
    );
  });
});
