import { Controller, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import { badInput } from '@opendata/common';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { UploadLimitService } from '@opendata/catalog';
import { IngestService, SchemaRegistry } from '@opendata/ingest';
import { Request, Response } from 'express';
import { CurrentCaller } from '../http/current-caller.decorator';
import { clientGone, readMultipart } from '../http/multipart';

/** A request whose body is not read to the end must close its connection, or the client keeps sending. */
function closeAfter(res: Response): void {
  res.setHeader('Connection', 'close');
}

@Controller('api/v1')
export class UploadController {
  constructor(
    private readonly ingest: IngestService,
    private readonly schemas: SchemaRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uploadLimits: UploadLimitService,
  ) {}

  /** Upload a file as a new resource of a dataset, or a new version of one (`resource`): 201 published, 422 rejected. */
  @Post('datasets/:dataset/resources')
  async upload(
    @CurrentCaller() caller: Caller,
    @Param('dataset') dataset: string,
    @Query() query: Record<string, string>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    try {
      // An organization may have its own limit (smaller or larger than UPLOAD_MAX_BYTES).
      const maxBytes = (await this.uploadLimits.limitForDataset(dataset)) ?? this.config.uploadMaxBytes;
      const { fields, file } = await readMultipart(req, maxBytes);
      if (!file) throw badInput([{ path: 'file', message: 'the multipart body has no "file" part' }]);
      const option = (name: string) => fields[name] ?? query[name] ?? null;
      const outcome = await this.ingest.upload(caller, {
        dataset,
        resourceId: option('resource'),
        name: option('name'),
        schemaId: option('schema'),
        encoding: option('encoding'),
        delimiter: option('delimiter'),
        file,
        clientGone: clientGone(res),
      });
      const body = { reportId: outcome.reportId, resource: outcome.resourceId ? { id: outcome.resourceId, version: outcome.version, pendingReview: outcome.pendingReview ?? false } : null, report: outcome.report };
      res.status(outcome.status === 'published' ? 201 : 422).json(body);
    } catch (error) {
      closeAfter(res);
      throw error;
    }
  }

  /** Validate a file without storing it; with `schema`, every check; without, encoding and structure only. */
  @Post('validate')
  async validate(@Query() query: Record<string, string>, @Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const { fields, file } = await readMultipart(req, this.config.uploadMaxBytes);
      if (!file) throw badInput([{ path: 'file', message: 'the multipart body has no "file" part' }]);
      const option = (name: string) => query[name] ?? fields[name] ?? null;
      const schemaId = option('schema');
      const schema = schemaId ? await this.schemas.get(schemaId) : null;
      const report = await this.ingest.validateOnly({ encoding: option('encoding'), delimiter: option('delimiter'), file, clientGone: clientGone(res) }, schema);
      res.status(200).json({ report });
    } catch (error) {
      closeAfter(res);
      throw error;
    }
  }
}
