import {
  DatasetEntity,
  DatasetStatus,
  LICENCES,
  OrganizationEntity,
  ResourceEntity,
  ResourceVersionEntity,
  ThemeEntity,
} from '@opendata/catalog';
import { downloadUrl } from '../catalog/catalog.mappers';

/**
 * The platform's records in CKAN's shapes (package, resource, organization, tag, group), with every field the
 * real CKAN 2.x responses carry, so harvesters read them unchanged. Fields CKAN has and the platform does not
 * track (revisions, caches, relationships) are present with CKAN's empty values.
 */

export interface CkanTag {
  id: string;
  name: string;
}

/** Everything needed to show one package, read in batches for a page of packages. */
export interface PackageParts {
  organization: OrganizationEntity;
  tags: CkanTag[];
  themes: ThemeEntity[];
  resources: Array<{ resource: ResourceEntity; latest: ResourceVersionEntity }>;
}

/** CKAN's state of a dataset: only drafts are not "active" (package dicts and search terms share this rule). */
export function ckanState(status: DatasetStatus): 'draft' | 'active' {
  return status === 'draft' ? 'draft' : 'active';
}

/** CKAN's private flag: everything not published is private (seen only by its organization). */
export function ckanPrivate(status: DatasetStatus): boolean {
  return status !== 'published';
}

/** CKAN writes timestamps as naive UTC with microseconds (2018-11-19T11:59:15.234777); Python clients parse that. */
export function ckanTime(value: Date | null | undefined): string | null {
  if (!value) return null;
  return `${value.toISOString().slice(0, 23)}000`;
}

export function ckanOrganization(o: OrganizationEntity, extra: Record<string, unknown> = {}) {
  return {
    id: o.id,
    name: o.slug,
    title: o.name,
    type: 'organization',
    description: o.description ?? '',
    image_url: '',
    created: ckanTime(o.createdAt),
    is_organization: true,
    approval_status: 'approved',
    state: 'active',
    revision_id: null,
    ...extra,
  };
}

export function ckanTag(tag: CkanTag) {
  return { id: tag.id, name: tag.name, display_name: tag.name, state: 'active', vocabulary_id: null };
}

/** Themes (政务信息资源目录 classes and EU data themes) are what CKAN calls groups. */
export function ckanGroup(theme: ThemeEntity) {
  return {
    id: theme.code,
    name: theme.code.toLowerCase(),
    title: theme.labelZh,
    display_name: theme.labelZh,
    description: theme.labelEn,
    image_display_url: '',
  };
}

export function ckanResource(publicUrl: string, r: ResourceEntity, v: ResourceVersionEntity, position: number) {
  return {
    id: r.id,
    package_id: r.datasetId,
    name: r.name,
    description: r.description ?? '',
    format: v.format,
    mimetype: v.mediaType,
    mimetype_inner: null,
    url: downloadUrl(publicUrl, r.id),
    url_type: 'upload',
    size: v.byteSize,
    hash: v.sha256,
    created: ckanTime(r.createdAt),
    last_modified: ckanTime(v.createdAt),
    metadata_modified: ckanTime(v.createdAt),
    position,
    state: 'active',
    resource_type: null,
    cache_url: null,
    cache_last_updated: null,
    webstore_url: null,
    webstore_last_updated: null,
    revision_id: null,
    // Validated tables are loaded into row tables, which datastore_search reads.
    datastore_active: v.datastoreTable !== null,
  };
}

/**
 * The record's fields that CKAN has no place for, as extras. Values stay as stored (Chinese labels such as
 * 无条件开放); keys are ASCII so that clients can address them.
 */
function extras(d: DatasetEntity): Array<{ key: string; value: string }> {
  const values: Record<string, string | null> = {
    title_en: d.titleEn,
    notes_en: d.descriptionEn,
    open_attribute: d.openAttribute,
    open_condition: d.openCondition,
    share_attribute: d.shareAttribute,
    share_condition: d.shareCondition,
    share_method: d.shareMethod,
    update_frequency: d.updateFrequency,
    resource_code: d.resourceCode,
    issued: d.issued,
    temporal_start: d.temporalStart,
    temporal_end: d.temporalEnd,
    spatial: d.spatial,
    spatial_code: d.spatialCode,
    contact_phone: d.contactPhone,
    priority_domain: d.priorityDomain,
  };
  return Object.entries(values)
    .filter((e): e is [string, string] => e[1] !== null && e[1] !== undefined && e[1] !== '')
    .map(([key, value]) => ({ key, value }));
}

export function ckanPackage(publicUrl: string, d: DatasetEntity, parts: PackageParts) {
  const licence = LICENCES.find((l) => l.id === d.license);
  return {
    id: d.id,
    name: d.slug,
    title: d.title,
    notes: d.description,
    type: 'dataset',
    state: ckanState(d.status),
    private: ckanPrivate(d.status),
    author: parts.organization.name,
    author_email: null,
    maintainer: d.contactName,
    maintainer_email: d.contactEmail,
    license_id: d.license,
    license_title: licence?.title ?? d.license,
    license_url: licence?.url ?? null,
    isopen: licence !== undefined,
    url: `${publicUrl}/datasets/${encodeURIComponent(d.slug)}.jsonld`,
    version: null,
    creator_user_id: d.createdBy,
    metadata_created: ckanTime(d.createdAt),
    metadata_modified: ckanTime(d.modified),
    owner_org: d.organizationId,
    organization: ckanOrganization(parts.organization),
    num_tags: parts.tags.length,
    tags: parts.tags.map(ckanTag),
    groups: parts.themes.map(ckanGroup),
    num_resources: parts.resources.length,
    resources: parts.resources.map(({ resource, latest }, i) => ckanResource(publicUrl, resource, latest, i)),
    extras: extras(d),
    relationships_as_object: [],
    relationships_as_subject: [],
    revision_id: null,
  };
}

export type CkanPackage = ReturnType<typeof ckanPackage>;
