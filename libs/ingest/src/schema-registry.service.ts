import { Injectable } from '@nestjs/common';
import { Caller, requireDatasetWriter, requireSignedIn } from '@opendata/auth';
import { OrganizationService } from '@opendata/catalog';
import { badInput, fieldError, messageText, notFound } from '@opendata/common';
import { checkCollectionDocument, fromCollectionDocument, loadBuiltInSchemas, TableSchema } from '@opendata/validation';
import { SchemaRepository } from './schema.repository';

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
export class SchemaRegistryService {
  private readonly builtIn = new Map(loadBuiltInSchemas().map((s) => [s.id, s]));

  constructor(
    private readonly repository: SchemaRepository,
    private readonly organizations: OrganizationService,
  ) {}

  builtInSchemas(): TableSchema[] {
    return [...this.builtIn.values()];
  }

  async list(): Promise<SchemaSummary[]> {
    const custom = await this.repository.latestDocuments();
    return [
      ...[...this.builtIn.values()].map((s) => summary(s, null)),
      ...custom.map((row) => summary(fromCollectionDocument(row.document), row.slug)),
    ];
  }

  /** A schema by id (latest version unless given); NOT_FOUND for unknown ids. */
  async get(id: string, version?: number | null): Promise<TableSchema> {
    const builtIn = this.builtIn.get(id);
    if (builtIn && (!version || version === builtIn.version)) return builtIn;
    const document = await this.repository.document(id, version);
    if (!document) throw notFound('schema', version ? `${id}@${version}` : id);
    return fromCollectionDocument(document);
  }

  ownerOf(id: string): Promise<string | null> {
    return this.repository.ownerSlug(id);
  }

  /** Registers an organization's schema, or its next version (editors and admins of that organization). */
  async register(caller: Caller, organizationSlug: string, document: Record<string, unknown>): Promise<TableSchema> {
    requireSignedIn(caller);
    const organization = await this.organizations.getBySlug(organizationSlug);
    requireDatasetWriter(caller, organization.id);
    const id = String(document['x-id'] ?? '');
    if (this.builtIn.has(id)) throw badInput([fieldError('x-id', 'schema.builtInId', { id })]);
    const owner = await this.ownerOf(id);
    if (owner && owner !== organizationSlug) throw badInput([fieldError('x-id', 'schema.ownedByOther', { id, owner })]);
    return this.repository.withTransaction(caller, async (tx) => {
      const next = await this.repository.nextVersion(id, tx);
      const versioned = {
        ...document,
        $id: `urn:opendata:schema:custom:${organizationSlug}:${id}:${next}`,
        'x-version': next,
        'x-organization': organizationSlug,
      };
      const problems = checkCollectionDocument(versioned);
      if (problems.length) throw badInput(problems, messageText('schema.invalid'));
      await this.repository.insert({ schemaId: id, version: next, organizationId: organization.id, document: versioned, createdBy: caller.userId }, tx);
      return fromCollectionDocument(versioned);
    });
  }
}

function summary(schema: TableSchema, organization: string | null): SchemaSummary {
  return { id: schema.id, version: schema.version, title: schema.title, titleEn: schema.titleEn, organization, fieldCount: schema.fields.length };
}
