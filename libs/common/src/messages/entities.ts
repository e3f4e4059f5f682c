import { BilingualText } from './message-types';

/** What a client can ask for by id or name, as messages name it (`找不到数据集“x” (Dataset "x" was not found)`). */
export const ENTITIES = {
  asset: { zh: '文件', en: 'Asset' },
  calendarDay: { zh: '日历日', en: 'Calendar day' },
  dataRequest: { zh: '数据申请', en: 'Data request' },
  dataset: { zh: '数据集', en: 'Dataset' },
  negativeListRule: { zh: '负面清单规则', en: 'Negative list rule' },
  obligation: { zh: '更新义务', en: 'Obligation' },
  organization: { zh: '组织', en: 'Organization' },
  resource: { zh: '资源', en: 'Resource' },
  resourceVersion: { zh: '资源版本', en: 'Resource version' },
  schema: { zh: '采集标准', en: 'Schema' },
  token: { zh: '令牌', en: 'Token' },
  uploadReport: { zh: '上传报告', en: 'Upload report' },
  user: { zh: '用户', en: 'User' },
} as const satisfies Record<string, BilingualText>;

export type Entity = keyof typeof ENTITIES;
