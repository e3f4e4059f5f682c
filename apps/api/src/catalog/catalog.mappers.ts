import {
  DatasetEntity,
  DatasetMetadata,
  DatasetSearchFilter,
  DatasetSearchResult,
  FacetName,
  LICENCES,
  OPEN_ATTRIBUTES,
  OrganizationEntity,
  PRIORITY_DOMAINS,
  ResourceEntity,
  ResourceVersionEntity,
  SHARE_ATTRIBUTES,
  ThemeEntity,
  UPDATE_FREQUENCIES,
} from '@opendata/catalog';
import {
  DatasetStatusEnum,
  OpenAttributeEnum,
  PriorityDomainEnum,
  ShareAttributeEnum,
  UpdateFrequencyEnum,
  openAttributeKey,
  priorityDomainKey,
  shareAttributeKey,
  updateFrequencyKey,
} from './catalog.enums';
import { DatasetFilterInput } from './inputs/dataset-filter.input';
import { CreateDatasetInput, UpdateDatasetInput } from './inputs/dataset.input';
import { DatasetConnectionModel } from './models/connection.model';
import { DatasetModel } from './models/dataset.model';
import { OrganizationModel } from './models/organization.model';
import { ResourceModel, ResourceVersionModel } from './models/resource.model';
import { ThemeModel } from './models/theme.model';

/** Entities stay inside the services; the API hands out these models. */

export function toDatasetModel(d: DatasetEntity): DatasetModel {
  const licence = LICENCES.find((l) => l.id === d.license) ?? { id: d.license, title: d.license, url: '' };
  return {
    id: d.id,
    slug: d.slug,
    title: d.title,
    titleEn: d.titleEn,
    description: d.description,
    descriptionEn: d.descriptionEn,
    license: licence,
    openAttribute: openAttributeKey[d.openAttribute] as OpenAttributeEnum,
    openCondition: d.openCondition,
    shareAttribute: shareAttributeKey[d.shareAttribute] as ShareAttributeEnum,
    shareCondition: d.shareCondition,
    shareMethod: d.shareMethod,
    updateFrequency: updateFrequencyKey[d.updateFrequency] as UpdateFrequencyEnum,
    resourceCode: d.resourceCode,
    issued: d.issued,
    modified: d.modified,
    temporal: d.temporalStart || d.temporalEnd ? { start: d.temporalStart, end: d.temporalEnd } : null,
    spatial: d.spatial ? { name: d.spatial, code: d.spatialCode } : null,
    contactPoint: d.contactName ? { name: d.contactName, email: d.contactEmail, phone: d.contactPhone } : null,
    priorityDomain: d.priorityDomain ? (priorityDomainKey[d.priorityDomain] as PriorityDomainEnum) : null,
    planItem: d.planItem ?? null,
    status: d.status as DatasetStatusEnum,
    createdAt: d.createdAt,
    organizationId: d.organizationId,
  };
}

export function toOrganizationModel(o: OrganizationEntity, datasetCount = 0): OrganizationModel {
  return {
    id: o.id,
    slug: o.slug,
    name: o.name,
    nameEn: o.nameEn,
    description: o.description,
    uscc: o.uscc,
    contactName: o.contactName,
    contactEmail: o.contactEmail,
    contactPhone: o.contactPhone,
    datasetCount,
    reviewRequired: o.reviewRequired,
    parentId: o.parentId,
  };
}

export function toThemeModel(t: ThemeEntity): ThemeModel {
  return { code: t.code, scheme: t.scheme, label: t.labelZh, labelEn: t.labelEn, group: t.group, uri: t.uri };
}

export function downloadUrl(publicUrl: string, resourceId: string, version?: number): string {
  return `${publicUrl}/api/v1/resources/${resourceId}/download${version ? `?version=${version}` : ''}`;
}

export function toVersionModel(v: ResourceVersionEntity, publicUrl: string): ResourceVersionModel {
  return {
    id: v.id,
    version: v.version,
    format: v.format,
    mediaType: v.mediaType,
    byteSize: v.byteSize,
    sha256: v.sha256,
    fileName: v.fileName,
    schemaId: v.schemaId,
    rowCount: v.rowCount,
    downloadUrl: downloadUrl(publicUrl, v.resourceId, v.version),
    createdAt: v.createdAt,
    encoding: v.encoding,
    reportId: v.reportId,
  };
}

export function toResourceModel(r: ResourceEntity, latest: ResourceVersionEntity, publicUrl: string): ResourceModel {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    format: latest.format,
    mediaType: latest.mediaType,
    byteSize: latest.byteSize,
    sha256: latest.sha256,
    schemaId: latest.schemaId,
    version: latest.version,
    rowCount: latest.rowCount,
    downloadUrl: downloadUrl(publicUrl, r.id),
    modified: latest.createdAt,
    createdAt: r.createdAt,
    datasetId: r.datasetId,
    reportId: latest.reportId,
  };
}

/** GraphQL input (enum keys) to a catalogue record patch (stored labels); absent fields stay absent. */
export function toRecordPatch(input: CreateDatasetInput | UpdateDatasetInput): Partial<DatasetMetadata> {
  const patch: Record<string, unknown> = { ...input };
  const map = <T>(key: string, labels: Record<string, T>) => {
    if (patch[key] !== undefined && patch[key] !== null) patch[key] = labels[patch[key] as string] ?? patch[key];
  };
  map('openAttribute', OPEN_ATTRIBUTES);
  map('shareAttribute', SHARE_ATTRIBUTES);
  map('priorityDomain', PRIORITY_DOMAINS);
  map('updateFrequency', Object.fromEntries(Object.entries(UPDATE_FREQUENCIES).map(([k, f]) => [k, f.label])));
  if (patch.contactPoint) patch.contactPoint = { ...(patch.contactPoint as object) };
  return patch as Partial<DatasetMetadata>;
}

/** The DatasetFacets field of each facet. */
export const FACET_FIELDS: Record<FacetName, keyof DatasetConnectionModel['facets']> = {
  organization: 'organizations',
  theme: 'themes',
  tag: 'tags',
  format: 'formats',
  openAttribute: 'openAttributes',
  priorityDomain: 'priorityDomains',
};

/** GraphQL filter (enum keys) to the search filter (stored labels). */
export function toSearchFilter(filter: DatasetFilterInput | null | undefined): DatasetSearchFilter {
  if (!filter) return {};
  return {
    organizations: filter.organization,
    themes: filter.theme,
    tags: filter.tag,
    formats: filter.format,
    openAttributes: filter.openAttribute?.map((k) => OPEN_ATTRIBUTES[k]),
    priorityDomains: filter.priorityDomain?.map((k) => PRIORITY_DOMAINS[k]),
    statuses: filter.status,
  };
}

export function toConnection(result: DatasetSearchResult): DatasetConnectionModel {
  const f = result.facets;
  return {
    edges: result.edges.map((e) => ({ cursor: e.cursor, node: toDatasetModel(e.node) })),
    pageInfo: {
      hasNextPage: result.hasNextPage,
      hasPreviousPage: result.hasPreviousPage,
      startCursor: result.edges[0]?.cursor ?? null,
      endCursor: result.edges[result.edges.length - 1]?.cursor ?? null,
    },
    totalCount: result.totalCount ?? 0,
    facets: {
      organizations: f?.organization ?? [],
      themes: f?.theme ?? [],
      tags: f?.tag ?? [],
      formats: f?.format ?? [],
      openAttributes: f?.openAttribute ?? [],
      priorityDomains: f?.priorityDomain ?? [],
    },
    relaxed: result.relaxed,
    highlightTerms: result.highlightTerms,
  };
}
