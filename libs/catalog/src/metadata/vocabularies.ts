/**
 * Controlled vocabularies of the catalogue record. Chinese labels are what is stored (no national numeric codes
 * exist for 开放属性, 共享属性 or 更新周期: STANDARDS.md 1); the ASCII keys are what the GraphQL enums expose
 * (they are made from these objects, labels as descriptions), and the DCAT-AP mappings are what the DCAT export
 * uses.
 */

export const OPEN_ATTRIBUTES = {
  UNCONDITIONAL: '无条件开放',
  CONDITIONAL: '有条件开放',
  NOT_OPEN: '不予开放',
} as const;
export type OpenAttributeKey = keyof typeof OPEN_ATTRIBUTES;
export type OpenAttribute = (typeof OPEN_ATTRIBUTES)[OpenAttributeKey];

/** DCAT-AP dct:accessRights (EU access-right vocabulary) for each 开放属性. */
export const ACCESS_RIGHTS: Record<OpenAttribute, 'PUBLIC' | 'RESTRICTED' | 'NON_PUBLIC'> = {
  无条件开放: 'PUBLIC',
  有条件开放: 'RESTRICTED',
  不予开放: 'NON_PUBLIC',
};

export const SHARE_ATTRIBUTES = {
  UNCONDITIONAL: '无条件共享',
  CONDITIONAL: '有条件共享',
  NOT_SHARED: '不予共享',
} as const;
export type ShareAttributeKey = keyof typeof SHARE_ATTRIBUTES;
export type ShareAttribute = (typeof SHARE_ATTRIBUTES)[ShareAttributeKey];

/** 更新周期 as portals use it, each with its EU frequency (dct:accrualPeriodicity) code. */
export const UPDATE_FREQUENCIES = {
  REALTIME: { label: '实时', dcat: 'UPDATE_CONT' },
  HOURLY: { label: '每小时', dcat: 'HOURLY' },
  DAILY: { label: '每日', dcat: 'DAILY' },
  WEEKLY: { label: '每周', dcat: 'WEEKLY' },
  MONTHLY: { label: '每月', dcat: 'MONTHLY' },
  QUARTERLY: { label: '每季度', dcat: 'QUARTERLY' },
  SEMIANNUAL: { label: '每半年', dcat: 'ANNUAL_2' },
  ANNUAL: { label: '每年', dcat: 'ANNUAL' },
  IRREGULAR: { label: '不定期', dcat: 'IRREG' },
} as const;
export type UpdateFrequencyKey = keyof typeof UPDATE_FREQUENCIES;
export type UpdateFrequency = (typeof UPDATE_FREQUENCIES)[UpdateFrequencyKey]['label'];

/** The plan's priority domains for opening data first (plan item 34). */
export const PRIORITY_DOMAINS = {
  LIVELIHOOD: '民生保障',
  PUBLIC_SERVICE: '公共服务',
  MARKET_REGULATION: '市场监管',
} as const;
export type PriorityDomainKey = keyof typeof PRIORITY_DOMAINS;
export type PriorityDomain = (typeof PRIORITY_DOMAINS)[PriorityDomainKey];

/** Publication status of a dataset record (as stored), with who may see a dataset in it. */
export const DATASET_STATUS_LABELS = {
  draft: '草稿: visible to members of the publishing organization only',
  submitted: '待审查: submitted for review (保密审查); not public until a reviewer approves it',
  published: '已发布: public',
  withdrawn: '已撤回: no longer published; kept for the record',
} as const;
export type DatasetStatus = keyof typeof DATASET_STATUS_LABELS;
export const DATASET_STATUSES = Object.keys(DATASET_STATUS_LABELS) as readonly DatasetStatus[];

export interface Licence {
  id: string;
  title: string;
  url: string;
}

