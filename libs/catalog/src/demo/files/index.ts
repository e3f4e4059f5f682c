/**
 * The demo files of the catalogue: synthetic, deterministic CSV files in the layouts Chinese publishers use,
 * one or more for every demo dataset (each describes tabular data). File names and descriptions say 示例数据
 * so that nobody mistakes them for published government data.
 */
import { airQualityHourlyCsv } from './air-quality-hourly';
import { DemoFile } from './demo-table';
import { ENVIRONMENT_FILES } from './environment-files';
import { FINANCE_FILES } from './finance-files';
import { GOVERNMENT_FILES } from './government-files';
import { housingAllocationCsv } from './housing-allocation';
import { MARKET_FILES } from './market-files';
import { SAFETY_HOUSING_FILES } from './safety-housing-files';
import { SERVICES_FILES } from './services-files';
import { SOCIAL_FILES } from './social-files';
import { socialInsuranceCsv } from './social-insurance';
import { surfaceWaterCsv } from './surface-water';

export type { DemoFile } from './demo-table';

/** The four files of the flagship datasets, with pages of their own in the portal. */
export const FLAGSHIP_FILES: readonly DemoFile[] = [
  {
    key: 'air-quality-hourly',
    dataset: 'hengyang-air-quality-hourly',
    schemaId: 'air-quality-hourly',
    fileName: '衡阳市环境空气质量小时数据_2026年9月_示例数据.csv',
    description: '示例数据：衡阳市6个空气质量监测站点2026年9月逐小时浓度与AQI，由程序生成，非实测数据。',
    generate: airQualityHourlyCsv,
  },
  {
    key: 'surface-water',
    dataset: 'xiang-river-hengyang-surface-water',
    schemaId: 'surface-water',
    fileName: '湘江衡阳段地表水水质自动监测数据_2026年9月_示例数据.csv',
    description: '示例数据：湘江衡阳段5个水质自动监测断面2026年9月每4小时监测结果，由程序生成，非实测数据。',
    generate: surfaceWaterCsv,
  },
  {
    key: 'social-insurance',
    dataset: 'hengyang-social-insurance-statistics',
    schemaId: 'social-insurance',
    fileName: '衡阳市社会保险参保及基金收支统计_2019-2025年_示例数据.csv',
    description: '示例数据：衡阳市及所辖12个县(市、区)2019-2025年社会保险参保人数和基金收支，由程序生成，非统计数据。',
    generate: socialInsuranceCsv,
  },
  {
    key: 'housing-allocation',
    dataset: 'hengyang-public-rental-housing-allocation',
    schemaId: 'housing-allocation',
    fileName: '衡阳市公共租赁住房配租结果公示_2026年_示例数据.csv',
    description: '示例数据：公共租赁住房配租结果(申请人姓名、身份证号已脱敏)，人员均为虚构，由程序生成。',
    generate: housingAllocationCsv,
  },
];

export const DEMO_FILES: readonly DemoFile[] = [...FLAGSHIP_FILES, ...ENVIRONMENT_FILES, ...SAFETY_HOUSING_FILES, ...MARKET_FILES, ...SOCIAL_FILES, ...SERVICES_FILES, ...FINANCE_FILES, ...GOVERNMENT_FILES];

/** The demo files of a dataset, in publication order. */
export function demoFilesOf(datasetSlug: string): DemoFile[] {
  return DEMO_FILES.filter((f) => f.dataset === datasetSlug);
}
