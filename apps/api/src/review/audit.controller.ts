import { Controller, Get, Query, Res } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import { AuditService } from '@opendata/catalog';
import { Response } from 'express';
import { once } from 'node:events';
import { CurrentCaller } from '../http/current-caller.decorator';
import { auditFilterFromQuery, toAuditEntryModel } from './review.mappers';

@Controller('api/v1')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The audit log as NDJSON, oldest first, streamed in batches (system administrators); filters as in GraphQL. */
  @Get('audit.ndjson')
  async export(@CurrentCaller() caller: Caller, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const filter = auditFilterFromQuery(query);
    let started = false;
    await this.audit.export(caller, filter, async (entries) => {
      if (!started) {
        res.status(200).type('application/x-ndjson; charset=utf-8');
        started = true;
      }
      const text = entries.map((e) => JSON.stringify(toAuditEntryModel(e))).join('\n') + '\n';
      if (!res.write(text)) await once(res, 'drain');
    });
    if (!started) res.status(200).type('application/x-ndjson; charset=utf-8');
    res.end();
  }
}
