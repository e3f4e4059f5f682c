import { Module } from '@nestjs/common';
import { CatalogModule } from '@opendata/catalog';
import { DcatApiModule } from '../dcat/dcat-api.module';
import { PortalFilesService } from './portal-files.service';
import { PortalPagesService } from './portal-pages.service';
import { PortalController } from './portal.controller';

/**
 * The web portal served by the API process. Import it after every module with routes: its GET /datasets/:slug
 * and GET /graphql must come after the DCAT routes and lets other clients through to Apollo.
 */
@Module({
  imports: [CatalogModule, DcatApiModule],
  controllers: [PortalController],
  providers: [PortalFilesService, PortalPagesService],
  exports: [PortalPagesService],
})
export class PortalModule {}
