import { MessageTable } from './message-types';

/** Messages of every layer: input at the edge, missing records, the error filters' fallbacks. */
export const COMMON_MESSAGES = {
  notFound: { zh: '找不到{what}“{key}”', en: '{what} "{key}" was not found' },
  'input.invalid': { zh: '输入有误', en: 'invalid input' },
  'input.nul': { zh: '不能包含空字符 U+0000', en: 'must not contain the NUL character U+0000' },
  'input.surrogate': { zh: '不能包含不成对的 UTF-16 代理项', en: 'must not contain an unpaired UTF-16 surrogate such as \\ud800' },
  'input.tooDeep': { zh: '嵌套不能超过 {max} 层', en: 'must not be nested more than {max} levels deep' },
  'input.dataException': { zh: '数据库不接受这个值：{reason}', en: 'invalid value: {reason}' },
  'input.required': { zh: '必须填写', en: 'is required' },
  'input.empty': { zh: '不能为空', en: 'must not be empty' },
  'input.oneOf': { zh: '必须是以下之一：{values}', en: 'must be one of: {values}' },
  'input.range': { zh: '必须在 {min} 到 {max} 之间', en: 'must be {min} to {max}' },
  'input.between': { zh: '必须在 {min} 到 {max} 之间', en: 'must be between {min} and {max}' },
  'input.lengthRange': { zh: '长度必须为 {min} 到 {max} 个字符', en: 'must be {min} to {max} characters' },
  'input.maxLength': { zh: '不能超过 {max} 个字符', en: 'must be at most {max} characters' },
  'input.notDateTime': { zh: '不是日期时间（ISO 8601）', en: 'is not a date-time (ISO 8601)' },
  'input.notDate': { zh: '必须是日期（YYYY-MM-DD）', en: 'must be a date (YYYY-MM-DD)' },
  'input.future': { zh: '必须是将来的时间', en: 'must be in the future' },
  'input.once': { zh: '此参数只能给一次', en: 'give this parameter once' },
  'input.oneOfIdSlug': { zh: 'id 与 slug 须且只须给出一个', en: 'give exactly one of id and slug' },
  'input.notOrganization': { zh: '不是已有的组织', en: 'is not an existing organization' },
  'input.notUserId': { zh: '不是用户 ID', en: 'is not a user id' },
  'error.internal': { zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies MessageTable;
