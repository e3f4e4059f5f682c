import { Module } from '@nestjs/common';
import { CatalogModule } from '@opendata/catalog';
import { DcatApiModule } from '../dcat/dcat-api.module';
import { PortalFiles } from './portal-files.service';
import { PortalNotFoundFilter } from './portal-not-found.filter';
import { PortalPages } from './portal-pages.service';
import { PortalController } from './portal.controller';

/**
 * The web portal served by the API process. Import it after every module with routes: its GET /datasets/:slug
 * and GET /graphql must come after the DCAT routes and lets other clients through to Apollo.
 */
@Module({
  imports: [CatalogModule, DcatApiModule],
  controllers: [PortalController],
  providers: [PortalFiles, PortalPages, PortalNotFoundFilter],
  exports: [PortalNotFoundFilter],
})
export class PortalModule {}
