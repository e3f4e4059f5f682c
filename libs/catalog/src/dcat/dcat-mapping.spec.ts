import type { Term } from '@rdfjs/types';
import { Parser, Store, Writer } from 'n3';
import { PassThrough } from 'node:stream';
import { DatasetEntity, OrganizationEntity, ResourceEntity, ResourceVersionEntity, ThemeEntity } from '../entities';
import { THEMES } from '../metadata/vocabularies';
import { DcatGraph } from './dcat-graph';
import { DcatDatasetRecord, DcatLinks } from './dcat-record';
import { telUri } from './dcat-vocabularies';
import { jsonLdNodes, rdfDocumentWriter } from './rdf-writers';
import { schemaOrgDataset } from './schema-org';
import { NS } from './rdf-terms';

const links = new DcatLinks('https://data.example.gov.cn/');

const theme = (code: string): ThemeEntity => {
  const t = THEMES.find((x) => x.code === code)!;
  return { ...t, sortOrder: 0 } as ThemeEntity;
};

function sampleRecord(overrides: Partial<DatasetEntity> = {}): DcatDatasetRecord {
  const organization = {
    id: '00000000-0000-4000-8000-000000000001',
    slug: 'hy-env-bureau',
    name: '衡阳市环境保护局',
    nameEn: 'Hengyang Environmental Protection Bureau',
    uscc: '11430400DEM0002000',
  } as OrganizationEntity;
  const dataset = {
    id: '00000000-0000-4000-8000-000000000002',
    slug: 'air-quality',
    organizationId: organization.id,
    title: '空气质量小时数据',
    titleEn: 'Hourly air quality',
    description: '各站点逐小时的空气质量。',
    descriptionEn: null,
    license: 'CC-BY-4.0',
    openAttribute: '有条件开放',
    openCondition: '需签署数据使用协议',
    updateFrequency: '每小时',
    resourceCode: '211010000001',
    issued: '2018-06-05',
    modified: new Date('2024-03-01T08:00:00Z'),
    temporalStart: '2018-01-01',
    temporalEnd: null,
    spatial: '衡阳市',
    spatialCode: '430400',
    contactName: '环境监测科',
    contactEmail: 'monitoring@env.example.org',
    contactPhone: '0734-8100171',
    status: 'published',
    ...overrides,
  } as DatasetEntity;
  const resource = { id: '00000000-0000-4000-8000-000000000003', datasetId: dataset.id, name: '空气质量小时数据', description: null } as ResourceEntity;
  const version = {
    id: '00000000-0000-4000-8000-000000000004',
    resourceId: resource.id,
    version: 3,
    format: 'CSV',
    mediaType: 'text/csv; charset=utf-8',
    byteSize: 123456,
    sha256: 'ab'.repeat(32),
    schemaId: 'air-quality-hourly',
    datastoreTable: 'rows_x',
    createdAt: new Date('2024-03-01T07:00:00Z'),
  } as ResourceVersionEntity;
  return { dataset, organization, themes: [theme('GOV_ECOLOGY'), theme('ENVI')], tags: ['空气质量', 'AQI'], resources: [{ resource, version }] };
}

const DS = 'https://data.example.gov.cn/datasets/air-quality';
const FILE = `${DS}/resources/00000000-0000-4000-8000-000000000003`;

function storeOf(record = sampleRecord()): Store {
  return new Store(new DcatGraph(links).dataset(record));
}

const objects = (store: Store, subject: string | Term, predicate: string) =>
  store.getObjects(subject, predicate, null).map((o) => (o.termType === 'Literal' && o.language ? `${o.value}@${o.language}` : o.value));

