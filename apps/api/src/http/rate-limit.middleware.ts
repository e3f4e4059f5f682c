import { Inject, Injectable, Logger, NestMiddleware } from '@nestjs/common';
import { AppError } from '@opendata/common';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { NextFunction, Response } from 'express';
import { createHash } from 'node:crypto';
import { RequestWithCaller } from './current-caller.decorator';
import { RequestQuota } from './rate-limiter';

/**
 * Quotas per API token and, for requests without one, per client address, on every route but /health. Each
 * request costs 1 (a GraphQL request too, whatever its query: no per-query cost is computed yet). Answers
 * carry X-RateLimit-Limit/Remaining/Reset; a request over the quota gets 429 with Retry-After. Runs after the
 * authentication middleware, so that only valid tokens get a quota of their own.
 */
@Injectable()
export class RateLimitMiddleware implements NestMiddleware {
  private readonly logger = new Logger('RateLimit');
  private readonly perToken: RequestQuota;
  private readonly perIp: RequestQuota;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { windowSeconds, perToken, perIp } = config.rateLimit;
    this.perToken = new RequestQuota(perToken, windowSeconds, 'quota-token');
    this.perIp = new RequestQuota(perIp, windowSeconds, 'quota-ip');
  }

  async use(req: RequestWithCaller, res: Response, next: NextFunction): Promise<void> {
    const token = req.caller?.userId || req.caller?.isSysadmin ? req.headers.authorization : undefined;
    const quota = token ? this.perToken : this.perIp;
    if (!quota.enabled) return next();
    const key = token ? createHash('sha256').update(token).digest('base64url') : (req.ip ?? 'unknown');
    let decision;
    try {
      decision = await quota.consume(key);
    } catch (error) {
      // A quota that cannot be checked (the cluster primary did not answer) must not take the API down.
      this.logger.warn(`quota check failed, request allowed: ${error instanceof Error ? error.message : String(error)}`);
      return next();
    }
    res.setHeader('X-RateLimit-Limit', String(decision.limit));
    res.setHeader('X-RateLimit-Remaining', String(decision.remaining));
    res.setHeader('X-RateLimit-Reset', String(decision.resetSeconds));
    if (!decision.allowed) {
      res.setHeader('Retry-After', String(decision.resetSeconds));
      throw new AppError('RATE_LIMITED', `Too many requests: at most ${decision.limit} per window; retry in ${decision.resetSeconds} s`);
    }
    next();
  }
}
