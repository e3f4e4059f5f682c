import { Module } from '@nestjs/common';
import { CatalogModule, DcatExportService } from '@opendata/catalog';
import { DcatController } from './dcat.controller';

@Module({
  imports: [CatalogModule],
  controllers: [DcatController],
  providers: [DcatExportService],
  exports: [DcatExportService],
})
export class DcatApiModule {}
