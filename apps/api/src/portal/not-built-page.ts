import { escapeHtml } from './portal-head';

/**
 * What / and the explorer answer while the portal has not been built (a fresh clone before its first
 * `npm start`, or the test suites): one self-contained page, no script, no asset, saying how to build it.
 */
export function notBuiltPage(portalDir: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>门户尚未构建 / Portal not built</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2937}code{background:#f3f4f6;padding:0 .3em}</style>
</head>
<body>
<h1>门户尚未构建</h1>
<p>数据开放平台的接口正在运行，但网页门户还没有构建：<code>${escapeHtml(portalDir)}</code> 中没有 <code>index.html</code>。</p>
<p>在项目目录运行 <code>npm run build:portal</code>（<code>npm start</code> 启动前会自动构建），然后刷新本页。</p>
<h2>Portal not built</h2>
<p>The API is running, but the web portal has not been built yet: there is no <code>index.html</code> in <code>${escapeHtml(portalDir)}</code>.
Run <code>npm run build:portal</code> in the project directory (<code>npm start</code> builds it before starting), then reload.</p>
<p>接口 / APIs: <a href="/health">/health</a> · <code>POST /graphql</code> · <a href="/api/3/action/package_list">/api/3/action/package_list</a> · <a href="/catalog.jsonld">/catalog.jsonld</a></p>
</body>
</html>
`;
}
