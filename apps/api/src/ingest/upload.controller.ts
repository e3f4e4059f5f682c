import { Controller, Param, Post, Query, Req, Res } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import { badInput, fieldError } from '@opendata/common';
import { IngestService, UploadOutcome, requestOptions } from '@opendata/ingest';
import { Request, Response } from 'express';
import { CurrentCaller } from '../http/current-caller.decorator';
import { MultipartForm, clientGone, readMultipart } from '../http/multipart';

/**
 * Uploads and validations. The size limit is the service's to apply (an organization may have its own): the
 * multipart body is handed over as it streams, unbounded here.
 */
@Controller('api/v1')
export class UploadController {
  constructor(private readonly ingest: IngestService) {}

  /** Upload a file as a new resource of a dataset, or a new version of one (`resource`): 201 published, 422 rejected. */
  @Post('datasets/:dataset/resources')
  async upload(
    @CurrentCaller() caller: Caller,
    @Param('dataset') dataset: string,
    @Query() query: Record<string, string>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await closingOnError(res, async () => {
      const { fields, file } = withFile(await readMultipart(req));
      const outcome = await this.ingest.upload(caller, { dataset, file, ...requestOptions(fields, query), clientGone: clientGone(res) });
      res.status(outcome.status === 'published' ? 201 : 422).json(uploadBody(outcome));
    });
  }

  /** Validate a file without storing it; with `schema`, every check; without, encoding and structure only. */
  @Post('validate')
  async validate(@Query() query: Record<string, string>, @Req() req: Request, @Res() res: Response): Promise<void> {
    await closingOnError(res, async () => {
      const { fields, file } = withFile(await readMultipart(req));
      const report = await this.ingest.validate({ file, ...requestOptions(fields, query), clientGone: clientGone(res) });
      res.status(200).json({ report });
    });
  }
}

function withFile(form: MultipartForm): MultipartForm & { file: NonNullable<MultipartForm['file']> } {
  if (!form.file) throw badInput([fieldError('file', 'upload.noFilePart')]);
  return { ...form, file: form.file };
}

function uploadBody(outcome: UploadOutcome) {
  const resource = outcome.resourceId ? { id: outcome.resourceId, version: outcome.version, pendingReview: outcome.pendingReview ?? false } : null;
  return { reportId: outcome.reportId, resource, report: outcome.report };
}

/** A request whose body is not read to the end must close its connection, or the client keeps sending. */
async function closingOnError(res: Response, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    res.setHeader('Connection', 'close');
    throw error;
  }
}
