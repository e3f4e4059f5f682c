import { Controller, Get, Param, Res } from '@nestjs/common';
import { Caller } from '@opendata/auth';
import { DcatExportService, RDF_MEDIA_TYPES, RdfFormat, SchemaOrgDataset } from '@opendata/catalog';
import { Response } from 'express';
import { CurrentCaller } from '../http/current-caller.decorator';

/**
 * DCAT-AP 3 metadata for harvesters (data.europa.eu-style portals, CKAN's DCAT harvester) and schema.org
 * Dataset records for dataset search engines. The extension picks the format.
 */
@Controller()
export class DcatController {
  constructor(private readonly dcat: DcatExportService) {}

  @Get('catalog.jsonld')
  catalogJsonLd(@Res() res: Response): Promise<void> {
    return sendRdf(res, 'jsonld', (out) => this.dcat.writeCatalog('jsonld', out));
  }

  @Get('catalog.ttl')
  catalogTurtle(@Res() res: Response): Promise<void> {
    return sendRdf(res, 'turtle', (out) => this.dcat.writeCatalog('turtle', out));
  }

  @Get('datasets/:slug.jsonld')
  datasetJsonLd(@CurrentCaller() caller: Caller, @Param('slug') slug: string, @Res() res: Response): Promise<void> {
    return sendRdf(res, 'jsonld', (out) => this.dcat.writeDataset(caller, slug, 'jsonld', out));
  }

  @Get('datasets/:slug.ttl')
  datasetTurtle(@CurrentCaller() caller: Caller, @Param('slug') slug: string, @Res() res: Response): Promise<void> {
    return sendRdf(res, 'turtle', (out) => this.dcat.writeDataset(caller, slug, 'turtle', out));
  }

  /** The content type is set only on success, so a 404 stays plain JSON. */
  @Get('datasets/:slug.schema.json')
  async schemaOrg(
    @CurrentCaller() caller: Caller,
    @Param('slug') slug: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SchemaOrgDataset> {
    const dataset = await this.dcat.schemaOrg(caller, slug);
    res.setHeader('Content-Type', 'application/ld+json; charset=utf-8');
    return dataset;
  }
}

/**
 * Streams an RDF document. Errors before the first byte go to the error filter as JSON (so the RDF content
 * type is taken back); once streaming has begun, the only honest signal left is to cut the connection.
 */
export async function sendRdf(res: Response, format: RdfFormat, write: (out: Response) => Promise<void>): Promise<void> {
  res.setHeader('Content-Type', RDF_MEDIA_TYPES[format]);
  try {
    await write(res);
    res.end();
  } catch (error) {
    if (res.headersSent) {
      res.destroy(error instanceof Error ? error : undefined);
      return;
    }
    res.removeHeader('Content-Type');
    throw error;
  }
}
