import { DemoDataset } from './demo-dataset';
import { ENVIRONMENT_DATASETS } from './demo-datasets-environment';
import { GOVERNMENT_DATASETS } from './demo-datasets-government';
import { HOUSING_DATASETS } from './demo-datasets-housing';
import { MARKET_DATASETS } from './demo-datasets-market';
import { PUBLIC_SERVICE_DATASETS } from './demo-datasets-services';
import { SOCIAL_SECURITY_DATASETS } from './demo-datasets-social';

/**
 * The demo catalogue: one or more datasets for each plan item that calls for publishable data, published by the
 * item's lead unit (see demo-organizations). Everything here is demo data: descriptions end with （示例数据）, and
 * the files attached to the four flagships are samples, not official figures.
 *
 * 信息资源代码 (resourceCode) of the demo: 12 digits, 类(1) 项(2) 目(3) 细目(3) 顺序码(3).
 * - 类 and 项 come from the dataset's first 政务信息资源目录 theme (its first GOV_* code): 类 1 基础信息资源,
 *   2 主题信息资源, 3 部门信息资源; 项 is the class's position within its group in THEMES (vocabularies.ts), e.g.
 *   GOV_ECOLOGY (生态环保, 11th 主题信息资源) -> 2 11, GOV_LEGAL_ENTITY -> 1 02, GOV_DEPARTMENT -> 3 01.
 * - 目 is the plan item the dataset answers (001-039).
 * - 细目 is 000 (the demo does not subdivide further).
 * - 顺序码 numbers the datasets sharing the same 类/项/目 from 001.
 * Example: 211010000001 = 主题信息资源 / 生态环保 / plan item 10 / - / first dataset (hourly air quality).
 * These codes are invented for the demo; they are not codes from a real 政务信息资源目录.
 */
export const DEMO_DATASETS: DemoDataset[] = [
  ...ENVIRONMENT_DATASETS,
  ...HOUSING_DATASETS,
  ...MARKET_DATASETS,
  ...SOCIAL_SECURITY_DATASETS,
  ...PUBLIC_SERVICE_DATASETS,
  ...GOVERNMENT_DATASETS,
];
