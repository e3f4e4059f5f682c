import { Inject, Injectable } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import { DatasetService, DcatExportService, OrganizationService, ScoreboardService } from '@opendata/catalog';
import { isAppError } from '@opendata/common';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { notBuiltPage } from './not-built-page';
import { PortalFilesService } from './portal-files.service';
import { HEAD_MARKER, PageHead, injectHead, summary } from './portal-head';
import { PortalLang, STATIC_PAGES } from './portal-routes';

/** A page to send: the portal's index.html with its head written in, or the page saying it is not built. */
export interface HtmlPage {
  status: number;
  html: string;
}

/**
 * The portal's pages as served before any script runs: index.html (one SPA for every route) with the head
 * of the route written in, so that search engines, link previews and dataset crawlers read a real title,
 * description, canonical URL and, on dataset pages, the schema.org Dataset. Unknown or invisible datasets
 * and organizations get the same page with status 404, which the SPA shows as its 404 page.
 */
@Injectable()
export class PortalPagesService {
  private readonly base: string;

  constructor(
    private readonly files: PortalFilesService,
    private readonly datasets: DatasetService,
    private readonly organizations: OrganizationService,
    private readonly dcat: DcatExportService,
    private readonly scoreboard: ScoreboardService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.base = config.publicUrl.replace(/\/+$/, '');
  }

  async home(lang: PortalLang): Promise<HtmlPage> {
    const [site, stats] = await Promise.all([this.siteName(lang), this.scoreboard.catalogStats()]);
    const description =
      lang === 'en'
        ? `${stats.datasets} open government datasets from ${stats.organizations} agencies to search, preview and download, with GraphQL, a CKAN-compatible API and DCAT-AP.`
        : `${stats.organizations}个部门开放的${stats.datasets}个政府数据集，可检索、预览和下载，并可通过GraphQL、CKAN兼容接口和DCAT-AP调用。`;
    return this.render({ title: site, description, canonical: this.url('/', lang), lang });
  }

  /** One of STATIC_PAGES; `query` is kept in the canonical URL of a search, whose address is its state. */
  async staticPage(route: string, path: string, query: string, lang: PortalLang): Promise<HtmlPage> {
    const page = STATIC_PAGES[route];
    const text = lang === 'en' ? page.en : page.zh;
    const canonical = route === '/search' && query ? `${this.base}/search?${query}` : this.url(path, lang);
    return this.render({ title: `${text.title} - ${await this.siteName(lang)}`, description: text.description, canonical, robots: page.robots, lang });
  }

  async dataset(caller: Caller, slug: string, lang: PortalLang): Promise<HtmlPage> {
    try {
      const dataset = await this.datasets.get(caller, { slug });
      const jsonLd = await this.dcat.schemaOrg(caller, slug);
      const title = lang === 'en' && dataset.titleEn ? dataset.titleEn : dataset.title;
      const description = summary(lang === 'en' && dataset.descriptionEn ? dataset.descriptionEn : dataset.description);
      const head = { title: `${title} - ${await this.siteName(lang)}`, description, canonical: this.url(`/datasets/${encodeURIComponent(dataset.slug)}`, lang), jsonLd, lang };
      return this.render(dataset.status === 'published' ? head : { ...head, robots: 'noindex' });
    } catch (error) {
      if (isAppError(error) && error.code === 'NOT_FOUND') return this.notFound(lang);
      throw error;
    }
  }

  async organization(slug: string, lang: PortalLang): Promise<HtmlPage> {
    const organization = (await this.organizations.list()).find((o) => o.slug === slug);
    if (!organization) return this.notFound(lang);
    const name = lang === 'en' && organization.nameEn ? organization.nameEn : organization.name;
    const description = summary(organization.description ?? (lang === 'en' ? `Open data published by ${name}.` : `${name}开放的数据集。`));
    return this.render({ title: `${name} - ${await this.siteName(lang)}`, description, canonical: this.url(`/organizations/${encodeURIComponent(slug)}`, lang), lang });
  }

  async notFound(lang: PortalLang): Promise<HtmlPage> {
    const site = await this.siteName(lang);
    const head: PageHead = lang === 'en'
      ? { title: `Page not found - ${site}`, description: 'There is no page at this address.', robots: 'noindex', lang }
      : { title: `页面不存在 - ${site}`, description: '此地址没有页面。', robots: 'noindex', lang };
    return this.render(head, 404);
  }

  /** The self-hosted GraphQL explorer (explorer.html of the portal build), with head tags if it asks for them. */
  async explorer(): Promise<HtmlPage> {
    const html = await this.files.page('explorer.html');
    if (html === null) return { status: 503, html: notBuiltPage(this.config.portalDir) };
    if (!html.includes(HEAD_MARKER)) return { status: 200, html };
    const head: PageHead = { title: `GraphQL - ${await this.siteName('zh-CN')}`, description: '数据开放平台的GraphQL接口浏览器。', canonical: `${this.base}/graphql`, lang: 'zh-CN' };
    return { status: 200, html: injectHead(html, head) };
  }

  private async render(head: PageHead, status = 200): Promise<HtmlPage> {
    const html = await this.files.page('index.html');
    if (html === null) return { status: status === 200 ? 503 : status, html: notBuiltPage(this.config.portalDir) };
    return { status, html: injectHead(html, head) };
  }

  /** Named after the city government, the top of the organization tree (as the DCAT catalogue is). */
  private async siteName(lang: PortalLang): Promise<string> {
    const root = (await this.organizations.list()).find((o) => o.parentId === null && o.name.endsWith('人民政府'));
    if (lang === 'en') return root?.nameEn ? `Open Data Portal of ${root.nameEn}` : 'Open Government Data Portal';
    return `${root?.name ?? ''}数据开放平台`;
  }

  private url(path: string, lang: PortalLang): string {
    return `${this.base}${path}${lang === 'en' ? '?lang=en' : ''}`;
  }
}
