import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { CurrentCaller } from '../http/current-caller.decorator';
import { CkanActionsService } from './ckan-actions.service';
import { CkanSuccess, helpUrl } from './ckan-envelope';

/**
 * CKAN's action API. Errors are not handled here: whatever raises them (this controller, the authentication
 * or rate-limit middleware, the router, the body parser), the application's error filter writes every error
 * under /api/3/ in CKAN's envelope (ckanErrorWriter).
 */
@Controller('api/3/action')
export class CkanController {
  constructor(
    private readonly actions: CkanActionsService,
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
