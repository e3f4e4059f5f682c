import { Injectable } from '@nestjs/common';
import { Caller, canSeeUnpublishedOf, requireSysadmin } from '@opendata/auth';
import { FieldError, badInput, isValidUscc, notFound } from '@opendata/common';
import { OrganizationEntity } from './entities';
import { OrganizationRepository } from './organization.repository';

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
  constructor(private readonly organizations: OrganizationRepository) {}

  list(): Promise<OrganizationEntity[]> {
    return this.organizations.list();
  }

  async getBySlug(slug: string): Promise<OrganizationEntity> {
    const organization = await this.organizations.findBySlug(slug);
    if (!organization) throw notFound('Organization', slug);
    return organization;
  }

  findByIds(ids: readonly string[]): Promise<OrganizationEntity[]> {
    return this.organizations.findByIds(ids);
  }

  /** Live datasets per organization that the caller may see (its members also count the unpublished ones). */
  datasetCounts(caller: Caller, organizationIds: readonly string[]): Promise<Map<string, number>> {
    return this.organizations.datasetCounts(organizationIds, organizationIds.filter((id) => canSeeUnpublishedOf(caller, id)));
  }

  /** Published datasets per organization id (organizations without any are left out). */
  publishedDatasetCounts(): Promise<Map<string, number>> {
    return this.organizations.publishedDatasetCounts();
  }

  async create(caller: Caller, input: CreateOrganizationInput): Promise<OrganizationEntity> {
    requireSysadmin(caller, 'create organizations');
    const problems: FieldError[] = [];
    const uscc = input.uscc?.trim().toUpperCase() || null;
    if (!SLUG.test(input.slug)) problems.push({ path: 'slug', message: 'must be 3-100 lower-case letters, digits and hyphens' });
    else if (await this.organizations.slugExists(input.slug)) problems.push({ path: 'slug', message: 'is already taken' });
    if (!input.name?.trim()) problems.push({ path: 'name', message: 'must not be empty' });
    if (uscc && !isValidUscc(uscc)) {
      problems.push({ path: 'uscc', message: 'is not a valid unified social credit code (GB 32100-2015 check character)' });
    } else if (uscc && (await this.organizations.usccExists(uscc))) {
      problems.push({ path: 'uscc', message: 'belongs to another organization' });
    }
    if (input.contactEmail && !EMAIL.test(input.contactEmail)) problems.push({ path: 'contactEmail', message: 'is not an email address' });
    let parentId: string | null = null;
    if (input.parentSlug) {
      const parent = await this.organizations.findBySlug(input.parentSlug);
      if (!parent) problems.push({ path: 'parentSlug', message: 'is not an existing organization' });
      else parentId = parent.id;
    }
    if (problems.length) throw badInput(problems);
    return this.organizations.withTransaction(caller, (tx) =>
      this.organizations.insert(
        {
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
        },
        tx,
      ),
    );
  }
}
