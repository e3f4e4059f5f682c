import { DatasetStatus, OpenAttribute, PriorityDomain, ShareAttribute, UpdateFrequency } from './vocabularies';

export interface ContactPoint {
  name: string;
  email?: string | null;
  phone?: string | null;
}

/**
 * The catalogue record of one dataset, as validated by schemas/catalog/dataset.schema.json. Field names are the
 * GraphQL input names, so validation errors name fields the caller knows. The comments give the
 * 政务信息资源目录编制指南 element and the DCAT-AP property each field carries.
 */
export interface DatasetMetadata {
  /** URL name; lower-case letters, digits and hyphens. */
  slug: string;
  /** 信息资源名称 / dct:title */
  title: string;
  titleEn?: string | null;
  /** 信息资源摘要 / dct:description */
  description: string;
  descriptionEn?: string | null;
  /** 信息资源提供方, by organization slug / dct:publisher */
  organization: string;
  /** 信息资源分类 and dcat:theme: theme codes, at least one 政务 class and one EU data theme. */
  themes: string[];
  /** 关键字 / dcat:keyword */
  tags: string[];
  /** dct:license, a licence id from LICENCES. */
  license: string;
  /** 开放属性 / dct:accessRights */
  openAttribute: OpenAttribute;
  /** 开放条件, required when 有条件开放. */
  openCondition?: string | null;
  /** 共享属性 (共享类型) */
  shareAttribute: ShareAttribute;
  /** 共享条件, required when 有条件共享. */
  shareCondition?: string | null;
  /** 共享方式 */
  shareMethod?: string | null;
  /** 更新周期 / dct:accrualPeriodicity */
  updateFrequency: UpdateFrequency;
  /** 信息资源代码: 类(1) 项(2) 目(3) 细目 and 顺序码. */
  resourceCode?: string | null;
  /** 发布日期 / dct:issued, YYYY-MM-DD. */
  issued?: string | null;
  /** dct:temporal, YYYY-MM-DD. */
  temporalStart?: string | null;
  temporalEnd?: string | null;
  /** dct:spatial: place name and its 行政区划代码. */
  spatial?: string | null;
  spatialCode?: string | null;
  /** dcat:contactPoint / 联系方式 */
  contactPoint?: ContactPoint | null;
  /** The plan's priority domain (民生保障 / 公共服务 / 市场监管). */
  priorityDomain?: PriorityDomain | null;
  /** The item (1-39) of the 2017 openness plan (衡办发〔2017〕25号) the dataset answers. */
  planItem?: number | null;
  status: DatasetStatus;
}
