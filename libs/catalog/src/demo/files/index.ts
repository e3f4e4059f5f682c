/**
 * The demo files of the catalogue: synthetic, deterministic CSV files in the layouts Chinese publishers use.
 * File names and descriptions say 示例数据 so that nobody mistakes them for published government data.
 */
import { airQualityHourlyCsv } from './air-quality-hourly';
import { housingAllocationCsv } from './housing-allocation';
import { socialInsuranceCsv } from './social-insurance';
import { surfaceWaterCsv } from './surface-water';

export type DemoFileKey = 'air-quality-hourly' | 'surface-water' | 'social-insurance' | 'housing-allocation';

export interface DemoFile {
  key: DemoFileKey;
  /** Chinese file name, containing 示例数据, ending .csv. */
  fileName: string;
  /** One sentence for the dataset description, also saying 示例数据. */
  description: string;
  /** The whole file as a UTF-8 string: header first, LF line ends, no BOM. */
  generate: () => string;
}

export const DEMO_FILES: readonly DemoFile[] = [
  {
    key: 'air-quality-hourly',
    fileName: '衡阳市环境空气质量小时数据_2026年9月_示例数据.csv',
    description: '示例数据：衡阳市6个空气质量监测站点2026年9月逐小时浓度与AQI，由程序生成，非实测数据。',
    generate: airQualityHourlyCsv,
  },
  {
    key: 'surface-water',
    fileName: '湘江衡阳段地表水水质自动监测数据_2026年9月_示例数据.csv',
    description: '示例数据：湘江衡阳段5个水质自动监测断面2026年9月每4小时监测结果，由程序生成，非实测数据。',
    generate: surfaceWaterCsv,
  },
  {
    key: 'social-insurance',
    fileName: '衡阳市社会保险参保及基金收支统计_2019-2025年_示例数据.csv',
    description: '示例数据：衡阳市及所辖12个县(市、区)2019-2025年社会保险参保人数和基金收支，由程序生成，非统计数据。',
    generate: socialInsuranceCsv,
  },
  {
    key: 'housing-allocation',
    fileName: '衡阳市公共租赁住房配租结果公示_2026年_示例数据.csv',
    description: '示例数据：公共租赁住房配租结果(申请人姓名、身份证号已脱敏)，人员均为虚构，由程序生成。',
    generate: housingAllocationCsv,
  },
];
