import { Injectable, NestMiddleware } from '@nestjs/common';
import { appError } from '@opendata/common';
import { NextFunction, Response } from 'express';
import { RequestWithCaller } from './current-caller.decorator';
import { quotaHeaders, RateLimitService } from './rate-limit.service';

/**
 * Charges every request but /health and the portal's assets 1 point of its quota (a GraphQL request's remaining cost is charged once the
 * query is measured, before it runs: graphql/query-cost.guard.ts). Answers carry X-RateLimit-Limit/Remaining/Reset; a
 * request over the quota gets 429 with Retry-After. Runs after the authentication middleware.
 */
@Injectable()
export class RateLimitMiddleware implements NestMiddleware {
  constructor(private readonly quotas: RateLimitService) {}

  async use(req: RequestWithCaller, res: Response, next: NextFunction): Promise<void> {
    const decision = await this.quotas.charge(req, 1);
    if (!decision) return next();
    for (const [name, value] of quotaHeaders(decision)) res.setHeader(name, value);
    if (!decision.allowed) {
      throw appError('RATE_LIMITED', 'quota.exceeded', { limit: decision.limit, retry: decision.resetSeconds });
    }
    next();
  }
}
