import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller, requireSysadmin } from '@opendata/auth';
import { FieldError, badInput, isValidUscc, notFound } from '@opendata/common';
import { DataSource } from 'typeorm';
import { ORGANIZATION_COLUMNS, organizationFromRow } from './catalog-rows';
import { recordSearchChange } from './search/search-index.repository';
import { OrganizationEntity } from './entities';

export interface CreateOrganizationInput {
  slug: string;
  name: string;
  nameEn?: string | null;
  description?: string | null;
  uscc?: string | null;
  parentSlug?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  /** Default true: publications need a reviewer's sign-off. */
  reviewRequired?: boolean | null;
}

const SLUG = /^[a-z0-9][a-z0-9-]{1,98}[a-z0-9]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Publishing organizations (信息资源提供方). */
@Injectable()
export class OrganizationService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private get repo() {
    return this.db.getRepository(OrganizationEntity);
  }

  list(): Promise<OrganizationEntity[]> {
    return this.repo.find({ order: { name: 'ASC' } });
  }

  async getBySlug(slug: string): Promise<OrganizationEntity> {
    const organization = await this.repo.findOneBy({ slug });
    if (!organization) throw notFound('Organization', slug);
    return organization;
  }

  async findByIds(ids: readonly string[]): Promise<OrganizationEntity[]> {
    const rows = await this.db.query(`SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = ANY($1::uuid[])`, [ids]);
    return rows.map(organizationFromRow);
  }

  async create(caller: Caller, input: CreateOrganizationInput): Promise<OrganizationEntity> {
    requireSysadmin(caller, 'create organizations');
    const problems: FieldError[] = [];
    const uscc = input.uscc?.trim().toUpperCase() || null;
    if (!SLUG.test(input.slug)) problems.push({ path: 'slug', message: 'must be 3-100 lower-case letters, digits and hyphens' });
    else if (await this.repo.existsBy({ slug: input.slug })) problems.push({ path: 'slug', message: 'is already taken' });
    if (!input.name?.trim()) problems.push({ path: 'name', message: 'must not be empty' });
    if (uscc && !isValidUscc(uscc)) {
      problems.push({ path: 'uscc', message: 'is not a valid unified social credit code (GB 32100-2015 check character)' });
    } else if (uscc && (await this.repo.existsBy({ uscc }))) {
      problems.push({ path: 'uscc', message: 'belongs to another organization' });
    }
    if (input.contactEmail && !EMAIL.test(input.contactEmail)) problems.push({ path: 'contactEmail', message: 'is not an email address' });
    let parentId: string | null = null;
    if (input.parentSlug) {
      const parent = await this.repo.findOneBy({ slug: input.parentSlug });
      if (!parent) problems.push({ path: 'parentSlug', message: 'is not an existing organization' });
      else parentId = parent.id;
    }
    if (problems.length) throw badInput(problems);
    return this.db.transaction(async (manager) => {
      const saved = await manager.getRepository(OrganizationEntity).save(
        this.repo.create({
        slug: input.slug,
        name: input.name.trim(),
        nameEn: input.nameEn ?? null,
        description: input.description ?? null,
        uscc,
        parentId,
        contactName: input.contactName ?? null,
        contactEmail: input.contactEmail ?? null,
        contactPhone: input.contactPhone ?? null,
        reviewRequired: input.reviewRequired ?? true,
        }),
      );
      await recordSearchChange(manager, null);
      return saved;
    });
  }
}
