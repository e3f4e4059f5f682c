import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller, requireDatasetWriter, requireSignedIn } from '@opendata/auth';
import { OrganizationService } from '@opendata/catalog';
import { badInput, notFound } from '@opendata/common';
import { DataSource } from 'typeorm';
import { checkCollectionDocument, fromCollectionDocument, loadBuiltInSchemas, TableSchema } from '@opendata/validation';

export interface SchemaSummary {
  id: string;
  version: number;
  title: string;
  titleEn: string | null;
  /** Slug of the owning organization; null for the platform's collection standards. */
  organization: string | null;
  fieldCount: number;
}

/**
 * The collection standards shipped in schemas/collection and the schemas organizations register for their own
 * data. Registered schemas are versioned (a new registration of the same id is the next version) and must be
 * valid against schemas/meta/collection.schema.json.
 */
@Injectable()
export class SchemaRegistry {
  private readonly builtIn = new Map(loadBuiltInSchemas().map((s) => [s.id, s]));

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly organizations: OrganizationService,
  ) {}

  builtInSchemas(): TableSchema[] {
    return [...this.builtIn.values()];
  }

  async list(): Promise<SchemaSummary[]> {
    const custom: Array<{ document: Record<string, unknown>; slug: string }> = await this.db.query(
      `SELECT DISTINCT ON (s.schema_id) s.document, o.slug FROM collection_schemas s
       JOIN organizations o ON o.id = s.organization_id ORDER BY s.schema_id, s.version DESC`,
    );
    return [
      ...[...this.builtIn.values()].map((s) => summary(s, null)),
      ...custom.map((row) => summary(fromCollectionDocument(row.document), row.slug)),
    ];
  }

  /** A schema by id (latest version unless given); NOT_FOUND for unknown ids. */
  async get(id: string, version?: number | null): Promise<TableSchema> {
    const builtIn = this.builtIn.get(id);
    if (builtIn && (!version || version === builtIn.version)) return builtIn;
    const rows = await this.db.query(
      `SELECT document FROM collection_schemas WHERE schema_id = $1 ${version ? 'AND version = $2' : ''}
       ORDER BY version DESC LIMIT 1`,
      version ? [id, version] : [id],
    );
    if (rows.length === 0) throw notFound('Schema', version ? `${id}@${version}` : id);
    return fromCollectionDocument(rows[0].document);
  }

  async ownerOf(id: string): Promise<string | null> {
    const rows = await this.db.query(
      `SELECT o.slug FROM collection_schemas s JOIN organizations o ON o.id = s.organization_id WHERE s.schema_id = $1 LIMIT 1`,
      [id],
    );
    return rows[0]?.slug ?? null;
  }

  /** Registers an organization's schema, or its next version (editors and admins of that organization). */
  async register(caller: Caller, organizationSlug: string, document: Record<string, unknown>): Promise<TableSchema> {
    requireSignedIn(caller);
    const organization = await this.organizations.getBySlug(organizationSlug);
    requireDatasetWriter(caller, organization.id);
    const id = String(document['x-id'] ?? '');
    if (this.builtIn.has(id)) throw badInput([{ path: 'x-id', message: `"${id}" is a platform collection standard; choose another id` }]);
    const owner = await this.ownerOf(id);
    if (owner && owner !== organizationSlug) throw badInput([{ path: 'x-id', message: `"${id}" belongs to organization ${owner}` }]);
    return this.db.transaction(async (m) => {
      const [{ next }] = await m.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM collection_schemas WHERE schema_id = $1`, [id]);
      const versioned = {
        ...document,
        $id: `urn:opendata:schema:custom:${organizationSlug}:${id}:${next}`,
        'x-version': Number(next),
        'x-organization': organizationSlug,
      };
      const problems = checkCollectionDocument(versioned);
      if (problems.length) throw badInput(problems, `The schema is not a valid collection schema: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
      await m.query(
        `INSERT INTO collection_schemas (schema_id, version, organization_id, document, created_by) VALUES ($1, $2, $3, $4, $5)`,
        [id, next, organization.id, versioned, caller.userId],
      );
      return fromCollectionDocument(versioned);
    });
  }
}

function summary(schema: TableSchema, organization: string | null): SchemaSummary {
  return { id: schema.id, version: schema.version, title: schema.title, titleEn: schema.titleEn, organization, fieldCount: schema.fields.length };
}
