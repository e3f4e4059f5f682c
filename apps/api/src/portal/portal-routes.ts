/** The portal's own routes (the SPA's), with what their head says in each language. */

export type PortalLang = 'zh-CN' | 'en';

export interface StaticPage {
  zh: { title: string; description: string };
  en: { title: string; description: string };
  /** Pages for people signed in, or forms: not for search engines. */
  robots?: string;
}

export const STATIC_PAGES: Record<string, StaticPage> = {
  '/search': {
    zh: { title: '数据目录', description: '按关键词、部门、主题、标签和格式检索政府开放数据集，检索条件保存在网址中，可直接分享。' },
    en: { title: 'Data catalogue', description: 'Search the open government datasets by words, organization, theme, tag and format; the address holds the search, so it can be shared.' },
  },
  '/requests': {
    zh: { title: '依申请公开', description: '向政府部门申请公开数据，查看各项申请的办理状态和答复用时。' },
    en: { title: 'Data requests', description: 'Ask a government body to publish data, and follow the status and response time of every request.' },
  },
  '/scoreboard': {
    zh: { title: '政务公开考核指标', description: '各部门按政务公开实施意见（衡办发〔2017〕25号）考核的指标：牵头事项、已发布数据集、按时更新率、校验通过率、依申请公开答复情况。' },
    en: { title: 'Openness scoreboard', description: 'Each agency measured against the 2017 openness plan: plan items it leads, published datasets, on-time rate, validation pass rate and answers to data requests.' },
  },
  '/developers': {
    zh: { title: '开发者接口', description: '通过GraphQL、CKAN兼容接口和DCAT-AP调用数据目录和经过校验的数据行。' },
    en: { title: 'For developers', description: 'The catalogue and its validated rows through GraphQL, a CKAN-compatible API and DCAT-AP.' },
  },
  '/sign-in': {
    zh: { title: '登录', description: '政府部门工作人员登录，发布和维护数据集。' },
    en: { title: 'Sign in', description: 'Sign in to publish and maintain datasets.' },
    robots: 'noindex',
  },
  '/workspace': {
    zh: { title: '工作台', description: '部门工作台：数据集、上传、校验报告与审核。' },
    en: { title: 'Workspace', description: 'The agency workspace: datasets, uploads, validation reports and review.' },
    robots: 'noindex',
  },
};

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