describe('DcatGraph', () => {
  it('maps the catalogue record onto DCAT-AP dataset properties with the EU vocabularies', () => {
    const s = storeOf();
    expect(objects(s, DS, `${NS.rdf}type`)).toEqual([`${NS.dcat}Dataset`]);
    expect(objects(s, DS, `${NS.dct}title`)).toEqual(['空气质量小时数据@zh', 'Hourly air quality@en']);
    expect(objects(s, DS, `${NS.dct}publisher`)).toEqual(['https://data.example.gov.cn/organizations/hy-env-bureau']);
    expect(objects(s, DS, `${NS.dct}accrualPeriodicity`)).toEqual(['http://publications.europa.eu/resource/authority/frequency/HOURLY']);
    expect(objects(s, DS, `${NS.dct}accessRights`)).toEqual(['http://publications.europa.eu/resource/authority/access-right/RESTRICTED']);
    expect(objects(s, DS, `${NS.dcat}theme`)).toEqual([
      'https://data.example.gov.cn/vocabularies/gov-catalogue/GOV_ECOLOGY',
      'http://publications.europa.eu/resource/authority/data-theme/ENVI',
    ]);
    expect(objects(s, DS, `${NS.dcat}keyword`)).toEqual(['空气质量@zh', 'AQI@zh']);
    expect(objects(s, DS, `${NS.dct}issued`)).toEqual(['2018-06-05']);
    expect(s.getObjects(DS, `${NS.dct}issued`, null)[0]).toMatchObject({ datatype: { value: `${NS.xsd}date` } });
  });

  it('labels every concept it uses and puts it in its scheme', () => {
    const s = storeOf();
    const frequency = 'http://publications.europa.eu/resource/authority/frequency/HOURLY';
    expect(objects(s, frequency, `${NS.skos}prefLabel`)).toEqual(['每小时@zh', 'hourly@en']);
    expect(objects(s, frequency, `${NS.skos}inScheme`)).toEqual(['http://publications.europa.eu/resource/authority/frequency']);
    expect(objects(s, frequency, `${NS.rdf}type`)).toEqual([`${NS.skos}Concept`, `${NS.dct}Frequency`]);
    const gov = 'https://data.example.gov.cn/vocabularies/gov-catalogue/GOV_ECOLOGY';
    expect(objects(s, gov, `${NS.skos}prefLabel`)).toEqual(['生态环保@zh', 'Ecology and environmental protection@en']);
  });

  it('describes the file distribution with download URL, media type, byte size, checksum and standard', () => {
    const s = storeOf();
    expect(objects(s, DS, `${NS.dcat}distribution`)).toEqual([FILE, `${FILE}/rows`]);
    const base = 'https://data.example.gov.cn/api/v1/resources/00000000-0000-4000-8000-000000000003';
    expect(objects(s, FILE, `${NS.dcat}accessURL`)).toEqual([`${base}/download`]);
    expect(objects(s, FILE, `${NS.dcat}downloadURL`)).toEqual([`${base}/download?version=3`]);
    expect(objects(s, FILE, `${NS.dcat}mediaType`)).toEqual(['http://www.iana.org/assignments/media-types/text/csv']);
    expect(objects(s, FILE, `${NS.dct}format`)).toEqual(['http://publications.europa.eu/resource/authority/file-type/CSV']);
    expect(s.getObjects(FILE, `${NS.dcat}byteSize`, null)[0]).toMatchObject({ value: '123456', datatype: { value: `${NS.xsd}nonNegativeInteger` } });
    expect(objects(s, FILE, `${NS.dct}conformsTo`)).toEqual(['https://data.example.gov.cn/api/v1/schemas/air-quality-hourly']);
    expect(objects(s, FILE, `${NS.dct}license`)).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
    const [checksum] = s.getObjects(FILE, `${NS.spdx}checksum`, null);
    expect(objects(s, checksum, `${NS.spdx}algorithm`)).toEqual([`${NS.spdx}checksumAlgorithm_sha256`]);
    expect(objects(s, checksum, `${NS.spdx}checksumValue`)).toEqual(['ab'.repeat(32)]);
    expect(objects(s, `${FILE}/rows`, `${NS.dcat}downloadURL`)).toEqual([`${base}/data.csv`]);
    const [rights] = s.getObjects(FILE, `${NS.dct}rights`, null);
    expect(objects(s, rights, `${NS.rdfs}label`)).toEqual(['需签署数据使用协议@zh']);
  });

  it('leaves out what the record does not have, and gives no distribution to a resource without a version', () => {
    const record = sampleRecord({ titleEn: null, issued: null, contactName: null, spatial: null, spatialCode: null, temporalStart: null, resourceCode: null, openCondition: null, openAttribute: '无条件开放' });
    record.resources[0].version = null;
    const s = storeOf(record);
    expect(objects(s, DS, `${NS.dct}title`)).toEqual(['空气质量小时数据@zh']);
    for (const p of [`${NS.dct}issued`, `${NS.dcat}contactPoint`, `${NS.dct}spatial`, `${NS.dct}temporal`, `${NS.adms}identifier`, `${NS.dcat}distribution`]) {
      expect(objects(s, DS, p)).toEqual([]);
    }
    expect(objects(s, DS, `${NS.dct}accessRights`)).toEqual(['http://publications.europa.eu/resource/authority/access-right/PUBLIC']);
  });

  it('describes shared nodes (publisher, concepts, licence) once per document', () => {
    const graph = new DcatGraph(links);
    const first = new Store(graph.dataset(sampleRecord()));
    const second = new Store(graph.dataset(sampleRecord({ id: '00000000-0000-4000-8000-000000000009', slug: 'other' })));
    const publisher = 'https://data.example.gov.cn/organizations/hy-env-bureau';
    expect(objects(first, publisher, `${NS.foaf}name`)).toEqual(['衡阳市环境保护局@zh', 'Hengyang Environmental Protection Bureau@en']);
    expect(objects(second, publisher, `${NS.foaf}name`)).toEqual([]);
    expect(objects(second, 'https://data.example.gov.cn/datasets/other', `${NS.dct}publisher`)).toEqual([publisher]);
  });

  it('names the catalogue after its publisher and links datasets to it', () => {
    const graph = new DcatGraph(links);
    const publisher = sampleRecord().organization;
    const s = new Store([...graph.catalog({ publisher, modified: new Date('2024-03-01T08:00:00Z') }), ...graph.dataset(sampleRecord(), true)]);
    const catalog = 'https://data.example.gov.cn/catalog';
    expect(objects(s, catalog, `${NS.dct}title`)).toEqual(['衡阳市环境保护局数据开放目录@zh', 'Open data catalogue of Hengyang Environmental Protection Bureau@en']);
    expect(objects(s, catalog, `${NS.dct}publisher`)).toEqual(['https://data.example.gov.cn/organizations/hy-env-bureau']);
    expect(objects(s, catalog, `${NS.foaf}homepage`)).toEqual(['https://data.example.gov.cn/']);
    expect(objects(s, catalog, `${NS.dcat}dataset`)).toEqual([DS]);
  });
});

