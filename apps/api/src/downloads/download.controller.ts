import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { message } from '@opendata/common';
import { CurrentCaller } from '../http/current-caller.decorator';
import { DownloadCounterService } from './download-counter.service';
import { contentDisposition, contentType, entityTag, noneMatch, parseRange, rangeStillValid } from './http-file-headers';
import { OriginalFileService } from './original-file.service';

@Controller('api/v1/resources')
export class DownloadController {
  constructor(
    private readonly files: OriginalFileService,
    private readonly counter: DownloadCounterService,
  ) {}

  /** The original file as uploaded (`?version=N` for an older version), with ranges and validators. */
  @Get(':id/download')
  async download(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Query('version') version: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.files.find(caller, id, typeof version === 'string' ? version : null);
    const { byteSize: size, sha256, createdAt, fileName, mediaType, encoding } = file.version;
    const etag = entityTag(sha256);
    const lastModified = createdAt.toUTCString();
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', lastModified);
    res.setHeader('Accept-Ranges', 'bytes');
    // Versions never change, but the latest one does and datasets can be withdrawn: clients revalidate.
    res.setHeader('Cache-Control', 'private, no-cache');
    if (noneMatch(req.get('if-none-match'), etag)) {
      res.status(304).end();
      return;
    }
    const range = rangeStillValid(req.get('if-range'), etag, lastModified) ? parseRange(req.get('range'), size) : { kind: 'full' as const };
    if (range.kind === 'unsatisfiable') {
      res.setHeader('Content-Range', `bytes */${size}`);
      res.status(416).json({ code: 'RANGE_NOT_SATISFIABLE', messageKey: 'download.rangeNotSatisfiable', message: message('download.rangeNotSatisfiable', { size }) });
      return;
    }
    res.setHeader('Content-Type', contentType(mediaType, encoding));
    res.setHeader('Content-Disposition', contentDisposition(fileName));
    if (range.kind === 'partial') {
      res.status(206);
      res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
      res.setHeader('Content-Length', String(range.end - range.start + 1));
    } else {
      res.status(200);
      res.setHeader('Content-Length', String(size));
    }
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const start = range.kind === 'partial' ? range.start : 0;
    const body = await this.files.open(file, range.kind === 'partial' ? { start: range.start, end: range.end } : undefined);
    this.counter.recordWhenSent(res, { resourceId: file.resourceId, datasetId: file.datasetId }, start);
    // A client that goes away mid-file ends the pipeline; the object stream is closed with it.
    await pipeline(body, res).catch(() => res.destroy());
  }
}
