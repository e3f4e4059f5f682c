import { Module } from '@nestjs/common';
import { AuthModule } from '@opendata/auth';
import { CatalogModule } from '@opendata/catalog';
import { CkanActions } from './ckan-actions.service';
import { CkanCatalogService } from './ckan-catalog.service';
import { CkanDatastoreService } from './ckan-datastore.service';
import { CkanController, CkanErrorFilter } from './ckan.controller';

/** The CKAN-compatible action API (GET/POST /api/3/action/{action}), read-only. */
@Module({
  imports: [AuthModule, CatalogModule],
  controllers: [CkanController],
  providers: [CkanActions, CkanCatalogService, CkanDatastoreService, CkanErrorFilter],
})
export class CkanModule {}
