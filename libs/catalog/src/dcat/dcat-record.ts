import { DatasetEntity, OrganizationEntity, ResourceEntity, ResourceVersionEntity, ThemeEntity } from '../entities';

/** Everything the export says about one dataset, read in batches by DcatExportService. */
export interface DcatDatasetRecord {
  dataset: DatasetEntity;
  organization: OrganizationEntity;
  /** Ordered as the catalogue orders themes: 政务 classes first, EU data themes after. */
  themes: ThemeEntity[];
  tags: string[];
  /** Live resources in position order, each with its latest version (null while it has none). */
  resources: Array<{ resource: ResourceEntity; version: ResourceVersionEntity | null }>;
}

/** The catalogue as a whole. */
export interface DcatCatalogInfo {
  /** The organization at the top of the hierarchy (the city government); null in an empty installation. */
  publisher: OrganizationEntity | null;
  /** Latest change of a published dataset. */
  modified: Date | null;
}

/** The catalogue's title: named after its publisher, the city government. */
export function catalogTitle(publisher: OrganizationEntity | null): { zh: string; en: string } {
  if (!publisher) return { zh: '政府数据开放目录', en: 'Open government data catalogue' };
  return {
    zh: `${publisher.name}数据开放目录`,
    en: publisher.nameEn ? `Open data catalogue of ${publisher.nameEn}` : 'Open government data catalogue',
  };
}

/**
 * The IRIs of the export, all under the platform's public URL. Datasets are named by slug: their IRI is the
 * dataset's page on the portal, which also answers with this record by content negotiation (Accept:
 * text/turtle or application/ld+json), as /datasets/{slug}.ttl and .jsonld do.
 */
export class DcatLinks {
  readonly base: string;

  constructor(publicUrl: string) {
    this.base = publicUrl.replace(/\/+$/, '');
  }

  get catalog(): string {
    return `${this.base}/catalog`;
  }

  get homepage(): string {
    return `${this.base}/`;
  }

  /** The platform itself, as publisher of an installation that has no organization yet. */
  get platform(): string {
    return `${this.base}/#platform`;
  }

  dataset(slug: string): string {
    return `${this.base}/datasets/${encodeURIComponent(slug)}`;
  }

  organization(slug: string): string {
    return `${this.base}/organizations/${encodeURIComponent(slug)}`;
  }

  distribution(datasetSlug: string, resourceId: string, kind: 'file' | 'rows'): string {
    const resource = `${this.dataset(datasetSlug)}/resources/${resourceId}`;
    return kind === 'file' ? resource : `${resource}/rows`;
  }

  /** The latest file of a resource: always the current version. */
  download(resourceId: string): string {
    return `${this.base}/api/v1/resources/${resourceId}/download`;
  }

  /** One version's file: the bytes the byte size and checksum describe. */
  downloadVersion(resourceId: string, version: number): string {
    return `${this.download(resourceId)}?version=${version}`;
  }

  rowsCsv(resourceId: string): string {
    return `${this.base}/api/v1/resources/${resourceId}/data.csv`;
  }

  /** The collection standard (JSON Schema) rows conform to. */
  standard(schemaId: string): string {
    return `${this.base}/api/v1/schemas/${encodeURIComponent(schemaId)}`;
  }

  /** 政务信息资源目录 classes have no public IRIs; the platform names them under its own address. */
  get govScheme(): string {
    return `${this.base}/vocabularies/gov-catalogue`;
  }

  govTheme(code: string): string {
    return `${this.govScheme}/${encodeURIComponent(code)}`;
  }
}
