import { SYSTEM } from '@opendata/auth';
import { DatasetService, OrganizationService } from '@opendata/catalog';
import jsonldModule from 'jsonld';
import { Parser, Store } from 'n3';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { TestApp, startTestApp, userWithRole } from '../../../test/support/test-app';

const FIXTURE = join(__dirname, 'fixtures', 'portal');
const BASE = 'http://opendata.test';
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/**
 * schema.org's published JSON-LD context (https://schema.org/docs/jsonldcontext.jsonld), cut to the terms
 * the platform's records use; the tests run offline, so the loader hands out this copy and nothing else.
 */
const SCHEMA_ORG_CONTEXT = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'schema-org-context.jsonld'), 'utf8'));
const jsonld = jsonldModule as unknown as {
  expand(input: object, options: { documentLoader: (url: string) => Promise<unknown> }): Promise<Array<Record<string, any>>>;
};
const offlineLoader = async (url: string) => {
  if (url === 'https://schema.org/' || url === 'https://schema.org') return { contextUrl: null, documentUrl: url, document: SCHEMA_ORG_CONTEXT };
  throw new Error(`offline: ${url} is not available`);
};

/** The JSON-LD block of a served page, as text. */
function jsonLdOf(html: string): string | null {
  const match = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/);
  return match ? match[1] : null;
}

