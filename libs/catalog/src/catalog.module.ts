import { Module } from '@nestjs/common';
import { AuthModule } from '@opendata/auth';
import { DatasetSearchService } from './dataset-search.service';
import { DatasetService } from './dataset.service';
import { DemoSeeder } from './demo/demo-seeder';
import { OrganizationService } from './organization.service';
import { ResourceService } from './resource.service';
import { CatalogueChanges } from './search/catalogue-changes';
import { ThemeService } from './theme.service';

const SERVICES = [CatalogueChanges, OrganizationService, DatasetService, DatasetSearchService, ResourceService, ThemeService, DemoSeeder];

@Module({
  imports: [AuthModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class CatalogModule {}
