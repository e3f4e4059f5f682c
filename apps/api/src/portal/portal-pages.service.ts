import { Inject, Injectable } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import { DatasetService, DcatExportService, OrganizationService, ScoreboardService } from '@opendata/catalog';
import { isAppError, messageText } from '@opendata/common';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { notBuiltPage } from './not-built-page';
import { PortalFilesService } from './portal-files.service';
import { HEAD_MARKER, PageHead, injectHead, summary } from './portal-head';
import { PortalLang, STATIC_PAGES, inLanguage } from './portal-routes';

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
    const description = inLanguage(messageText('portal.home.description', { datasets: stats.datasets, organizations: stats.organizations }), lang);
    return this.render({ title: site, description, canonical: this.url('/', lang), lang });
  }

  /** One of STATIC_PAGES; `query` is kept in the canonical URL of a search, whose address is its state. */
  async staticPage(route: string, path: string, query: string, lang: PortalLang): Promise<HtmlPage> {
    const page = STATIC_PAGES[route];
    const [title, description] = [inLanguage(messageText(page.title), lang), inLanguage(messageText(page.description), lang)];
    const canonical = route === '/search' && query ? `${this.base}/search?${query}` : this.url(path, lang);
    return this.render({ title: `${title} - ${await this.siteName(lang)}`, description, canonical, robots: page.robots, lang });
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
    const description = summary(organization.description ?? inLanguage(messageText('portal.organization.description', { name }), lang));
    return this.render({ title: `${name} - ${await this.siteName(lang)}`, description, canonical: this.url(`/organizations/${encodeURIComponent(slug)}`, lang), lang });
  }

  async notFound(lang: PortalLang): Promise<HtmlPage> {
    const site = await this.siteName(lang);
    const title = inLanguage(messageText('portal.notFound.title', { site }), lang);
    return this.render({ title, description: inLanguage(messageText('portal.notFound.description'), lang), robots: 'noindex', lang }, 404);
  }

  /** The self-hosted GraphQL explorer (explorer.html of the portal build), with head tags if it asks for them. */
  async explorer(): Promise<HtmlPage> {
    const html = await this.files.page('explorer.html');
    if (html === null) return { status: 503, html: notBuiltPage(this.config.portalDir) };
    if (!html.includes(HEAD_MARKER)) return { status: 200, html };
    const description = messageText('portal.explorer.description').zh;
    const head: PageHead = { title: `GraphQL - ${await this.siteName('zh-CN')}`, description, canonical: `${this.base}/graphql`, lang: 'zh-CN' };
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
    const name = lang === 'en' ? root?.nameEn : root?.name;
    return inLanguage(name ? messageText('portal.siteName', { name }) : messageText('portal.siteNameDefault'), lang);
  }

  private url(path: string, lang: PortalLang): string {
    return `${this.base}${path}${lang === 'en' ? '?lang=en' : ''}`;
  }
}
