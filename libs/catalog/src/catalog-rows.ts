import { DatasetEntity, OrganizationEntity, ResourceEntity, ResourceVersionEntity } from './entities';

/**
 * Column lists and row mappers for the read paths that every catalogue request takes. Plain SQL is several
 * times cheaper than building and hydrating TypeORM queries, and these paths run for every list and page.
 * Dates are selected as text (YYYY-MM-DD) because pg would turn them into local-midnight Date objects.
 */
type Row = Record<string, unknown>;

export const DATASET_COLUMNS = `d.id, d.slug, d.organization_id, d.title, d.title_en, d.description, d.description_en,
  d.license, d.open_attribute, d.open_condition, d.share_attribute, d.share_condition, d.share_method,
  d.update_frequency, d.resource_code, d.issued::text AS issued, d.modified, d.temporal_start::text AS temporal_start,
  d.temporal_end::text AS temporal_end, d.spatial, d.spatial_code, d.contact_name, d.contact_email, d.contact_phone,
  d.priority_domain, d.plan_item, d.status, d.created_by, d.created_at, d.updated_at, d.deleted_at`;

export function datasetFromRow(r: Row): DatasetEntity {
  return {
    id: r.id,
    slug: r.slug,
    organizationId: r.organization_id,
    title: r.title,
    titleEn: r.title_en,
    description: r.description,
    descriptionEn: r.description_en,
    license: r.license,
    openAttribute: r.open_attribute,
    openCondition: r.open_condition,
    shareAttribute: r.share_attribute,
    shareCondition: r.share_condition,
    shareMethod: r.share_method,
    updateFrequency: r.update_frequency,
    resourceCode: r.resource_code,
    issued: r.issued,
    modified: r.modified,
    temporalStart: r.temporal_start,
    temporalEnd: r.temporal_end,
    spatial: r.spatial,
    spatialCode: r.spatial_code,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    contactPhone: r.contact_phone,
    priorityDomain: r.priority_domain,
    planItem: r.plan_item,
    status: r.status,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  } as DatasetEntity;
}

export const ORGANIZATION_COLUMNS = `o.id, o.slug, o.name, o.name_en, o.description, o.uscc, o.parent_id, o.contact_name,
  o.contact_email, o.contact_phone, o.review_required, o.created_at, o.updated_at`;

export function organizationFromRow(r: Row): OrganizationEntity {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    nameEn: r.name_en,
    description: r.description,
    uscc: r.uscc,
    parentId: r.parent_id,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    contactPhone: r.contact_phone,
    reviewRequired: r.review_required,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  } as OrganizationEntity;
}

export const RESOURCE_COLUMNS = `r.id, r.dataset_id, r.name, r.description, r.position, r.created_at, r.updated_at, r.deleted_at`;

export function resourceFromRow(r: Row): ResourceEntity {
  return {
    id: r.id,
    datasetId: r.dataset_id,
    name: r.name,
    description: r.description,
    position: r.position,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  } as ResourceEntity;
}

export const VERSION_COLUMNS = `v.id, v.resource_id, v.version, v.format, v.media_type, v.byte_size::float8 AS byte_size,
  v.sha256, v.object_key, v.file_name, v.schema_id, v.row_count::float8 AS row_count, v.datastore_table, v.report_id,
  v.encoding, v.created_by, v.created_at`;

export function versionFromRow(r: Row): ResourceVersionEntity {
  return {
    id: r.id,
    resourceId: r.resource_id,
    version: r.version,
    format: r.format,
    mediaType: r.media_type,
    byteSize: r.byte_size,
    sha256: r.sha256,
    objectKey: r.object_key,
    fileName: r.file_name,
    schemaId: r.schema_id,
    rowCount: r.row_count,
    datastoreTable: r.datastore_table,
    reportId: r.report_id,
    encoding: r.encoding,
    createdBy: r.created_by,
    createdAt: r.created_at,
  } as ResourceVersionEntity;
}

export function groupRows<V>(rows: Row[], key: string, map: (row: Row) => V): Map<string, V[]> {
  const grouped = new Map<string, V[]>();
  for (const row of rows) {
    const k = row[key] as string;
    const list = grouped.get(k);
    if (list) list.push(map(row));
    else grouped.set(k, [map(row)]);
  }
  return grouped;
}
