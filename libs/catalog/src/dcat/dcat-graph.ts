import type { NamedNode, Quad_Object } from '@rdfjs/types';
import { DatasetEntity, OrganizationEntity, ResourceEntity, ResourceVersionEntity, ThemeEntity } from '../entities';
import {
  CHINESE,
  Concept,
  ConceptScheme,
  LOCAL_AUTHORITY,
  SCHEMES,
  SHA256_ALGORITHM,
  STABLE_AVAILABILITY,
  accessRightConcept,
  fileTypeConcept,
  frequencyConcept,
  licence,
  licenceTypeConcepts,
  mediaTypeIri,
  telUri,
} from './dcat-vocabularies';
import { DcatCatalogInfo, DcatDatasetRecord, DcatLinks, catalogTitle } from './dcat-record';
import { Quad, Triples, blank, dateLiteral, iri, term, text, typed } from './rdf-terms';

const a = {
  catalog: term('dcat', 'Catalog'),
  dataset: term('dcat', 'Dataset'),
  distribution: term('dcat', 'Distribution'),
  agent: term('foaf', 'Agent'),
  organization: term('foaf', 'Organization'),
  document: term('foaf', 'Document'),
  concept: term('skos', 'Concept'),
  scheme: term('skos', 'ConceptScheme'),
};

/** Chinese first, English when the record has it (language-tagged literals). */
function bilingual(zh: string, en?: string | null): Quad_Object[] {
  return en ? [text(zh, 'zh'), text(en, 'en')] : [text(zh, 'zh')];
}

/**
 * Maps catalogue records onto DCAT-AP 3 statements. Nodes that many datasets share (publishers, concepts,
 * licences, standards) are described once per document: the instance remembers which it has written, so one
 * DcatGraph serves one response. What it remembers is bounded by the number of organizations and vocabulary
 * terms, not by the number of datasets.
 */
export class DcatGraph {
  private readonly described = new Set<string>();

  constructor(private readonly links: DcatLinks) {}

  catalog(info: DcatCatalogInfo): Quad[] {
    const out = new Triples();
    const publisher = info.publisher;
    const name = publisher?.name ?? '政府数据开放平台';
    const title = catalogTitle(publisher);
    out.about(iri(this.links.catalog), [a.catalog], [
      [term('dct', 'title'), bilingual(title.zh, title.en)],
      [term('dct', 'description'), bilingual(
          `${name}在本平台开放的政府数据集目录；上传的数据文件按采集标准逐行校验。`,
          'Catalogue of the open government datasets published on this platform; uploaded data files are validated row by row against collection standards.',
        )],
      [term('dct', 'publisher'), iri(publisher ? this.links.organization(publisher.slug) : this.links.platform)],
      [term('foaf', 'homepage'), iri(this.links.homepage)],
      [term('dct', 'language'), iri(CHINESE.iri)],
      [term('dcat', 'themeTaxonomy'), [iri(SCHEMES.dataTheme.iri), iri(this.links.govScheme)]],
      [term('dct', 'modified'), info.modified ? dateLiteral(info.modified) : null],
    ]);
    out.about(iri(this.links.homepage), [a.document], []);
    out.quads.push(...this.concept(CHINESE, [term('dct', 'LinguisticSystem')]));
    if (publisher) out.quads.push(...this.agent(publisher));
    else out.about(iri(this.links.platform), [a.agent], [[term('foaf', 'name'), bilingual('政府数据开放平台', 'Open government data platform')]]);
    out.quads.push(...this.scheme(SCHEMES.dataTheme), ...this.scheme(this.govScheme()));
    return out.quads;
  }

