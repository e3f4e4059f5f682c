import { Injectable, NestMiddleware } from '@nestjs/common';
import { ANONYMOUS, TokenService } from '@opendata/auth';
import { runAsCaller } from '@opendata/catalog';
import { appError } from '@opendata/common';
import { NextFunction, Response } from 'express';
import { CKAN_ROUTES } from '../ckan/ckan-envelope';
import { RequestWithCaller } from './current-caller.decorator';

/**
 * Resolves `Authorization: Bearer <token>` to a caller for every route. No header means anonymous; a header
 * that is malformed or names an unknown, revoked or expired token is refused (401) rather than silently
 * treated as anonymous, so a client with a broken token finds out. On CKAN's routes the bare token is read too
 * (`Authorization: <token>`), which is how CKAN documents it and how its clients (ckanapi, ckanr) send it.
 */
@Injectable()
export class AuthMiddleware implements NestMiddleware {
  constructor(private readonly tokens: TokenService) {}

  async use(req: RequestWithCaller, _res: Response, next: NextFunction): Promise<void> {
    const header = req.headers.authorization;
    if (!header) {
      req.caller = ANONYMOUS;
      return runAsCaller(ANONYMOUS, next);
    }
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? (req.originalUrl.startsWith(CKAN_ROUTES) ? /^\s*(\S+)\s*$/.exec(header)?.[1] : undefined);
    if (!token) throw appError('UNAUTHENTICATED', 'auth.bearerHeader');
    req.caller = await this.tokens.authenticate(token);
    // The rest of the request runs as this caller, so that the audit trail records who wrote.
    runAsCaller(req.caller, next);
  }
}
