import { Module } from '@nestjs/common';
import { AuthModule } from '@opendata/auth';
import { CatalogModule } from '@opendata/catalog';
import { DatastoreModule } from '@opendata/datastore';
import { CkanActionsService } from './ckan-actions.service';
import { CkanCatalogService } from './ckan-catalog.service';
import { CkanDatastoreService } from './ckan-datastore.service';
import { CkanPackageSearch } from './ckan-package-search';
import { CkanPackages } from './ckan-packages';
import { CkanController } from './ckan.controller';

/** The CKAN-compatible action API (GET/POST /api/3/action/{action}), read-only. */
@Module({
  imports: [AuthModule, CatalogModule, DatastoreModule],
  controllers: [CkanController],
  providers: [CkanActionsService, CkanCatalogService, CkanDatastoreService, CkanPackageSearch, CkanPackages],
})
export class CkanModule {}
