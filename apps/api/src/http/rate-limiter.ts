import { RateLimitConfig } from '@opendata/config';
import cluster from 'node:cluster';
import { RateLimiterAbstract, RateLimiterCluster, RateLimiterClusterMaster, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface QuotaDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets (and, when refused, until a retry can succeed). */
  resetSeconds: number;
}

/**
 * Fixed-window request quotas (rate-limiter-flexible). In a single process the counters live in memory; in an
 * API cluster (API_WORKERS > 1) they live in the primary process and the workers ask it over the cluster's IPC
 * channel, so the limit holds for the whole cluster instead of being multiplied by the number of workers.
 */
export class RequestQuota {
  private readonly limiter: RateLimiterAbstract | null;

  constructor(
    readonly limit: number,
    windowSeconds: number,
    keyPrefix: string,
  ) {
    if (limit <= 0) this.limiter = null;
    else if (cluster.isWorker) this.limiter = new RateLimiterCluster({ keyPrefix, points: limit, duration: windowSeconds, timeoutMs: 2000 });
    else this.limiter = new RateLimiterMemory({ keyPrefix, points: limit, duration: windowSeconds });
  }

  get enabled(): boolean {
    return this.limiter !== null;
  }

  /** Takes `points` from the key's quota; when they are not all left, takes none and refuses. */
  async consume(key: string, points = 1): Promise<QuotaDecision> {
    if (!this.limiter) return { allowed: true, limit: 0, remaining: 0, resetSeconds: 0 };
    try {
      return this.decision(true, await this.limiter.consume(key, points));
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) throw outcome;
      // The limiter counts refused points too: give them back, so that a refused request costs nothing and
      // what remains is still usable by cheaper requests.
      return this.decision(false, await this.limiter.reward(key, points));
    }
  }

  private decision(allowed: boolean, res: RateLimiterRes): QuotaDecision {
    return { allowed, limit: this.limit, remaining: Math.max(0, res.remainingPoints), resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
  }
}

/** In the primary of an API cluster: holds the counters the workers' quotas share. */
export function startQuotaPrimary(config: RateLimitConfig): void {
  if (config.perToken > 0 || config.perIp > 0) new RateLimiterClusterMaster();
}
