import { licence } from './dcat-vocabularies';
import { DcatDatasetRecord, DcatLinks } from './dcat-record';

export type SchemaOrgDataset = Record<string, unknown>;

/**
 * A schema.org Dataset (declared equivalent to dcat:Dataset) for dataset search engines, which read the
 * https://schema.org/ context by name and never fetch it. Google Dataset Search needs name and description;
 * the rest is what it shows: publisher, licence, coverage, files.
 */
export function schemaOrgDataset(record: DcatDatasetRecord, links: DcatLinks, catalogName: string): SchemaOrgDataset {
  const { dataset, organization } = record;
  const url = links.dataset(dataset.slug);
  const licensed = licence(dataset.license);
  const publisher = {
    '@type': 'GovernmentOrganization',
    '@id': links.organization(organization.slug),
    name: organization.name,
    ...(organization.nameEn ? { alternateName: organization.nameEn } : {}),
    ...(organization.uscc ? { identifier: organization.uscc } : {}),
    ...(dataset.contactName ? { contactPoint: contactPoint(record) } : {}),
  };
  return compactObject({
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    '@id': url,
    url,
    name: dataset.title,
    alternateName: dataset.titleEn,
    description: dataset.description,
    identifier: [dataset.id, dataset.resourceCode].filter(Boolean),
    keywords: [...record.tags, ...record.themes.map((t) => t.labelZh)],
    inLanguage: 'zh-CN',
    license: licensed?.url,
    isAccessibleForFree: true,
    conditionsOfAccess: dataset.openCondition ?? dataset.openAttribute,
    datePublished: dataset.issued,
    dateModified: dataset.modified.toISOString(),
    temporalCoverage: temporalCoverage(dataset.temporalStart, dataset.temporalEnd),
    spatialCoverage: dataset.spatial
      ? compactObject({ '@type': 'AdministrativeArea', name: dataset.spatial, identifier: dataset.spatialCode })
      : undefined,
    creator: publisher,
    publisher: { '@id': publisher['@id'] },
    includedInDataCatalog: { '@type': 'DataCatalog', name: catalogName, url: links.homepage },
    distribution: record.resources.flatMap(({ resource, version }) =>
      version
        ? [
            compactObject({
              '@type': 'DataDownload',
              name: resource.name,
              description: resource.description,
              encodingFormat: version.mediaType,
              contentUrl: links.downloadVersion(resource.id, version.version),
              contentSize: `${version.byteSize} B`,
              sha256: version.sha256,
              dateModified: version.createdAt.toISOString(),
            }),
          ]
        : [],
    ),
  });
}

function contactPoint({ dataset }: DcatDatasetRecord): Record<string, unknown> {
  return compactObject({
    '@type': 'ContactPoint',
    name: dataset.contactName,
    email: dataset.contactEmail,
    telephone: dataset.contactPhone,
    contactType: '数据开放咨询',
  });
}

/** ISO 8601 interval; an open end is written `..`, which schema.org consumers accept. */
function temporalCoverage(start: string | null, end: string | null): string | undefined {
  if (!start && !end) return undefined;
  return `${start ?? '..'}/${end ?? '..'}`;
}

/** Drops absent values and empty lists, which schema.org validators report as errors. */
function compactObject(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(object).filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
  );
}