  /** A dataset and its distributions, plus the catalogue's link to it when `inCatalog`. */
  dataset(record: DcatDatasetRecord, inCatalog = false): Quad[] {
    const { dataset, organization } = record;
    const subject = iri(this.links.dataset(dataset.slug));
    const out = new Triples();
    if (inCatalog) out.about(iri(this.links.catalog), [], [[term('dcat', 'dataset'), subject]]);
    const distributions = record.resources.flatMap(({ resource, version }) => this.distributionIris(dataset, resource, version));
    out.about(subject, [a.dataset], [
      [term('dct', 'identifier'), text(dataset.id)],
      [term('dct', 'title'), bilingual(dataset.title, dataset.titleEn)],
      [term('dct', 'description'), bilingual(dataset.description, dataset.descriptionEn)],
      [term('dct', 'publisher'), iri(this.links.organization(organization.slug))],
      [term('dcat', 'theme'), record.themes.map((t) => iri(this.themeIri(t)))],
      [term('dcat', 'keyword'), record.tags.map((tag) => text(tag, 'zh'))],
      [term('dct', 'accessRights'), iri(accessRightConcept(dataset.openAttribute).iri)],
      [term('dct', 'accrualPeriodicity'), iri(frequencyConcept(dataset.updateFrequency).iri)],
      [term('dct', 'language'), iri(CHINESE.iri)],
      [term('dct', 'issued'), dataset.issued ? dateLiteral(dataset.issued) : null],
      [term('dct', 'modified'), dateLiteral(dataset.modified)],
      [term('dcat', 'contactPoint'), dataset.contactName ? iri(`${subject.value}#contact`) : null],
      [term('dct', 'spatial'), dataset.spatial || dataset.spatialCode ? blank(`place-${dataset.id}`) : null],
      [term('dct', 'temporal'), dataset.temporalStart || dataset.temporalEnd ? blank(`period-${dataset.id}`) : null],
      [term('adms', 'identifier'), dataset.resourceCode ? blank(`code-${dataset.id}`) : null],
      [term('dcat', 'distribution'), distributions.map((d) => iri(d))],
    ]);
    out.quads.push(...this.datasetParts(record));
    for (const { resource, version } of record.resources) out.quads.push(...this.distributions(record, resource, version));
    out.quads.push(...this.agent(organization));
    return out.quads;
  }

  private datasetParts({ dataset, themes }: DcatDatasetRecord): Quad[] {
    const out = new Triples();
    const subject = this.links.dataset(dataset.slug);
    if (dataset.contactName) {
      const phone = dataset.contactPhone ? telUri(dataset.contactPhone) : null;
      out.about(iri(`${subject}#contact`), [term('vcard', 'Kind'), term('vcard', 'Organization')], [
        [term('vcard', 'fn'), text(dataset.contactName, 'zh')],
        [term('vcard', 'hasEmail'), dataset.contactEmail ? iri(`mailto:${dataset.contactEmail}`) : null],
        [term('vcard', 'hasTelephone'), phone ? iri(phone) : null],
      ]);
    }
    if (dataset.spatial || dataset.spatialCode) {
      out.about(blank(`place-${dataset.id}`), [term('dct', 'Location')], [
        [term('skos', 'prefLabel'), dataset.spatial ? text(dataset.spatial, 'zh') : null],
        // 行政区划代码 (GB/T 2260)
        [term('dct', 'identifier'), dataset.spatialCode ? text(dataset.spatialCode) : null],
      ]);
    }
    if (dataset.temporalStart || dataset.temporalEnd) {
      out.about(blank(`period-${dataset.id}`), [term('dct', 'PeriodOfTime')], [
        [term('dcat', 'startDate'), dataset.temporalStart ? dateLiteral(dataset.temporalStart) : null],
        [term('dcat', 'endDate'), dataset.temporalEnd ? dateLiteral(dataset.temporalEnd) : null],
      ]);
    }
    if (dataset.resourceCode) {
      // 信息资源代码 of the 政务信息资源目录
      out.about(blank(`code-${dataset.id}`), [term('adms', 'Identifier')], [
        [term('skos', 'notation'), text(dataset.resourceCode)],
        [term('adms', 'schemaAgency'), text('政务信息资源目录', 'zh')],
      ]);
    }
    out.quads.push(...this.concept(CHINESE, [term('dct', 'LinguisticSystem')]));
    out.quads.push(...this.concept(accessRightConcept(dataset.openAttribute), [term('dct', 'RightsStatement')]));
    out.quads.push(...this.concept(frequencyConcept(dataset.updateFrequency), [term('dct', 'Frequency')]));
    for (const theme of themes) out.quads.push(...this.theme(theme));
    return out.quads;
  }

