import { Module } from '@nestjs/common';
import { CatalogModule } from '@opendata/catalog';
import { DatasetDownloadCountResolver, ResourceDownloadCountResolver } from './download-count.resolver';
import { DownloadController } from './download.controller';
import { DownloadCounterService } from './download-counter.service';
import { OriginalFileService } from './original-file.service';

/** Original-file downloads and download counts; DownloadCounterService is exported for the row exports. */
@Module({
  imports: [CatalogModule],
  controllers: [DownloadController],
  providers: [OriginalFileService, DownloadCounterService, ResourceDownloadCountResolver, DatasetDownloadCountResolver],
  exports: [DownloadCounterService],
})
export class DownloadsModule {}
