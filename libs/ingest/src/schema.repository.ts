import { Injectable } from '@nestjs/common';
import { SqlRepository, Tx } from '@opendata/database';

/** The statements of collection_schemas: organizations' registered schemas, one row per version. */
@Injectable()
export class SchemaRepository extends SqlRepository {
  /** The latest version of every registered schema, with its owner's slug. */
  latestDocuments(): Promise<Array<{ document: Record<string, unknown>; slug: string }>> {
    return this.db.query(
      `SELECT DISTINCT ON (s.schema_id) s.document, o.slug FROM collection_schemas s
       JOIN organizations o ON o.id = s.organization_id ORDER BY s.schema_id, s.version DESC`,
    );
  }

  /** The document of a schema's version (the latest when none is given), or null. */
  async document(schemaId: string, version?: number | null): Promise<Record<string, unknown> | null> {
    const rows = await this.db.query(
      `SELECT document FROM collection_schemas WHERE schema_id = $1 ${version ? 'AND version = $2' : ''}
       ORDER BY version DESC LIMIT 1`,
      version ? [schemaId, version] : [schemaId],
    );
    return rows[0]?.document ?? null;
  }

  /** The slug of the organization that registered a schema, or null for an unknown id. */
  async ownerSlug(schemaId: string): Promise<string | null> {
    const rows = await this.db.query(
      `SELECT o.slug FROM collection_schemas s JOIN organizations o ON o.id = s.organization_id WHERE s.schema_id = $1 LIMIT 1`,
      [schemaId],
    );
    return rows[0]?.slug ?? null;
  }

  async nextVersion(schemaId: string, tx?: Tx): Promise<number> {
    const [{ next }] = await this.on(tx).query(`SELECT coalesce(max(version), 0) + 1 AS next FROM collection_schemas WHERE schema_id = $1`, [schemaId]);
    return Number(next);
  }

  async insert(input: { schemaId: string; version: number; organizationId: string; document: Record<string, unknown>; createdBy: string | null }, tx?: Tx): Promise<void> {
    await this.on(tx).query(
      `INSERT INTO collection_schemas (schema_id, version, organization_id, document, created_by) VALUES ($1, $2, $3, $4, $5)`,
      [input.schemaId, input.version, input.organizationId, input.document, input.createdBy],
    );
  }
}
