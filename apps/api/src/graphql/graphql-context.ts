import { Caller } from '@opendata/auth';
import { Request } from 'express';
import { CatalogLoaders } from './catalog-loaders';

export interface GqlContext {
  req: Request;
  caller: Caller;
  loaders: CatalogLoaders;
}
