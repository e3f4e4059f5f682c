/**
 * The head tags the server writes into the portal's index.html before any script runs: what search engines,
 * link previews and the dataset search crawlers read (title, description, canonical URL, the schema.org
 * Dataset as JSON-LD).
 */
export interface PageHead {
  title: string;
  description: string;
  /** Absolute URL of the page; absent on error pages. */
  canonical?: string;
  /** e.g. noindex for sign-in and the workspace. */
  robots?: string;
  /** A JSON-LD document (data, never executed). */
  jsonLd?: unknown;
  lang: 'zh-CN' | 'en';
}

/** The comment in the portal's index.html where the head tags go. */
export const HEAD_MARKER = '<!--app-head-->';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * JSON for the inside of a <script> element: `<`, `>` and `&` are written as \u escapes, so no `</script>`,
 * `<!--` or `]]>` can appear whatever the data holds, and the text still parses to the same JSON. U+2028 and
 * U+2029 are escaped for old JavaScript parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Cuts a text to about `max` characters (code points) at a word or sentence end where one is near. */
export function summary(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max - 1).join('');
  const stop = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('；'), cut.lastIndexOf('. '));
  return stop > cut.length * 0.6 ? cut.slice(0, stop + 1).trimEnd() : `${cut}…`;
}

export function renderHead(head: PageHead): string {
  const tags = [
    `<title>${escapeHtml(head.title)}</title>`,
    `<meta name="description" content="${escapeHtml(head.description)}">`,
    `<meta property="og:title" content="${escapeHtml(head.title)}">`,
    `<meta property="og:description" content="${escapeHtml(head.description)}">`,
  ];
  if (head.canonical) tags.push(`<link rel="canonical" href="${escapeHtml(head.canonical)}">`, `<meta property="og:url" content="${escapeHtml(head.canonical)}">`);
  if (head.robots) tags.push(`<meta name="robots" content="${escapeHtml(head.robots)}">`);
  if (head.jsonLd !== undefined) tags.push(`<script type="application/ld+json">${jsonForScript(head.jsonLd)}</script>`);
  return tags.join('\n    ');
}

/**
 * Writes the head tags at the marker (or before </head> when a page has no marker), drops a <title> the page
 * may carry already, and sets the document language.
 */
export function injectHead(html: string, head: PageHead): string {
  const tags = renderHead(head);
  let page = html.replace(/<title>[\s\S]*?<\/title>\s*/i, '');
  page = page.includes(HEAD_MARKER) ? page.replace(HEAD_MARKER, () => tags) : page.replace(/<\/head>/i, () => `${tags}\n  </head>`);
  return page.replace(/<html([^>]*?)\slang="[^"]*"/i, `<html$1 lang="${head.lang}"`);
}
