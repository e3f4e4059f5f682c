import { Controller, Get, Headers, Next, Param, Query, Req, Res } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import { DcatExportService } from '@opendata/catalog';
import { notFound } from '@opendata/common';
import { NextFunction, Request, Response } from 'express';
import { sendRdf } from '../dcat/dcat.controller';
import { CurrentCaller } from '../http/current-caller.decorator';
import { sendAsset } from './asset-response';
import { PortalFilesService } from './portal-files.service';
import { PortalPagesService } from './portal-pages.service';
import { langOf, staticRouteOf } from './portal-routes';
import { sendPage, wantsHtml } from './portal-http';

type QueryParams = Record<string, unknown>;

/**
 * The portal, served by the API process: the SPA's routes (index.html with the page's head written in), the
 * hashed assets, the dataset page with content negotiation (HTML, DCAT-AP JSON-LD or Turtle at the same IRI),
 * and the self-hosted GraphQL explorer on GET /graphql for browsers.
 */
@Controller()
export class PortalController {
  constructor(
    private readonly pages: PortalPagesService,
    private readonly files: PortalFilesService,
    private readonly dcat: DcatExportService,
  ) {}

  @Get('')
  async home(@Query() query: QueryParams, @Res() res: Response): Promise<void> {
    sendPage(res, await this.pages.home(langOf(query)));
  }

  @Get(['search', 'requests', 'scoreboard', 'developers', 'sign-in', 'workspace', 'workspace/*rest'])
  async page(@Req() req: Request, @Query() query: QueryParams, @Res() res: Response): Promise<void> {
    const route = staticRouteOf(req.path)!;
    const search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
    sendPage(res, await this.pages.staticPage(route, req.path, search, langOf(query)));
  }

  /** One IRI, three representations (Vary: Accept): the page, or the DCAT-AP record as .jsonld / .ttl give it. */
  @Get('datasets/:slug')
  async dataset(
    @CurrentCaller() caller: Caller,
    @Param('slug') slug: string,
    @Query() query: QueryParams,
    @Req() req: Request,
    @Res() res: Response,
    @Next() next: NextFunction,
  ): Promise<void> {
    // /datasets/{slug}.jsonld, .ttl and .schema.json belong to the DCAT routes.
    if (/\.(jsonld|ttl|json)$/.test(slug)) return next();
    res.setHeader('Vary', 'Accept');
    const wanted = req.accepts(['text/html', 'application/ld+json', 'text/turtle', 'application/json']);
    if (wanted === 'text/turtle') return sendRdf(res, 'turtle', (out) => this.dcat.writeDataset(caller, slug, 'turtle', out));
    if (wanted === 'application/ld+json' || wanted === 'application/json') {
      return sendRdf(res, 'jsonld', (out) => this.dcat.writeDataset(caller, slug, 'jsonld', out));
    }
    const page = await this.pages.dataset(caller, slug, langOf(query));
    if (page.status === 404 && !wantsHtml(req)) throw notFound('dataset', slug);
    sendPage(res, page);
  }

  @Get('organizations/:slug')
  async organization(@Param('slug') slug: string, @Query() query: QueryParams, @Req() req: Request, @Res() res: Response): Promise<void> {
    const page = await this.pages.organization(slug, langOf(query));
    if (page.status === 404 && !wantsHtml(req)) throw notFound('organization', slug);
    sendPage(res, page);
  }

  /** Browsers get the explorer; GraphQL over GET (a `query` parameter) and other clients go on to Apollo. */
  @Get('graphql')
  async explorer(@Req() req: Request, @Res() res: Response, @Next() next: NextFunction): Promise<void> {
    if (!wantsHtml(req) || req.query.query !== undefined) return next();
    sendPage(res, await this.pages.explorer());
  }

  @Get('assets/*path')
  async asset(
    @Param('path') path: string[],
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.files.asset(path, acceptEncoding);
    if (!file) throw notFound('asset', path.join('/'));
    await sendAsset(req, res, file);
  }
}