/** Licences a dataset may carry; open licences only, as the platform publishes open data. */
export const LICENCES: readonly Licence[] = [
  { id: 'CC-BY-4.0', title: '知识共享署名 4.0 国际 (CC BY 4.0)', url: 'https://creativecommons.org/licenses/by/4.0/' },
  { id: 'CC0-1.0', title: '知识共享零 1.0 公有领域贡献 (CC0 1.0)', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  { id: 'CC-BY-SA-4.0', title: '知识共享署名-相同方式共享 4.0 (CC BY-SA 4.0)', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  { id: 'ODC-BY-1.0', title: '开放数据共享署名许可 1.0 (ODC-By)', url: 'https://opendatacommons.org/licenses/by/1-0/' },
  { id: 'ODbL-1.0', title: '开放数据库许可 1.0 (ODbL)', url: 'https://opendatacommons.org/licenses/odbl/1-0/' },
  { id: 'PDDL-1.0', title: '开放数据共享公共领域许可 1.0 (PDDL)', url: 'https://opendatacommons.org/licenses/pddl/1-0/' },
];

export type ThemeScheme = 'eu-data-theme' | 'gov-catalogue';

export interface ThemeDefinition {
  code: string;
  scheme: ThemeScheme;
  labelZh: string;
  labelEn: string;
  /** For 政务信息资源目录 classes: the top-level class (基础/主题/部门信息资源). */
  group: string | null;
  uri: string | null;
}

const EU_THEME_BASE = 'http://publications.europa.eu/resource/authority/data-theme/';

const euTheme = (code: string, labelZh: string, labelEn: string): ThemeDefinition => ({
  code,
  scheme: 'eu-data-theme',
  labelZh,
  labelEn,
  group: null,
  uri: `${EU_THEME_BASE}${code}`,
});

const govClass = (code: string, group: string, labelZh: string, labelEn: string): ThemeDefinition => ({
  code,
  scheme: 'gov-catalogue',
  labelZh,
  labelEn,
  group,
  uri: null,
});

/**
 * Themes: the 政务信息资源目录编制指南 classes (基础/主题/部门信息资源) and the EU data-theme list that DCAT-AP
 * requires. A dataset carries at least one of each.
 */
export const THEMES: readonly ThemeDefinition[] = [
  govClass('GOV_POPULATION', '基础信息资源', '人口', 'Population'),
  govClass('GOV_LEGAL_ENTITY', '基础信息资源', '法人单位', 'Legal entities'),
  govClass('GOV_GEOSPATIAL', '基础信息资源', '自然资源和空间地理', 'Natural resources and geospatial'),
  govClass('GOV_SOCIAL_CREDIT', '基础信息资源', '社会信用', 'Social credit'),
  govClass('GOV_E_LICENCE', '基础信息资源', '电子证照', 'Electronic licences'),
  govClass('GOV_PUBLIC_SERVICE', '主题信息资源', '公共服务', 'Public services'),
  govClass('GOV_HEALTH', '主题信息资源', '健康保障', 'Health care'),
  govClass('GOV_SOCIAL_SECURITY', '主题信息资源', '社会保障', 'Social security'),
  govClass('GOV_FOOD_DRUG', '主题信息资源', '食品药品安全', 'Food and drug safety'),
  govClass('GOV_WORK_SAFETY', '主题信息资源', '安全生产', 'Work safety'),
  govClass('GOV_PRICE', '主题信息资源', '价格监管', 'Price regulation'),
  govClass('GOV_ENERGY', '主题信息资源', '能源安全', 'Energy security'),
  govClass('GOV_CREDIT', '主题信息资源', '信用体系', 'Credit system'),
  govClass('GOV_URBAN_RURAL', '主题信息资源', '城乡建设', 'Urban and rural construction'),
  govClass('GOV_COMMUNITY', '主题信息资源', '社区治理', 'Community governance'),
  govClass('GOV_ECOLOGY', '主题信息资源', '生态环保', 'Ecology and environmental protection'),
  govClass('GOV_EMERGENCY', '主题信息资源', '应急维稳', 'Emergency response and stability'),
  govClass('GOV_DEPARTMENT', '部门信息资源', '部门信息资源', 'Departmental information resources'),
  euTheme('AGRI', '农业、渔业、林业和食品', 'Agriculture, fisheries, forestry and food'),
  euTheme('ECON', '经济和金融', 'Economy and finance'),
  euTheme('EDUC', '教育、文化和体育', 'Education, culture and sport'),
  euTheme('ENER', '能源', 'Energy'),
  euTheme('ENVI', '环境', 'Environment'),
  euTheme('GOVE', '政府和公共部门', 'Government and public sector'),
  euTheme('HEAL', '卫生', 'Health'),
  euTheme('INTR', '国际问题', 'International issues'),
  euTheme('JUST', '司法、法律制度和公共安全', 'Justice, legal system and public safety'),
  euTheme('REGI', '地区和城市', 'Regions and cities'),
  euTheme('SOCI', '人口和社会', 'Population and society'),
  euTheme('TECH', '科学和技术', 'Science and technology'),
  euTheme('TRAN', '交通', 'Transport'),
];

export const THEME_CODES = THEMES.map((t) => t.code);
export const EU_THEME_CODES = THEMES.filter((t) => t.scheme === 'eu-data-theme').map((t) => t.code);
export const GOV_THEME_CODES = THEMES.filter((t) => t.scheme === 'gov-catalogue').map((t) => t.code);
