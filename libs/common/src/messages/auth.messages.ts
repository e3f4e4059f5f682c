import { MessageTable } from './message-types';

/** Signing in, tokens, users, and the permission rules (`forbidden.*` name what the caller may not do). */
export const AUTH_MESSAGES = {
  'auth.signIn': { zh: '请先用 API 令牌登录（Authorization: Bearer <token>）', en: 'Sign in with an API token (Authorization: Bearer <token>) to do this' },
  'auth.bearerHeader': { zh: 'Authorization 请求头须为“Bearer <token>”', en: 'The Authorization header must be "Bearer <token>"' },
  'auth.tokenInvalid': { zh: 'API 令牌无效（未知、已撤销或已过期）', en: 'The API token is not valid (unknown, revoked or expired)' },
  'auth.reviewRequired': {
    zh: '本单位发布前须经审查：请提交数据集（submitDataset），由审查人批准',
    en: 'This organization requires review before publication: submit the dataset (submitDataset) for a reviewer to approve',
  },
  'token.ownOnly': { zh: '只能为自己创建令牌', en: 'You may create tokens for yourself only' },
  'token.listOwnOnly': { zh: '只能查看自己的令牌', en: 'You may list your own tokens only' },
  'user.exists': { zh: '用户“{username}”已存在', en: 'User "{username}" already exists' },
  'user.badName': { zh: '须为 2 到 63 个小写字母、数字、点、连字符或下划线', en: 'must be 2-63 lower-case letters, digits, dots, hyphens or underscores' },
  'user.badEmail': { zh: '不是电子邮件地址', en: 'is not an email address' },
  'forbidden.createUsers': { zh: '你无权创建用户', en: 'You are not allowed to create users' },
  'forbidden.writeDatasets': { zh: '你无权修改本单位的数据集', en: "You are not allowed to change this organization's datasets" },
  'forbidden.manageMembers': { zh: '你无权管理本单位的成员', en: "You are not allowed to manage this organization's members" },
  'forbidden.review': { zh: '你无权审查本单位的发布', en: "You are not allowed to review this organization's publications" },
  'forbidden.withdraw': { zh: '你无权撤回本单位的数据集', en: "You are not allowed to withdraw this organization's datasets" },
  'forbidden.reviewSetting': { zh: '你无权更改组织是否需要审查', en: 'You are not allowed to change whether an organization requires review' },
  'forbidden.planLeads': { zh: '你无权指定公开计划的牵头单位', en: 'You are not allowed to assign the lead units of the openness plan' },
  'forbidden.createOrganizations': { zh: '你无权创建组织', en: 'You are not allowed to create organizations' },
  'forbidden.uploadLimit': { zh: '你无权更改组织的上传限额', en: "You are not allowed to change an organization's upload limit" },
  'forbidden.readAudit': { zh: '你无权查看审计日志', en: 'You are not allowed to read the audit log' },
  'forbidden.exportAudit': { zh: '你无权导出审计日志', en: 'You are not allowed to export the audit log' },
  'forbidden.calendar': { zh: '你无权更改工作日日历', en: 'You are not allowed to change the working-day calendar' },
  'forbidden.reindex': { zh: '你无权重建检索文档', en: 'You are not allowed to rebuild the search documents' },
  'forbidden.cityNegativeList': { zh: '你无权更改全市负面清单', en: 'You are not allowed to change the city-wide negative list' },
} as const satisfies MessageTable;
