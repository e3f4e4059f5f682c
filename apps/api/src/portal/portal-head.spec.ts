import { injectHead, jsonForScript, renderHead, summary } from './portal-head';

const INDEX = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <!--app-head-->
  </head>
  <body><div id="app"></div><script type="module" src="/assets/index-abc.js"></script></body>
</html>`;

describe('portal head', () => {
  it('writes title, description, canonical and JSON-LD at the marker, before the scripts', () => {
    const html = injectHead(INDEX, {
      title: '衡阳市空气质量 - 数据开放平台',
      description: '逐小时的空气质量数据',
      canonical: 'https://data.example.org/datasets/air',
      jsonLd: { '@type': 'Dataset', name: 'air' },
      lang: 'zh-CN',
    });
    expect(html).not.toContain('<!--app-head-->');
    expect(html).toContain('<title>衡阳市空气质量 - 数据开放平台</title>');
    expect(html).toContain('<meta name="description" content="逐小时的空气质量数据">');
    expect(html).toContain('<link rel="canonical" href="https://data.example.org/datasets/air">');
    const jsonLdAt = html.indexOf('<script type="application/ld+json">');
    expect(jsonLdAt).toBeGreaterThan(0);
    expect(jsonLdAt).toBeLessThan(html.indexOf('<script type="module"'));
    expect(html.indexOf('</head>')).toBeGreaterThan(jsonLdAt);
  });

  it('escapes text and keeps data from closing the script element', () => {
    const hostile = { name: '</script><script>alert(1)</script>', note: '<!-- x --> & ]]>', line: 'a\u2028b' };
    const text = jsonForScript(hostile);
    expect(text).not.toMatch(/<\/script|<!--|-->|]]>|\u2028/i);
    expect(JSON.parse(text)).toEqual(hostile);
    const head = renderHead({ title: 'a <b> "c" & d', description: "it's", lang: 'en', jsonLd: hostile });
    expect(head).toContain('<title>a &lt;b&gt; &quot;c&quot; &amp; d</title>');
    expect(head).toContain('content="it&#39;s"');
    expect(head.match(/<\/script>/g)).toHaveLength(1);
  });

  it('replaces a title the page already has and sets the document language', () => {
    const html = injectHead(INDEX.replace('<!--app-head-->', '<title>Vite</title><!--app-head-->'), { title: 'Portal', description: 'd', lang: 'en' });
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain('<html lang="en">');
  });

  it('falls back to the end of the head when a page has no marker', () => {
    const html = injectHead('<html><head><meta charset="utf-8"></head><body></body></html>', { title: 'Explorer', description: 'd', lang: 'zh-CN' });
    expect(html).toMatch(/<title>Explorer<\/title>[\s\S]*<\/head>/);
  });

  it('cuts long descriptions at a sentence end', () => {
    const text = `${'空气质量数据。'.repeat(40)}`;
    const cut = summary(text, 50);
    expect([...cut].length).toBeLessThanOrEqual(50);
    expect(cut.endsWith('。')).toBe(true);
    expect(summary('短文本')).toBe('短文本');
  });
});
