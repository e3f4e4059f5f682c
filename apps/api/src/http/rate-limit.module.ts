import { Module } from '@nestjs/common';
import { RateLimitService } from './rate-limit.service';

/** One set of quota counters per process, shared by the HTTP middleware and the GraphQL cost plugin. */
@Module({ providers: [RateLimitService], exports: [RateLimitService] })
export class RateLimitModule {}
