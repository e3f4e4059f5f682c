import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { badInput, findInputProblem } from '@opendata/common';
import { Request } from 'express';
import { Observable } from 'rxjs';

/**
 * The edge check of every REST route, registered once for the whole application so that a new route is
 * covered without anyone remembering to: path parameters, query parameters and parsed bodies (JSON and form)
 * must hold no NUL character, no unpaired surrogate and no value nested deeper than MAX_INPUT_DEPTH. A
 * problem is BAD_USER_INPUT naming the parameter, before guards' work is used or any SQL runs; the route's
 * own error filter shapes it (the CKAN routes answer CKAN's 409 Validation Error). It runs inside the route,
 * so CKAN's filter applies, which a middleware would not get.
 *
 * Elsewhere: multipart fields and file names are checked where they are read (http/multipart.ts), GraphQL
 * arguments and variables by the GraphQL plugin (text-input.plugin.ts), and headers by Node's HTTP parser,
 * which answers 400 to a control character in a header before the application sees the request.
 */
@Injectable()
export class TextInputInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') checkRequest(context.switchToHttp().getRequest<Request>());
    return next.handle();
  }
}

export function checkRequest(req: Request): void {
  // Each part is a record of named parameters: a parameter's own name is the path clients know it by.
  for (const part of [req.params, req.query, req.body]) {
    const problem = findInputProblem(part, '');
    if (problem) throw badInput([{ path: problem.path || 'body', message: problem.message }]);
  }
}
