import { ACCESS_RIGHTS, LICENCES, Licence, OpenAttribute, UPDATE_FREQUENCIES, UpdateFrequency } from '../metadata/vocabularies';

/**
 * The controlled vocabularies DCAT-AP 3 asks for (STANDARDS.md 1): EU Publications Office authority tables for
 * frequency, access rights, file types, languages and availability, IANA for media types, ADMS for publisher
 * types, SPDX for checksum algorithms. Each concept carries labels in the export because the DCAT-AP shapes
 * require skos:prefLabel on every skos:Concept.
 */
const AUTHORITY = 'http://publications.europa.eu/resource/authority/';

export interface Concept {
  iri: string;
  scheme: ConceptScheme;
  labelZh: string;
  labelEn: string;
}

export interface ConceptScheme {
  iri: string;
  titleZh: string;
  titleEn: string;
}

export const SCHEMES = {
  dataTheme: { iri: `${AUTHORITY}data-theme`, titleZh: '数据主题', titleEn: 'Data theme' },
  frequency: { iri: `${AUTHORITY}frequency`, titleZh: '更新频率', titleEn: 'Frequency' },
  accessRight: { iri: `${AUTHORITY}access-right`, titleZh: '访问权限', titleEn: 'Access right' },
  availability: { iri: `${AUTHORITY}planned-availability`, titleZh: '计划可用性', titleEn: 'Planned availability' },
  publisherType: { iri: 'http://purl.org/adms/publishertype/1.0', titleZh: '发布者类型', titleEn: 'Publisher type' },
  licenceType: { iri: 'http://purl.org/adms/licencetype/1.0', titleZh: '许可类型', titleEn: 'Licence type' },
  fileType: { iri: `${AUTHORITY}file-type`, titleZh: '文件类型', titleEn: 'File type' },
  language: { iri: `${AUTHORITY}language`, titleZh: '语言', titleEn: 'Language' },
} satisfies Record<string, ConceptScheme>;

const FREQUENCY_EN: Record<string, string> = {
  UPDATE_CONT: 'continuously updated',
  HOURLY: 'hourly',
  DAILY: 'daily',
  WEEKLY: 'weekly',
  MONTHLY: 'monthly',
  QUARTERLY: 'quarterly',
  ANNUAL_2: 'semiannual',
  ANNUAL: 'annual',
  IRREG: 'irregular',
};

/** dct:accrualPeriodicity for a 更新周期. */
export function frequencyConcept(label: UpdateFrequency): Concept {
  const entry = Object.values(UPDATE_FREQUENCIES).find((f) => f.label === label) ?? UPDATE_FREQUENCIES.IRREGULAR;
  return { iri: `${AUTHORITY}frequency/${entry.dcat}`, scheme: SCHEMES.frequency, labelZh: entry.label, labelEn: FREQUENCY_EN[entry.dcat] };
}

const ACCESS_RIGHT_EN = { PUBLIC: 'public', RESTRICTED: 'restricted', NON_PUBLIC: 'non-public' } as const;

/** dct:accessRights for a 开放属性. */
export function accessRightConcept(openAttribute: OpenAttribute): Concept {
  const code = ACCESS_RIGHTS[openAttribute] ?? 'NON_PUBLIC';
  return { iri: `${AUTHORITY}access-right/${code}`, scheme: SCHEMES.accessRight, labelZh: openAttribute, labelEn: ACCESS_RIGHT_EN[code] };
}

/** Uploaded files are immutable and kept: every distribution is stable. */
export const STABLE_AVAILABILITY: Concept = {
  iri: `${AUTHORITY}planned-availability/STABLE`,
  scheme: SCHEMES.availability,
  labelZh: '稳定',
  labelEn: 'stable',
};

/** The publishers are a city government and its bureaus. */
export const LOCAL_AUTHORITY: Concept = {
  iri: 'http://purl.org/adms/publishertype/LocalAuthority',
  scheme: SCHEMES.publisherType,
  labelZh: '地方政府机构',
  labelEn: 'Local Authority',
};

export const CHINESE: Concept = { iri: `${AUTHORITY}language/ZHO`, scheme: SCHEMES.language, labelZh: '中文', labelEn: 'Chinese' };

/** EU file-type codes for the formats the platform stores; other formats get no dct:format. */
const FILE_TYPES = new Set(['CSV', 'JSON', 'XLSX', 'XLS', 'XML', 'PDF', 'ZIP', 'TXT', 'GEOJSON', 'ODS', 'DOCX', 'DOC', 'HTML', 'SHP']);

export function fileTypeConcept(format: string): Concept | null {
  const code = format.trim().toUpperCase();
  if (!FILE_TYPES.has(code)) return null;
  return { iri: `${AUTHORITY}file-type/${code}`, scheme: SCHEMES.fileType, labelZh: code, labelEn: code };
}

/** IANA media-type IRI, without parameters (text/csv; charset=utf-8 -> text/csv). */
export function mediaTypeIri(mediaType: string): string | null {
  const essence = mediaType.split(';')[0].trim().toLowerCase();
  return /^[a-z]+\/[a-z0-9.+-]+$/.test(essence) ? `http://www.iana.org/assignments/media-types/${essence}` : null;
}

export const SHA256_ALGORITHM = 'http://spdx.org/rdf/terms#checksumAlgorithm_sha256';

export function licence(id: string): Licence | null {
  return LICENCES.find((l) => l.id === id) ?? null;
}

const LICENCE_TYPE_LABELS = {
  Attribution: { zh: '署名', en: 'Attribution' },
  ShareAlike: { zh: '相同方式共享', en: 'Share Alike' },
  PublicDomain: { zh: '公有领域', en: 'Public Domain' },
} as const;

/** What each licence of LICENCES asks for, in the ADMS licence-type vocabulary (dct:type of the licence). */
const LICENCE_TYPES: Record<string, Array<keyof typeof LICENCE_TYPE_LABELS>> = {
  'CC-BY-4.0': ['Attribution'],
  'CC0-1.0': ['PublicDomain'],
  'CC-BY-SA-4.0': ['Attribution', 'ShareAlike'],
  'ODC-BY-1.0': ['Attribution'],
  'ODbL-1.0': ['Attribution', 'ShareAlike'],
  'PDDL-1.0': ['PublicDomain'],
};

export function licenceTypeConcepts(id: string): Concept[] {
  return (LICENCE_TYPES[id] ?? []).map((code) => ({
    iri: `http://purl.org/adms/licencetype/${code}`,
    scheme: SCHEMES.licenceType,
    labelZh: LICENCE_TYPE_LABELS[code].zh,
    labelEn: LICENCE_TYPE_LABELS[code].en,
  }));
}

/**
 * A phone number of the record as a tel: URI (RFC 3966): landlines and mobiles get the +86 country code; the
 * short service number 12345 is local to the city's area code.
 */
export function telUri(phone: string, areaCode = '734'): string | null {
  const digits = phone.replace(/[\s-]/g, '');
  if (/^0\d{9,11}$/.test(digits)) {
    const match = /^0(\d{2,3})-?(\d{7,8})$/.exec(phone.replace(/\s/g, ''));
    return match ? `tel:+86-${match[1]}-${match[2]}` : `tel:+86-${digits.slice(1)}`;
  }
  if (/^1\d{10}$/.test(digits)) return `tel:+86-${digits}`;
  if (/^\d{3,8}$/.test(digits)) return `tel:${digits};phone-context=+86-${areaCode}`;
  return null;
}
