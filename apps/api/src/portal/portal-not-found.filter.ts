import { ArgumentsHost, Catch, ExceptionFilter, NotFoundException } from '@nestjs/common';
import { Request, Response } from 'express';
import { HttpErrorFilter } from '../http/http-error.filter';
import { PortalPagesService } from './portal-pages.service';
import { isApiPath, langOf } from './portal-routes';
import { sendPage, wantsHtml } from './portal-http';

/**
 * An address no route answers: a browser navigating there gets the portal (status 404), whose SPA shows its
 * own 404 page; API paths and every other client keep the JSON 404 of the error filter. Only Nest's "no such
 * route" reaches here; services report missing things as AppError NOT_FOUND, which stays JSON.
 */
@Catch(NotFoundException)
export class PortalNotFoundFilter implements ExceptionFilter {
  /** `json` is the platform's error filter, with the shapes of its route families (CKAN's envelope ...). */
  constructor(
    private readonly pages: PortalPagesService,
    private readonly json: HttpErrorFilter,
  ) {}

  async catch(exception: NotFoundException, host: ArgumentsHost): Promise<unknown> {
    if (host.getType<string>() !== 'http') return this.json.catch(exception, host);
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (!['GET', 'HEAD'].includes(req.method) || isApiPath(req.path) || !wantsHtml(req) || res.headersSent) {
      return this.json.catch(exception, host);
    }
    try {
      sendPage(res, await this.pages.notFound(langOf(req.query as Record<string, unknown>)));
    } catch (error) {
      return this.json.catch(error, host);
    }
    return undefined;
  }
}
