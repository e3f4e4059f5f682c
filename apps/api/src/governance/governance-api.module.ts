import { Module } from '@nestjs/common';
import { CatalogModule } from '@opendata/catalog';
import { DataRequestResolver } from './data-request.resolver';
import { NegativeListResolver } from './negative-list.resolver';
import { TimelinessResolver } from './timeliness.resolver';

/** Supervision of publishing: the negative list, deadlines and on-time records, data requests, upload limits. */
@Module({
  imports: [CatalogModule],
  providers: [NegativeListResolver, TimelinessResolver, DataRequestResolver],
})
export class GovernanceApiModule {}
