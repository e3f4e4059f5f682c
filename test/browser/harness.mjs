// The browser tests' harness: the platform started on its embedded defaults (fresh temporary DATA_DIR, a free
// port, the demo catalogue), Debian's Chromium driven by playwright-core (no browser is ever downloaded), and
// pages that record every console error and every request to another host, so a test can fail on either.
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ADMIN_TOKEN = 'browser-test-admin-token-0123456789';
const require = createRequire(import.meta.url);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Nothing in the background may reach the network: no updates, no sync, no QUIC probing.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** Starts dist/apps/api/src/main.js as `npm start` does and waits until /health answers 200. */
export async function startServer() {
  const dataDir = await mkdtemp(join(tmpdir(), 'portal-browser-'));
  // Run as root, embedded PostgreSQL runs as the postgres user, which must be able to enter the directory.
  await chmod(dataDir, 0o755);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--max-old-space-size=1024', join(ROOT, 'dist/apps/api/src/main.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_URL: url, ADMIN_TOKEN, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const exited = new Promise((done) => child.once('exit', (code) => done(code)));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${log}`);
    if (Date.now() > deadline) throw new Error(`the server did not become healthy in 120 s:\n${log}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  return {
    url,
    log: () => log,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A page in a fresh context (nothing remembered from other tests) that records console errors, uncaught
 * exceptions and any request to a host other than the server; such requests are aborted, never sent.
 */
export async function openPage(browser, server, options = {}) {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
    serviceWorkers: 'block',
  });
  const origin = new URL(server.url).origin;
  const record = { consoleErrors: [], foreignRequests: [], allowedConsole: options.allowedConsole ?? [] };
  await context.route('**/*', (route) => {
    const requestUrl = route.request().url();
    if (/^(data|blob):/.test(requestUrl) || new URL(requestUrl).origin === origin) return route.continue();
    record.foreignRequests.push(requestUrl);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = `${message.text()} (${message.location().url ?? ''})`;
    if (!record.allowedConsole.some((pattern) => pattern.test(text))) record.consoleErrors.push(text);
  });
  page.on('pageerror', (error) => record.consoleErrors.push(`uncaught: ${error.message}`));
  page.on('websocket', (socket) => record.foreignRequests.push(`websocket ${socket.url()}`));
  return { context, page, record };
}

/** Fails the test when the page logged an error or tried to reach another host. */
export function assertClean(assert, record) {
  assert.deepEqual(record.foreignRequests, [], 'requests to another host');
  assert.deepEqual(record.consoleErrors, [], 'console errors');
}

const AXE_SOURCE = readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page (evaluated through the DevTools protocol, which the page's content security policy
 * does not apply to) against WCAG 2.0/2.1 A and AA; returns the serious and critical violations.
 */
export async function axeViolations(page) {
  const source = await AXE_SOURCE;
  await page.evaluate(source);
  const result = await page.evaluate(async () => {
    const outcome = await globalThis.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return outcome.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(0, 2).join(' ')}`),
    }));
  });
  return result.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** A GraphQL call as the system administrator (the ADMIN_TOKEN the server was started with). */
export async function adminGraphql(server, query, variables = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