describe('telUri', () => {
  it('writes Chinese phone numbers as tel: URIs', () => {
    expect(telUri('0734-8100171')).toBe('tel:+86-734-8100171');
    expect(telUri('13800138000')).toBe('tel:+86-13800138000');
    expect(telUri('12345')).toBe('tel:12345;phone-context=+86-734');
    expect(telUri('call us')).toBeNull();
  });
});

describe('RDF document writers', () => {
  const write = async (format: 'jsonld' | 'turtle') => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const writer = rdfDocumentWriter(format, out);
    const graph = new DcatGraph(links);
    writer.write(graph.dataset(sampleRecord()));
    writer.write(graph.dataset(sampleRecord({ id: '00000000-0000-4000-8000-000000000009', slug: 'other' })));
    writer.end();
    out.end();
    await new Promise((resolve) => out.on('end', resolve));
    return Buffer.concat(chunks).toString('utf8');
  };

  it('writes Turtle with the namespace prefixes, written in parts', async () => {
    const turtle = await write('turtle');
    expect(turtle).toContain('@prefix dcat: <http://www.w3.org/ns/dcat#>.');
    const parsed = new Store(new Parser().parse(turtle));
    expect(parsed.getSubjects(`${NS.rdf}type`, `${NS.dcat}Dataset`, null).map((t) => t.value).sort()).toEqual([DS, 'https://data.example.gov.cn/datasets/other']);
  });

  it('writes one JSON-LD document with an embedded context and a node per subject', async () => {
    const doc = JSON.parse(await write('jsonld'));
    expect(doc['@context']).toMatchObject({ dcat: NS.dcat, dct: NS.dct });
    const dataset = doc['@graph'].find((n: { '@id': string }) => n['@id'] === DS);
    expect(dataset['@type']).toEqual(['dcat:Dataset']);
    expect(dataset['dct:title']).toEqual([{ '@value': '空气质量小时数据', '@language': 'zh' }, { '@value': 'Hourly air quality', '@language': 'en' }]);
    expect(dataset['dct:issued']).toEqual([{ '@value': '2018-06-05', '@type': 'xsd:date' }]);
    expect(dataset['dcat:distribution']).toEqual([{ '@id': FILE }, { '@id': `${FILE}/rows` }]);
  });

  it('keeps blank nodes as blank node identifiers and never compacts an IRI that would not read back', () => {
    const quads = new Parser().parse('<http://x/a> <http://xmlns.com/foaf/0.1/weird/name> _:b1 . _:b1 <http://purl.org/dc/terms/title> "t" .');
    const nodes = jsonLdNodes(quads);
    const blankId = nodes[1]['@id'];
    expect(blankId).toMatch(/^_:/);
    expect(nodes[0]).toEqual({ '@id': 'http://x/a', 'http://xmlns.com/foaf/0.1/weird/name': [{ '@id': blankId }] });
    expect(nodes[1]['dct:title']).toEqual([{ '@value': 't' }]);
    expect(new Writer().quadsToString(quads)).toContain('_:');
  });
});