  private distributionIris(dataset: DatasetEntity, resource: ResourceEntity, version: ResourceVersionEntity | null): string[] {
    if (!version) return [];
    const file = this.links.distribution(dataset.slug, resource.id, 'file');
    return version.datastoreTable ? [file, this.links.distribution(dataset.slug, resource.id, 'rows')] : [file];
  }

  /**
   * The original file of a resource's latest version and, when its rows were validated and loaded, the rows as
   * CSV. Byte size and checksum describe one version's bytes, so the download URL names that version; the
   * access URL always serves the latest.
   */
  private distributions(record: DcatDatasetRecord, resource: ResourceEntity, version: ResourceVersionEntity | null): Quad[] {
    if (!version) return [];
    const { dataset } = record;
    const out = new Triples();
    const common = this.distributionCommon(dataset, version);
    const checksum = blank(`checksum-${version.id}`);
    out.about(iri(this.links.distribution(dataset.slug, resource.id, 'file')), [a.distribution], [
      [term('dct', 'title'), text(resource.name, 'zh')],
      [term('dct', 'description'), text(resource.description ?? `${resource.name}：上传的原始文件（${version.format}）`, 'zh')],
      [term('dcat', 'accessURL'), iri(this.links.download(resource.id))],
      [term('dcat', 'downloadURL'), iri(this.links.downloadVersion(resource.id, version.version))],
      [term('dcat', 'mediaType'), this.mediaType(version.mediaType, out)],
      [term('dct', 'format'), this.format(version.format, out)],
      [term('dcat', 'byteSize'), typed(String(version.byteSize), 'nonNegativeInteger')],
      [term('spdx', 'checksum'), checksum],
      ...common,
    ]);
    out.about(checksum, [term('spdx', 'Checksum')], [
      [term('spdx', 'algorithm'), iri(SHA256_ALGORITHM)],
      [term('spdx', 'checksumValue'), typed(version.sha256.trim(), 'hexBinary')],
    ]);
    out.about(iri(SHA256_ALGORITHM), [term('spdx', 'ChecksumAlgorithm')], []);
    // The 3.0.0 shapes want access and download URLs typed as rdfs:Resource.
    out.about(iri(this.links.download(resource.id)), [term('rdfs', 'Resource')], []);
    out.about(iri(this.links.downloadVersion(resource.id, version.version)), [term('rdfs', 'Resource')], []);
    if (version.datastoreTable) {
      out.about(iri(this.links.distribution(dataset.slug, resource.id, 'rows')), [a.distribution], [
        [term('dct', 'title'), bilingual(`${resource.name}（校验后的数据行，CSV）`, 'Validated rows as CSV')],
        [term('dct', 'description'), text('按采集标准逐行校验并入库的数据行，以 CSV 格式导出。', 'zh')],
        [term('dcat', 'accessURL'), iri(this.links.rowsCsv(resource.id))],
        [term('dcat', 'downloadURL'), iri(this.links.rowsCsv(resource.id))],
        [term('dcat', 'mediaType'), this.mediaType('text/csv', out)],
        [term('dct', 'format'), this.format('CSV', out)],
        ...common,
      ]);
      out.about(iri(this.links.rowsCsv(resource.id)), [term('rdfs', 'Resource')], []);
    }
    out.quads.push(...this.distributionShared(dataset, version));
    return out.quads;
  }

  private distributionCommon(dataset: DatasetEntity, version: ResourceVersionEntity): Array<[NamedNode, Quad_Object | Quad_Object[] | null]> {
    const licensed = licence(dataset.license);
    return [
      [term('dct', 'license'), licensed ? iri(licensed.url) : null],
      [term('dct', 'conformsTo'), version.schemaId ? iri(this.links.standard(version.schemaId)) : null],
      [term('dct', 'rights'), dataset.openCondition ? blank(`rights-${dataset.id}`) : null],
      [term('dct', 'modified'), dateLiteral(version.createdAt)],
      [term('dcatap', 'availability'), iri(STABLE_AVAILABILITY.iri)],
    ];
  }

