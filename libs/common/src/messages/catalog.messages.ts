import { MessageTable } from './message-types';

/**
 * The catalogue's records and the governance around them: organizations, dataset records, resources,
 * search, the negative list, deadlines, data requests, the openness plan, the audit trail, upload limits.
 */
export const CATALOG_MESSAGES = {
  'organization.badSlug': { zh: '须为 3 到 100 个小写字母、数字和连字符', en: 'must be 3-100 lower-case letters, digits and hyphens' },
  'organization.slugTaken': { zh: '已被占用', en: 'is already taken' },
  'organization.badUscc': { zh: '不是有效的统一社会信用代码（GB 32100-2015 校验码不符）', en: 'is not a valid unified social credit code (GB 32100-2015 check character)' },
  'organization.usccTaken': { zh: '属于另一个组织', en: 'belongs to another organization' },
  'organization.notOther': { zh: '须为另一个组织', en: 'must be another organization' },
  'organization.unknown': { zh: '以下组织不存在：{slugs}', en: 'not existing organizations: {slugs}' },

  'record.slugTaken': { zh: '已被另一个数据集使用', en: 'is already used by another dataset' },
  'record.notAField': { zh: '不是数据集元数据的字段', en: 'is not a field of a dataset record' },
  'record.badEmail': { zh: '必须是电子邮件地址', en: 'must be an email address' },
  'record.slugPattern': {
    zh: '须为 3 到 100 个小写字母、数字和连字符，以字母或数字开头和结尾',
    en: 'must be 3-100 lower-case letters, digits and hyphens, starting and ending with a letter or digit',
  },
  'record.organizationPattern': { zh: '须为组织的标识名', en: 'must be the slug of an organization' },
  'record.themesContain': { zh: '须至少包含一个政务信息资源目录分类（GOV_*）和一个欧盟数据主题', en: 'must include at least one class of the government information resource catalogue (GOV_*) and one EU data theme' },
  'record.resourceCodePattern': {
    zh: '须为类（1 位）项（2 位）目（3 位）细目的数字，可加“/”和顺序码',
    en: 'must be the digits of class (1), item (2), subitem (3) and detail, optionally "/" and the sequence number',
  },
  'record.spatialCodePattern': { zh: '须为六位行政区划代码', en: 'must be a six-digit administrative division code' },
  'record.phonePattern': { zh: '须为固定电话（0734-8xxxxxx）、手机号码或 12345', en: 'must be a landline (0734-8xxxxxx), a mobile number or 12345' },
  'record.contactNeedsChannel': { zh: '须填写电子邮件或电话', en: 'needs an email address or a phone number' },
  'record.temporalOrder': { zh: '不能早于 temporalStart', en: 'must not be before temporalStart' },
  'record.publishedNeedsContact': { zh: '发布前须填写联系方式', en: 'a published record needs a contact point' },
  'record.publishedNeedsIssued': { zh: '发布前须填写发布日期', en: 'a published record needs an issue date' },
  'record.openConditionNeeded': { zh: '有条件开放的数据集须写明开放条件', en: 'a record open under conditions needs its conditions of access' },
  'record.shareConditionNeeded': { zh: '有条件共享的数据集须写明共享条件', en: 'a record shared under conditions needs its sharing conditions' },

  'resource.notOfDataset': { zh: '不是该数据集的资源', en: 'is not a resource of this dataset' },

  'search.notCursor': { zh: '不是此列表和排序的游标', en: 'is not a cursor of this list and ordering' },
  'search.offsetWhole': { zh: '须为 0 或更大的整数', en: 'must be a whole number, 0 or more' },
  'search.afterWithOffset': { zh: '不能与 offset 同时使用', en: 'cannot be combined with offset' },
  'search.thenByNeedsOffset': { zh: '须使用 offset 分页', en: 'needs offset paging' },
  'search.tooManyTerms': { zh: '最多 {max} 个条件', en: 'at most {max} terms' },
  'search.termTooLong': { zh: '每个条件最多 {max} 个字符', en: 'terms must be at most {max} characters' },

  'negativeList.scope.city': { zh: '全市', en: 'city-wide' },
  'negativeList.scope.organization': { zh: '本单位', en: "this organization's" },
  'negativeList.kind.column': { zh: '禁用列名', en: 'forbidden column name' },
  'negativeList.kind.term': { zh: '禁用词', en: 'forbidden term' },
  'negativeList.kind.pattern': { zh: '禁用模式', en: 'forbidden pattern' },
  'negativeList.kind.theme': { zh: '禁止主题', en: 'forbidden theme' },
  'negativeList.kind.schema': { zh: '禁止数据类别', en: 'forbidden data category' },
  'negativeList.rule': { zh: '负面清单{scope}{kind}「{value}」({reason})', en: '{scope} negative list, {kind} "{value}" ({reason})' },
  'negativeList.reasonNeeded': { zh: '请写明理由（1 到 500 个字符），每次命中时显示', en: 'give the reason (1-500 characters), shown with every hit' },
  'negativeList.duplicate': { zh: '已在此负面清单中', en: 'is already on this negative list' },
  'negativeList.valueSpaces': { zh: '不能为空，首尾不能有空格', en: 'must not be empty or start or end with spaces' },
  'negativeList.backReference': { zh: '不能使用反向引用或命名分组', en: 'must not use back-references or named groups' },
  'negativeList.badPattern': { zh: '不是有效的正则表达式（{reason}）', en: 'is not a valid regular expression ({reason})' },
  'negativeList.matchesEmpty': { zh: '不能匹配空文本', en: 'must not match empty text' },
  'negativeList.textHit': { zh: '含「{matched}」：{rule}', en: 'contains "{matched}": {rule}' },
  'negativeList.themeHit': { zh: '主题 {code} 是禁止的数据类别：{rule}', en: 'theme {code} is a forbidden data category: {rule}' },

  'deadline.badKindDays': { zh: '须为 1 到 {max} 的整数', en: 'must be an integer from 1 to {max}' },
  'deadline.eventOnNeeded': { zh: '请给出期限起算的日期', en: 'give the date the deadline runs from' },
  'deadline.labelNeeded': { zh: '请描述该义务（1 到 200 个字符）', en: 'describe the obligation (1-200 characters)' },
  'calendar.nameNeeded': { zh: '请写明节假日或调休日的名称（1 到 100 个字符）', en: 'name the holiday or make-up day (1-100 characters)' },

  'request.contactNeeded': { zh: '请留下电子邮件或电话，以便答复送达', en: 'leave an e-mail address or telephone number so that the answer can reach you' },
  'request.badContact': { zh: '须为电子邮件地址或电话号码', en: 'must be an e-mail address or a telephone number' },
  'request.notDatasetId': { zh: '不是数据集 ID', en: 'is not a dataset id' },
  'request.dailyLimit': { zh: '每天最多提交 {max} 个数据申请，请明天再试', en: 'At most {max} data requests a day may be filed; try again tomorrow' },
  'request.alreadyAnswered': { zh: '此申请已答复（{status}）', en: 'This request has already been answered ({status})' },
  'request.justAnswered': { zh: '此申请刚刚已由他人答复', en: 'This request has just been answered by someone else' },
  'request.linkNeeded': { zh: '请给出数据已（或将要）发布的链接', en: 'link to where the data is (or will be) published' },
  'request.badLink': { zh: '须为 http(s) 网址或本门户的路径', en: 'must be an http(s) URL or a path on this portal' },
  'request.declineReason': { zh: '请写明不予提供的理由', en: 'give the reason for declining' },
  'request.redirectTarget': { zh: '请写明持有该数据的组织', en: 'name the organization that holds the data' },

  'plan.badItem': { zh: '须为公开计划的事项，1 到 {max}', en: 'must be an item of the plan, 1 to {max}' },
  'audit.notCursor': { zh: '不是此列表的游标', en: 'is not a cursor of this list' },
  'quota.badUploadLimit': { zh: '须为字节数的整数，至少 1024', en: 'must be a whole number of bytes, at least 1024' },
} as const satisfies MessageTable;
