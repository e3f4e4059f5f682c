import { Controller, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { badInput, fieldError } from '@opendata/common';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { Request, Response } from 'express';
import { clientGone, readMultipart } from '../http/multipart';
import { SchemaInferenceService } from './schema-inference.service';

@Controller('api/v1/schemas')
export class SchemaInferenceController {
  constructor(
    private readonly inference: SchemaInferenceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A draft collection schema for a sample file (multipart `file`; optional `id`, `encoding`, `delimiter` as
   * fields or query parameters): 200 `{ schema, evidence }`. Nothing is stored.
   */
  @Post('infer')
  async infer(@Query() query: Record<string, string>, @Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const { fields, file } = await readMultipart(req, this.config.uploadMaxBytes);
      if (!file) throw badInput([fieldError('file', 'upload.noFilePart')]);
      const option = (name: string) => query[name] ?? fields[name] ?? null;
      const result = await this.inference.infer({ file, id: option('id'), encoding: option('encoding'), delimiter: option('delimiter'), clientGone: clientGone(res) });
      res.status(200).json(result);
    } catch (error) {
      // A body not read to the end must close its connection, or the client keeps sending.
      res.setHeader('Connection', 'close');
      throw error;
    }
  }
}
