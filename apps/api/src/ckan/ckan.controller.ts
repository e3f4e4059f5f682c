import { ArgumentsHost, Body, Catch, Controller, ExceptionFilter, Get, Headers, HttpCode, Inject, Injectable, Logger, Param, Post, Query, UseFilters } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { Request, Response } from 'express';
import { CurrentCaller } from '../http/current-caller.decorator';
import { CkanActions } from './ckan-actions.service';
import { CkanFailure, CkanSuccess, helpUrl, toCkanError } from './ckan-envelope';

/** Errors of the CKAN routes in CKAN's envelope, so CKAN clients read them as they read CKAN's own. */
@Catch()
@Injectable()
export class CkanErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('CKAN');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const error = toCkanError(exception);
    if (error.status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    const body: CkanFailure = { help: helpUrl(this.config.publicUrl, String(req.params.action ?? '')), success: false, error: error.body };
    res.status(error.status).json(body);
  }
}

@Controller('api/3/action')
@UseFilters(CkanErrorFilter)
export class CkanController {
  constructor(
    private readonly actions: CkanActions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** GET with the parameters in the query string. */
  @Get(':action')
  async get(
    @CurrentCaller() caller: Caller,
    @Headers('x-ckan-api-key') apiKey: string | undefined,
    @Param('action') action: string,
    @Query() query: Record<string, unknown>,
  ): Promise<CkanSuccess<unknown>> {
    return this.envelope(action, await this.actions.run(await this.actions.callerFor(caller, apiKey), action, query));
  }

  /** POST with a JSON (or form) body, as CKAN clients send it; query parameters count too. */
  @Post(':action')
  @HttpCode(200)
  async post(
    @CurrentCaller() caller: Caller,
    @Headers('x-ckan-api-key') apiKey: string | undefined,
    @Param('action') action: string,
    @Query() query: Record<string, unknown>,
    @Body() body: unknown,
  ): Promise<CkanSuccess<unknown>> {
    const params = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    return this.envelope(action, await this.actions.run(await this.actions.callerFor(caller, apiKey), action, { ...query, ...params }));
  }

  private envelope(action: string, result: unknown): CkanSuccess<unknown> {
    return { help: helpUrl(this.config.publicUrl, action), success: true, result };
  }
}
