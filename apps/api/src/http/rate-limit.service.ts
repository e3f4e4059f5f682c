import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { createHash } from 'node:crypto';
import { RequestWithCaller } from './current-caller.decorator';
import { QuotaDecision, RequestQuota } from './rate-limiter';

/**
 * The quotas of API tokens and, for requests without one, of client addresses (as Express reads them: see
 * TRUST_PROXY). REST requests take 1 point each; a GraphQL request takes its cost (at least 1). Only valid tokens
 * get a quota of their own: the authentication middleware runs first.
 */
@Injectable()
export class RateLimitService {
  private readonly logger = new Logger('RateLimit');
  private readonly perToken: RequestQuota;
  private readonly perIp: RequestQuota;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { windowSeconds, perToken, perIp } = config.rateLimit;
    this.perToken = new RequestQuota(perToken, windowSeconds, 'quota-token');
    this.perIp = new RequestQuota(perIp, windowSeconds, 'quota-ip');
  }

  /**
   * Takes `points` from the request's quota. Null when no quota applies or it could not be checked: a quota
   * that cannot be checked (the cluster primary did not answer) must not take the API down.
   */
  async charge(req: RequestWithCaller, points: number): Promise<QuotaDecision | null> {
    const token = req.caller?.userId || req.caller?.isSysadmin ? req.headers.authorization : undefined;
    const quota = token ? this.perToken : this.perIp;
    if (!quota.enabled || points <= 0) return null;
    const key = token ? createHash('sha256').update(token).digest('base64url') : (req.ip ?? 'unknown');
    try {
      return await quota.consume(key, points);
    } catch (error) {
      this.logger.warn(`quota check failed, request allowed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }
}

/** The X-RateLimit-* headers (and Retry-After when refused) of a quota decision. */
export function quotaHeaders(decision: QuotaDecision): Array<[string, string]> {
  const headers: Array<[string, string]> = [
    ['X-RateLimit-Limit', String(decision.limit)],
    ['X-RateLimit-Remaining', String(decision.remaining)],
    ['X-RateLimit-Reset', String(decision.resetSeconds)],
  ];
  if (!decision.allowed) headers.push(['Retry-After', String(decision.resetSeconds)]);
  return headers;
}
