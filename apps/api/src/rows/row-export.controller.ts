import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import { badInput, fieldError, findInputProblem } from '@opendata/common';
import { ExportFormat, MEDIA_TYPES, RowFilter } from '@opendata/datastore';
import { Response } from 'express';
import { DownloadCounterService } from '../downloads/download-counter.service';
import { CurrentCaller } from '../http/current-caller.decorator';
import { RowAccessService } from './row-access.service';

type ExportQuery = Record<string, string | string[] | undefined>;

/**
 * The validated rows of a resource version as files: data.csv (UTF-8, `bom=1` for Excel), data.json (an array
 * of row objects) and data.ndjson (one object a line). `version=N` picks a version, `where=<json>` filters
 * with the row API's conditions ({"aqi":{"gt":100},"station_code":{"in":["2000A"]}}), `fields=a,b` picks
 * and orders columns.
 */
@Controller('api/v1/resources')
export class RowExportController {
  constructor(
    private readonly rows: RowAccessService,
    private readonly downloads: DownloadCounterService,
  ) {}

  @Get(':id/data.csv')
  csv(@CurrentCaller() caller: Caller, @Param('id') id: string, @Query() query: ExportQuery, @Res() res: Response): Promise<void> {
    return this.send(caller, id, 'csv', query, res);
  }

  @Get(':id/data.json')
  json(@CurrentCaller() caller: Caller, @Param('id') id: string, @Query() query: ExportQuery, @Res() res: Response): Promise<void> {
    return this.send(caller, id, 'json', query, res);
  }

  @Get(':id/data.ndjson')
  ndjson(@CurrentCaller() caller: Caller, @Param('id') id: string, @Query() query: ExportQuery, @Res() res: Response): Promise<void> {
    return this.send(caller, id, 'ndjson', query, res);
  }

  private async send(caller: Caller, id: string, format: ExportFormat, query: ExportQuery, res: Response): Promise<void> {
    const version = single(query, 'version');
    if (version !== undefined && !/^\d+$/.test(version)) throw badInput([fieldError('version', 'rows.versionNumber')]);
    const rows = await this.rows.rowsOf(caller, id, version === undefined ? null : Number(version));
    const fields = single(query, 'fields');
    const options = { where: parseWhere(single(query, 'where')), fields: fields ? fields.split(',').map((f) => f.trim()) : null, bom: ['1', 'true'].includes(single(query, 'bom') ?? '') };
    const name = `${rows.fileName.replace(/\.[^.]+$/, '')}_v${rows.version}.${format}`;
    const begin = () => {
      res.status(200);
      this.downloads.recordWhenSent(res, { resourceId: rows.resourceId, datasetId: rows.datasetId });
      res.setHeader('Content-Type', MEDIA_TYPES[format]);
      res.setHeader('Content-Disposition', attachment(name));
      res.setHeader('Cache-Control', 'private, no-cache');
      res.setHeader('X-Content-Type-Options', 'nosniff');
    };
    // Once the body has started, a failure can only cut the response short (the client sees a broken transfer).
    await this.rows.export(rows, format, options, begin, res).catch((error: unknown) => {
      if (!res.headersSent) throw error;
      res.destroy();
    });
  }
}

function single(query: ExportQuery, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw badInput([fieldError(name, 'input.once')]);
  return value;
}

function parseWhere(text: string | undefined): RowFilter | null {
  if (text === undefined || text === '') return null;
  let where: unknown;
  try {
    where = JSON.parse(text);
  } catch {
    throw badInput([fieldError('where', 'rows.whereJson', { example: '{"field": {"eq"|"in"|"gt"|"gte"|"lt"|"lte"|"contains"|"isNull": value}}' })]);
  }
  // The edge checked the text; its JSON escapes (\u0000) only show once parsed.
  const problem = findInputProblem(where, 'where');
  if (problem) throw badInput([problem]);
  return where as RowFilter;
}

/** RFC 6266 with an RFC 5987 UTF-8 filename* (Chinese names), and an ASCII fallback for old clients. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
