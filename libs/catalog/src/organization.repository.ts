import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SqlRepository, Tx } from '@opendata/database';
import { DataSource } from 'typeorm';
import { ORGANIZATION_ROWS, OrganizationEntity } from './entities';
import { SearchDocumentRepository } from './search/search-document.repository';

/** The statements on organizations (信息资源提供方), and the dataset counts read per organization. */
@Injectable()
export class OrganizationRepository extends SqlRepository {
  constructor(
    @InjectDataSource() db: DataSource,
    private readonly searchDocuments: SearchDocumentRepository,
  ) {
    super(db);
  }

  private get entities() {
    return this.db.getRepository(OrganizationEntity);
  }

  /** Every organization, by name. */
  list(): Promise<OrganizationEntity[]> {
    return this.entities.find({ order: { name: 'ASC' } });
  }

  findBySlug(slug: string): Promise<OrganizationEntity | null> {
    return this.entities.findOneBy({ slug });
  }

  /** An organization that must exist (a dataset's own); throws when there is none. */
  get(id: string): Promise<OrganizationEntity> {
    return this.entities.findOneByOrFail({ id });
  }

  async findByIds(ids: readonly string[]): Promise<OrganizationEntity[]> {
    const rows = await this.db.query(`SELECT ${ORGANIZATION_ROWS.columns} FROM organizations o WHERE o.id = ANY($1::uuid[])`, [ids]);
    return rows.map(ORGANIZATION_ROWS.from);
  }

  /** The organization at the top of the hierarchy that was created first: the catalogue's publisher. */
  async root(): Promise<OrganizationEntity | null> {
    const [row] = await this.db.query(
      `SELECT ${ORGANIZATION_ROWS.columns} FROM organizations o WHERE o.parent_id IS NULL ORDER BY o.created_at, o.slug LIMIT 1`,
    );
    return row ? ORGANIZATION_ROWS.from(row) : null;
  }

  slugExists(slug: string): Promise<boolean> {
    return this.entities.existsBy({ slug });
  }

  usccExists(uscc: string): Promise<boolean> {
    return this.entities.existsBy({ uscc });
  }

  /** Adds an organization; organizations are suggested and named in results, so the search indexes learn of it. */
  async insert(fields: Omit<OrganizationEntity, 'id' | 'createdAt' | 'updatedAt'>, tx: Tx): Promise<OrganizationEntity> {
    const entities = tx.getRepository(OrganizationEntity);
    const saved = await entities.save(entities.create(fields));
    await this.searchDocuments.recordChange(null, tx);
    return saved;
  }

  /** Live datasets per organization: the published ones, and also the unpublished ones in `withUnpublished`. */
  async datasetCounts(organizationIds: readonly string[], withUnpublished: readonly string[]): Promise<Map<string, number>> {
    const rows: Array<{ organization_id: string; n: number }> = await this.db.query(
      `SELECT organization_id, count(*)::int AS n FROM datasets
       WHERE deleted_at IS NULL AND organization_id = ANY($1::uuid[]) AND (status = 'published' OR organization_id = ANY($2::uuid[]))
       GROUP BY organization_id`,
      [organizationIds, withUnpublished],
    );
    return new Map(rows.map((r) => [r.organization_id, r.n]));
  }

  /** Published datasets per organization id, for every organization that has one. */
  async publishedDatasetCounts(): Promise<Map<string, number>> {
    const rows: Array<{ id: string; n: number }> = await this.db.query(
      `SELECT organization_id AS id, count(*)::int AS n FROM datasets WHERE deleted_at IS NULL AND status = 'published' GROUP BY 1`,
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }
}
