import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ANONYMOUS, Caller } from '@opendata/auth';
import { Request } from 'express';

export type RequestWithCaller = Request & { caller?: Caller };

/** The caller resolved by AuthMiddleware, in REST handlers and GraphQL resolvers alike. */
export const CurrentCaller = createParamDecorator((_data: unknown, ctx: ExecutionContext): Caller => {
  if (ctx.getType<string>() === 'graphql') return GqlExecutionContext.create(ctx).getContext().caller ?? ANONYMOUS;
  return ctx.switchToHttp().getRequest<RequestWithCaller>().caller ?? ANONYMOUS;
});