describe('the portal served by the API', () => {
  let t: TestApp;
  let editor: string;

  beforeAll(async () => {
    t = await startTestApp({ portalDir: FIXTURE, publicUrl: BASE, rateLimit: { windowSeconds: 60, perToken: 0, perIp: 100_000 } });
    const organizations = t.app.get(OrganizationService);
    await organizations.create(SYSTEM, { slug: 'hy-government', name: '衡阳市人民政府', nameEn: "Hengyang Municipal People's Government" });
    await organizations.create(SYSTEM, { slug: 'env-bureau', name: '衡阳市环境保护局', parentSlug: 'hy-government', description: '负责全市环境质量监测。' });
    const record = (slug: string, status: 'published' | 'draft', description: string) => ({
      slug, title: `衡阳市空气质量 ${slug}`, titleEn: 'Hengyang air quality', description, organization: 'env-bureau',
      themes: ['GOV_ECOLOGY', 'ENVI'], tags: ['空气质量'], updateFrequency: '每日' as const, issued: '2018-01-01',
      contactPoint: { name: '环境监测科', email: 'monitoring@env.example.org' }, status,
    });
    const datasets = t.app.get(DatasetService);
    await datasets.create(SYSTEM, record('air', 'published', '各监测站点逐小时的空气质量数据（测试数据）。'));
    // Text that would end a script element or open a comment if it were written into the page unescaped.
    await datasets.create(SYSTEM, record('tricky', 'published', '说明：</script><script>alert(1)</script> <!-- 注释 --> & 其他。'));
    await datasets.create(SYSTEM, record('air-draft', 'draft', '尚未发布的数据集（测试数据）。'));
    editor = await userWithRole(t.app, 'env-editor', { organizationSlug: 'env-bureau', role: 'editor' });
  });
  afterAll(() => t.close());

  const headOf = (html: string) => ({
    title: html.match(/<title>([^<]*)<\/title>/)?.[1],
    description: html.match(/<meta name="description" content="([^"]*)">/)?.[1],
    canonical: html.match(/<link rel="canonical" href="([^"]*)">/)?.[1],
  });

  describe('pages', () => {
    it('serves the home page with its head, no-cache and a CSP with no other host', async () => {
      const res = await t.http.get('/').set('accept', HTML);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('data-fixture="portal-index"');
      expect(headOf(res.text)).toEqual({ title: '衡阳市人民政府数据开放平台', description: expect.stringContaining('1个部门开放的2个政府数据集'), canonical: `${BASE}/` });
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).not.toMatch(/https?:|\*|'unsafe-eval'/);
      expect(csp.match(/script-src[^;]*/)?.[0]).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    });

    it('answers every SPA route with index.html, its own title and canonical URL', async () => {
      for (const [path, title] of [
        ['/search', '数据目录'], ['/requests', '依申请公开'], ['/scoreboard', '政务公开考核指标'], ['/developers', '开发者接口'],
        ['/sign-in', '登录'], ['/workspace', '工作台'], ['/workspace/datasets/air/upload', '工作台'], ['/organizations/env-bureau', '衡阳市环境保护局'],
      ]) {
        const res = await t.http.get(path).set('accept', HTML);
        expect([path, res.status, headOf(res.text).title]).toEqual([path, 200, `${title} - 衡阳市人民政府数据开放平台`]);
        expect(headOf(res.text).canonical).toBe(`${BASE}${path}`);
        expect(res.headers['content-security-policy']).toBeDefined();
      }
      const search = await t.http.get('/search?q=%E7%A9%BA%E6%B0%94&theme=ENVI').set('accept', HTML);
      expect(headOf(search.text).canonical).toBe(`${BASE}/search?q=%E7%A9%BA%E6%B0%94&amp;theme=ENVI`);
      expect((await t.http.get('/workspace').set('accept', HTML)).text).toContain('<meta name="robots" content="noindex">');
      const english = await t.http.get('/scoreboard?lang=en').set('accept', HTML);
      expect(headOf(english.text).title).toBe("Openness scoreboard - Open Data Portal of Hengyang Municipal People&#39;s Government");
      expect(english.text).toContain('<html lang="en">');
    });

    it('answers an unknown organization or path with the portal and 404 for browsers, JSON 404 for others', async () => {
      for (const path of ['/organizations/no-such-org', '/no/such/page']) {
        const page = await t.http.get(path).set('accept', HTML);
        expect([path, page.status, page.headers['content-type']]).toEqual([path, 404, 'text/html; charset=utf-8']);
        expect(page.text).toContain('data-fixture="portal-index"');
        expect(headOf(page.text).title).toBe('页面不存在 - 衡阳市人民政府数据开放平台');
        const api = await t.http.get(path).set('accept', 'application/json');
        expect([path, api.status, api.body.code, typeof api.body.message]).toEqual([path, 404, 'NOT_FOUND', 'string']);
      }
      for (const path of ['/api/v1/no-such-thing', '/datasets/no-such.jsonld', '/health/nope']) {
        const res = await t.http.get(path).set('accept', HTML);
        expect([path, res.status, res.body.code]).toEqual([path, 404, 'NOT_FOUND']);
      }
    });
  });

  describe('/datasets/{slug}', () => {
    it('gives browsers the page with title, description, canonical and the schema.org Dataset before any script', async () => {
      const res = await t.http.get('/datasets/air').set('accept', HTML);
      expect(res.status).toBe(200);
      expect(res.headers.vary).toMatch(/Accept/);
      expect(headOf(res.text)).toEqual({
        title: '衡阳市空气质量 air - 衡阳市人民政府数据开放平台',
        description: '各监测站点逐小时的空气质量数据（测试数据）。',
        canonical: `${BASE}/datasets/air`,
      });
      const block = jsonLdOf(res.text)!;
      expect(res.text.indexOf(block)).toBeLessThan(res.text.indexOf('<script type="module"'));
      const served = JSON.parse(block);
      expect(served).toEqual((await t.http.get('/datasets/air.schema.json')).body);
      const [expanded] = await jsonld.expand(served, { documentLoader: offlineLoader });
      expect(expanded['@type']).toEqual(['http://schema.org/Dataset']);
      expect(expanded['@id']).toBe(`${BASE}/datasets/air`);
      expect(expanded['http://schema.org/name']).toEqual([{ '@value': '衡阳市空气质量 air' }]);
      expect(expanded['http://schema.org/includedInDataCatalog'][0]['http://schema.org/url']).toEqual([{ '@id': `${BASE}/` }]);
    });

    it('keeps hostile text inside the JSON-LD block, which still expands to the same record', async () => {
      const res = await t.http.get('/datasets/tricky').set('accept', HTML);
      expect(res.text.match(/<\/script>/g)).toHaveLength(2);
      expect(res.text).not.toContain('<!-- 注释');
      expect(res.text).not.toContain('<script>alert');
      const served = JSON.parse(jsonLdOf(res.text)!);
      expect(served.description).toBe('说明：</script><script>alert(1)</script> <!-- 注释 --> & 其他。');
      const [expanded] = await jsonld.expand(served, { documentLoader: offlineLoader });
      expect(expanded['http://schema.org/description']).toEqual([{ '@value': served.description }]);
    });

    it('gives RDF clients the DCAT-AP record, the same as .ttl and .jsonld', async () => {
      const turtle = await t.http.get('/datasets/air').set('accept', 'text/turtle');
      expect(turtle.status).toBe(200);
      expect(turtle.headers['content-type']).toBe('text/turtle; charset=utf-8');
      expect(turtle.headers.vary).toMatch(/Accept/);
      expect(turtle.text).toBe((await t.http.get('/datasets/air.ttl')).text);
      const subjects = new Store(new Parser().parse(turtle.text)).getSubjects('http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'http://www.w3.org/ns/dcat#Dataset', null);
      expect(subjects.map((s) => s.value)).toEqual([`${BASE}/datasets/air`]);
      const json = await t.http.get('/datasets/air').set('accept', 'application/ld+json');
      expect(json.headers['content-type']).toBe('application/ld+json; charset=utf-8');
      expect(json.text).toBe((await t.http.get('/datasets/air.jsonld')).text);
      // The catalogue names the portal as its home page, where each dataset IRI now resolves to a page.
      const catalog = new Store(new Parser().parse((await t.http.get('/catalog.ttl')).text));
      expect(catalog.getObjects(`${BASE}/catalog`, 'http://xmlns.com/foaf/0.1/homepage', null).map((o) => o.value)).toEqual([`${BASE}/`]);
    });

    it('hides drafts from anonymous callers (404 page) and shows them to their editors', async () => {
      const anonymous = await t.http.get('/datasets/air-draft').set('accept', HTML);
      expect(anonymous.status).toBe(404);
      expect(anonymous.text).not.toContain('尚未发布');
      expect((await t.http.get('/datasets/air-draft').set('accept', 'text/turtle')).status).toBe(404);
      const member = await t.http.get('/datasets/air-draft').set('accept', HTML).set('authorization', `Bearer ${editor}`);
      expect(member.status).toBe(200);
      expect(member.text).toContain('<meta name="robots" content="noindex">');
    });

    it('answers an unknown slug with the 404 page for browsers and JSON for others', async () => {
      const page = await t.http.get('/datasets/no-such-dataset').set('accept', HTML);
      expect(page.status).toBe(404);
      expect(page.text).toContain('data-fixture="portal-index"');
      expect(jsonLdOf(page.text)).toBeNull();
      for (const accept of ['application/json', 'text/turtle', 'application/ld+json']) {
        const res = await t.http.get('/datasets/no-such-dataset').set('accept', accept);
        expect([accept, res.status, res.body.code]).toEqual([accept, 404, 'NOT_FOUND']);
      }
    });
  });

  describe('assets', () => {
    const js = readFileSync(join(FIXTURE, 'assets', 'index-C2mXw8Lp.js'));
    const css = readFileSync(join(FIXTURE, 'assets', 'index-Bf3kQ9aZ.css'));
    /** The bytes as sent (supertest would decompress them). */
    const raw = async (path: string, encoding: string) => {
      const server = t.app.getHttpServer() as import('node:http').Server;
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as import('node:net').AddressInfo;
      return new Promise<{ status: number; headers: Record<string, string | undefined>; body: Buffer }>((resolve, reject) => {
        get({ host: '127.0.0.1', port, path, headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers as Record<string, string | undefined>, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    };

    it('are cached for a year, typed, and sent precompressed by Accept-Encoding', async () => {
      const br = await raw('/assets/index-C2mXw8Lp.js', 'gzip, deflate, br');
      expect(br.status).toBe(200);
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toMatch(/Accept-Encoding/);
      expect(br.body).toEqual(readFileSync(join(FIXTURE, 'assets', 'index-C2mXw8Lp.js.br')));
      expect(brotliDecompressSync(br.body)).toEqual(js);
      const gz = await raw('/assets/index-C2mXw8Lp.js', 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.body)).toEqual(js);
      const identity = await raw('/assets/index-C2mXw8Lp.js', 'identity');
      expect(identity.headers['content-encoding']).toBeUndefined();
      expect(identity.body).toEqual(js);
      expect(new Set([br.headers.etag, gz.headers.etag, identity.headers.etag]).size).toBe(3);
    });

    it('are compressed on the fly when the build wrote no sibling, and kept', async () => {
      const first = await raw('/assets/index-Bf3kQ9aZ.css', 'br');
      expect(first.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(first.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(first.body)).toEqual(css);
      const second = await raw('/assets/index-Bf3kQ9aZ.css', 'br');
      expect(second.body).toEqual(first.body);
      const png = await raw('/assets/logo-A1b2C3d4.png', 'br');
      expect([png.headers['content-type'], png.headers['content-encoding']]).toEqual(['image/png', undefined]);
    });

    it('cost no quota: every page view fetches them, while pages and the API are charged', async () => {
      const page = await t.http.get('/search').set('accept', 'text/html');
      expect(page.headers['x-ratelimit-remaining']).toBeDefined();
      const asset = await t.http.get('/assets/index-C2mXw8Lp.js');
      expect(asset.status).toBe(200);
      expect(asset.headers['x-ratelimit-remaining']).toBeUndefined();
      const next = await t.http.get('/search').set('accept', 'text/html');
      expect(Number(next.headers['x-ratelimit-remaining'])).toBe(Number(page.headers['x-ratelimit-remaining']) - 1);
    });

    it('answer a matching If-None-Match with 304, and unknown or escaping paths with 404', async () => {
      const first = await t.http.get('/assets/index-C2mXw8Lp.js').set('accept-encoding', 'br');
      const again = await t.http.get('/assets/index-C2mXw8Lp.js').set('accept-encoding', 'br').set('if-none-match', first.headers.etag);
      expect(again.status).toBe(304);
      for (const path of ['/assets/missing-0000.js', '/assets/..%2Findex.html', '/assets/%2e%2e/index.html', '/assets/']) {
        const res = await t.http.get(path);
        expect([path, res.status]).toEqual([path, 404]);
      }
    });
  });

  describe('GET /graphql', () => {
    it('gives browsers the self-hosted explorer, not Apollo\'s CDN landing page', async () => {
      const res = await t.http.get('/graphql').set('accept', HTML);
      expect(res.status).toBe(200);
      expect(res.text).toContain('data-fixture="portal-explorer"');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.text).not.toMatch(/https?:\/\/(?!opendata\.test)/);
    });

    it('leaves GraphQL itself unchanged: POST, and GET with a query', async () => {
      expect((await t.gql('{ catalogStats { datasets } }')).body.data?.catalogStats.datasets).toBe(2);
      const get = await t.http.get('/graphql?query=%7B__typename%7D').set('accept', 'application/json').set('apollo-require-preflight', 'true');
      expect(get.status).toBe(200);
      expect(get.body).toEqual({ data: { __typename: 'Query' } });
    });
  });
});

describe('the portal before it is built', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ portalDir: join(__dirname, 'fixtures', 'no-portal-here') });
  });
  afterAll(() => t.close());

  it('answers / and the explorer with a small page saying how to build it (503), never a stack trace', async () => {
    for (const path of ['/', '/graphql', '/search']) {
      const res = await t.http.get(path).set('accept', HTML);
      expect([path, res.status, res.headers['content-type']]).toEqual([path, 503, 'text/html; charset=utf-8']);
      expect(res.text).toContain('npm run build:portal');
      expect(res.text).not.toMatch(/<script|\bat \w+ \(|Error:/);
    }
    expect((await t.http.get('/health')).status).toBe(200);
  });
});