  private distributionShared(dataset: DatasetEntity, version: ResourceVersionEntity): Quad[] {
    const out = new Triples();
    const licensed = licence(dataset.license);
    if (licensed && this.first(licensed.url)) {
      const types = licenceTypeConcepts(licensed.id);
      out.about(iri(licensed.url), [term('dct', 'LicenseDocument')], [
        [term('dct', 'title'), text(licensed.title, 'zh')],
        [term('dct', 'identifier'), text(licensed.id)],
        [term('dct', 'type'), types.map((t) => iri(t.iri))],
      ]);
      for (const type of types) out.quads.push(...this.concept(type, []));
    }
    if (version.schemaId && this.first(this.links.standard(version.schemaId))) {
      out.about(iri(this.links.standard(version.schemaId)), [term('dct', 'Standard')], [[term('dct', 'identifier'), text(version.schemaId)]]);
    }
    if (dataset.openCondition && this.first(`rights-${dataset.id}`)) {
      // 开放条件 of a conditionally open dataset
      out.about(blank(`rights-${dataset.id}`), [term('dct', 'RightsStatement')], [[term('rdfs', 'label'), text(dataset.openCondition, 'zh')]]);
    }
    out.quads.push(...this.concept(STABLE_AVAILABILITY, []));
    return out.quads;
  }

  private mediaType(mediaType: string, out: Triples): NamedNode | null {
    const value = mediaTypeIri(mediaType);
    if (!value) return null;
    if (this.first(value)) out.about(iri(value), [term('dct', 'MediaType')], []);
    return iri(value);
  }

  private format(format: string, out: Triples): NamedNode | null {
    const concept = fileTypeConcept(format);
    if (!concept) return null;
    out.quads.push(...this.concept(concept, [term('dct', 'MediaTypeOrExtent')]));
    return iri(concept.iri);
  }

  private agent(organization: OrganizationEntity): Quad[] {
    const subject = this.links.organization(organization.slug);
    if (!this.first(subject)) return [];
    const out = new Triples().about(iri(subject), [a.agent, a.organization], [
      [term('foaf', 'name'), bilingual(organization.name, organization.nameEn)],
      // 统一社会信用代码 (提供方代码)
      [term('dct', 'identifier'), organization.uscc ? text(organization.uscc) : null],
      [term('dct', 'type'), iri(LOCAL_AUTHORITY.iri)],
    ]);
    out.quads.push(...this.concept(LOCAL_AUTHORITY, []));
    return out.quads;
  }

  private themeIri(theme: ThemeEntity): string {
    return theme.uri ?? this.links.govTheme(theme.code);
  }

  private theme(theme: ThemeEntity): Quad[] {
    const scheme = theme.uri ? SCHEMES.dataTheme : this.govScheme();
    return this.concept({ iri: this.themeIri(theme), scheme, labelZh: theme.labelZh, labelEn: theme.labelEn }, []);
  }

  /** A concept with its labels and scheme: the shapes check both (prefLabel required, inScheme for vocabularies). */
  private concept(concept: Concept, types: NamedNode[]): Quad[] {
    if (!this.first(concept.iri)) return [];
    const out = new Triples().about(iri(concept.iri), [a.concept, ...types], [
      [term('skos', 'prefLabel'), bilingual(concept.labelZh, concept.labelEn)],
      [term('skos', 'inScheme'), iri(concept.scheme.iri)],
    ]);
    out.quads.push(...this.scheme(concept.scheme));
    return out.quads;
  }

  private govScheme(): ConceptScheme {
    return { iri: this.links.govScheme, titleZh: '政务信息资源目录分类', titleEn: 'Government information resource catalogue classes' };
  }

  private scheme(scheme: ConceptScheme): Quad[] {
    if (!this.first(scheme.iri)) return [];
    return new Triples().about(iri(scheme.iri), [a.scheme], [[term('dct', 'title'), bilingual(scheme.titleZh, scheme.titleEn)]]).quads;
  }

  /** True the first time a node is met in this document. */
  private first(key: string): boolean {
    if (this.described.has(key)) return false;
    this.described.add(key);
    return true;
  }
}
