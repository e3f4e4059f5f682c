import { Controller, Get, Param, Query } from '@nestjs/common';
import { SchemaRegistryService, SchemaSummary } from '@opendata/ingest';

@Controller('api/v1/schemas')
export class SchemaController {
  constructor(private readonly schemas: SchemaRegistryService) {}

  @Get()
  async list(): Promise<{ schemas: SchemaSummary[] }> {
    return { schemas: await this.schemas.list() };
  }

  /** The JSON Schema document itself (latest version unless `version` is given). */
  @Get(':id')
  async get(@Param('id') id: string, @Query('version') version?: string): Promise<Record<string, unknown>> {
    const parsed = version && /^\d+$/.test(version) ? Number(version) : null;
    return (await this.schemas.get(id, parsed)).source;
  }
}