describe('schemaOrgDataset', () => {
  it('gives dataset search engines name, description, publisher, licence, coverage and files', () => {
    const doc = schemaOrgDataset(sampleRecord(), links, '衡阳市人民政府数据开放目录');
    expect(doc).toMatchObject({
      '@context': 'https://schema.org/',
      '@type': 'Dataset',
      '@id': DS,
      name: '空气质量小时数据',
      alternateName: 'Hourly air quality',
      description: '各站点逐小时的空气质量。',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      identifier: ['00000000-0000-4000-8000-000000000002', '211010000001'],
      keywords: ['空气质量', 'AQI', '生态环保', '环境'],
      conditionsOfAccess: '需签署数据使用协议',
      datePublished: '2018-06-05',
      dateModified: '2024-03-01T08:00:00.000Z',
      temporalCoverage: '2018-01-01/..',
      spatialCoverage: { '@type': 'AdministrativeArea', name: '衡阳市', identifier: '430400' },
      creator: { '@type': 'GovernmentOrganization', name: '衡阳市环境保护局', identifier: '11430400DEM0002000' },
      includedInDataCatalog: { '@type': 'DataCatalog', name: '衡阳市人民政府数据开放目录', url: 'https://data.example.gov.cn/' },
    });
    expect(doc.distribution).toEqual([
      {
        '@type': 'DataDownload',
        name: '空气质量小时数据',
        encodingFormat: 'text/csv; charset=utf-8',
        contentUrl: 'https://data.example.gov.cn/api/v1/resources/00000000-0000-4000-8000-000000000003/download?version=3',
        contentSize: '123456 B',
        sha256: 'ab'.repeat(32),
        dateModified: '2024-03-01T07:00:00.000Z',
      },
    ]);
  });

  it('omits what the record lacks instead of writing empty values', () => {
    const record = sampleRecord({ titleEn: null, resourceCode: null, temporalStart: null, spatial: null, issued: null });
    record.resources = [];
    const doc = schemaOrgDataset(record, links, '目录');
    for (const key of ['alternateName', 'temporalCoverage', 'spatialCoverage', 'datePublished', 'distribution']) expect(doc).not.toHaveProperty(key);
    expect(doc.identifier).toEqual(['00000000-0000-4000-8000-000000000002']);
  });
});
