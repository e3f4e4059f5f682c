import { BilingualText, PlainMessageKey } from '@opendata/common';

/** The portal's own routes (the SPA's), with what their head says, from the message catalogue. */

export type PortalLang = 'zh-CN' | 'en';

export interface StaticPage {
  title: PlainMessageKey;
  description: PlainMessageKey;
  /** Pages for people signed in, or forms: not for search engines. */
  robots?: string;
}

export const STATIC_PAGES: Record<string, StaticPage> = {
  '/search': { title: 'portal.search.title', description: 'portal.search.description' },
  '/requests': { title: 'portal.requests.title', description: 'portal.requests.description' },
  '/scoreboard': { title: 'portal.scoreboard.title', description: 'portal.scoreboard.description' },
  '/developers': { title: 'portal.developers.title', description: 'portal.developers.description' },
  '/sign-in': { title: 'portal.signIn.title', description: 'portal.signIn.description', robots: 'noindex' },
  '/workspace': { title: 'portal.workspace.title', description: 'portal.workspace.description', robots: 'noindex' },
};

/** A page is in one language: its head takes that half of a message. */
export function inLanguage(text: BilingualText, lang: PortalLang): string {
  return lang === 'en' ? text.en : text.zh;
}

/** The static route a path belongs to ('/workspace' for everything below it), or null. */
export function staticRouteOf(path: string): string | null {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (STATIC_PAGES[clean]) return clean;
  return clean.startsWith('/workspace/') ? '/workspace' : null;
}

/** Paths the API owns: an unknown one is a JSON 404 for everyone, never the portal's 404 page. */
export function isApiPath(path: string): boolean {
  return (
    /^\/(graphql|health)(\/|$)/.test(path) ||
    /^\/(api|assets)\//.test(path) ||
    /^\/catalog\.[a-z]+$/.test(path) ||
    /^\/datasets\/[^/]+\.(jsonld|ttl|schema\.json)$/.test(path)
  );
}

export function langOf(query: Record<string, unknown>): PortalLang {
  return query.lang === 'en' ? 'en' : 'zh-CN';
}
