import { Module } from '@nestjs/common';
import { CatalogModule } from '@opendata/catalog';
import { DatasetDownloadCountResolver, ResourceDownloadCountResolver } from './download-count.resolver';
import { DownloadController } from './download.controller';
import { DownloadCounter } from './download-counter.service';
import { OriginalFileService } from './original-file.service';

/** Original-file downloads and download counts; DownloadCounter is exported for the row exports. */
@Module({
  imports: [CatalogModule],
  controllers: [DownloadController],
  providers: [OriginalFileService, DownloadCounter, ResourceDownloadCountResolver, DatasetDownloadCountResolver],
  exports: [DownloadCounter],
})
export class DownloadsModule {}
