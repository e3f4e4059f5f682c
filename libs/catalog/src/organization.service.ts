import { Injectable } from '@nestjs/common';
import { Caller, canSeeUnpublishedOf, requireSysadmin } from '@opendata/auth';
import { FieldError, badInput, fieldError, isValidUscc, notFound } from '@opendata/common';
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
    if (!organization) throw notFound('organization', slug);
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
    requireSysadmin(caller, 'forbidden.createOrganizations');
    const problems: FieldError[] = [];
    const uscc = input.uscc?.trim().toUpperCase() || null;
    if (!SLUG.test(input.slug)) problems.push(fieldError('slug', 'organization.badSlug'));
    else if (await this.organizations.slugExists(input.slug)) problems.push(fieldError('slug', 'organization.slugTaken'));
    if (!input.name?.trim()) problems.push(fieldError('name', 'input.empty'));
    if (uscc && !isValidUscc(uscc)) {
      problems.push(fieldError('uscc', 'organization.badUscc'));
    } else if (uscc && (await this.organizations.usccExists(uscc))) {
      problems.push(fieldError('uscc', 'organization.usccTaken'));
    }
    if (input.contactEmail && !EMAIL.test(input.contactEmail)) problems.push(fieldError('contactEmail', 'user.badEmail'));
    let parentId: string | null = null;
    if (input.parentSlug) {
      const parent = await this.organizations.findBySlug(input.parentSlug);
      if (!parent) problems.push(fieldError('parentSlug', 'input.notOrganization'));
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
