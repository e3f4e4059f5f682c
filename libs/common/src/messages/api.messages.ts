import { MessageTable } from './message-types';

/**
 * What the HTTP edge says: routes and bodies it cannot take, quotas and the GraphQL query limits, audit and
 * row parameters read from requests, and the heads of the portal's server pages (each page in one language).
 */
export const API_MESSAGES = {
  'http.routeNotFound': { zh: '没有此路径：{method} {path}', en: 'Cannot {method} {path}' },
  'http.badRequest': { zh: '请求无效：{reason}', en: 'bad request: {reason}' },
  'http.bodyTooLarge': { zh: '请求正文过大', en: 'request entity too large' },
  'http.badJson': { zh: '请求正文不是有效的 JSON：{reason}', en: 'the request body is not valid JSON: {reason}' },
  'quota.exceeded': {
    zh: '请求过于频繁：每个时段限额 {limit} 点；请 {retry} 秒后重试',
    en: 'Too many requests: the quota is {limit} points per window; retry in {retry} s',
  },
  'quota.query': {
    zh: '请求过于频繁：此查询需 {cost} 点，本时段 {limit} 点中还剩 {remaining} 点；请 {retry} 秒后重试',
    en: 'Too many requests: this query costs {cost} points and {remaining} of the {limit} of this window are left; retry in {retry} s',
  },
  'query.tooCostly': {
    zh: '查询代价过高：需 {cost} 点，每个请求最多 {max} 点；请减小分页（first）、减少别名或嵌套列表',
    en: 'Query too costly: it costs {cost} points, at most {max} per request; ask for smaller pages (first), fewer aliases or fewer nested lists',
  },
  'query.tooDeep': { zh: '查询嵌套过深：深度 {depth}，最多 {max}', en: 'Query too deep: depth {depth}, at most {max}' },
  'query.tooLarge': { zh: '查询字段过多：展开片段后有 {fields} 个字段，最多 {max}', en: 'Query too large: {fields} fields once fragments are expanded, at most {max}' },
  'query.tooWide': {
    zh: '查询过宽：并列的字段过多（宽度 {width}，最多 {max}：展开片段后一个选择集中约 {side} 个字段）',
    en: 'Query too wide: too many fields side by side (width {width}, at most {max}: about {side} fields in one selection, fragments expanded)',
  },
  'graphql.parseFailed': { zh: '查询有语法错误：{reason}', en: 'the query cannot be parsed: {reason}' },
  'graphql.validationFailed': { zh: '查询不符合接口定义：{reason}', en: 'the query does not fit the schema: {reason}' },
  'graphql.badInput': { zh: '参数无效：{reason}', en: 'invalid argument: {reason}' },
  'graphql.badRequest': { zh: '请求无效：{reason}', en: 'bad request: {reason}' },
  'query.moreThan': { zh: '超过 {figure}', en: 'more than {figure}' },
  'audit.operations': { zh: '须为 {operations} 之一', en: 'must be among {operations}' },

  'portal.siteName': { zh: '{name}数据开放平台', en: 'Open Data Portal of {name}' },
  'portal.siteNameDefault': { zh: '数据开放平台', en: 'Open Government Data Portal' },
  'portal.home.description': {
    zh: '{organizations}个部门开放的{datasets}个政府数据集，可检索、预览和下载，并可通过GraphQL、CKAN兼容接口和DCAT-AP调用。',
    en: '{datasets} open government datasets from {organizations} agencies to search, preview and download, with GraphQL, a CKAN-compatible API and DCAT-AP.',
  },
  'portal.notFound.title': { zh: '页面不存在 - {site}', en: 'Page not found - {site}' },
  'portal.notFound.description': { zh: '此地址没有页面。', en: 'There is no page at this address.' },
  'portal.organization.description': { zh: '{name}开放的数据集。', en: 'Open data published by {name}.' },
  'portal.explorer.description': { zh: '数据开放平台的GraphQL接口浏览器。', en: "The open data platform's GraphQL explorer." },
  'portal.search.title': { zh: '数据目录', en: 'Data catalogue' },
  'portal.search.description': {
    zh: '按关键词、部门、主题、标签和格式检索政府开放数据集，检索条件保存在网址中，可直接分享。',
    en: 'Search the open government datasets by words, organization, theme, tag and format; the address holds the search, so it can be shared.',
  },
  'portal.requests.title': { zh: '依申请公开', en: 'Data requests' },
  'portal.requests.description': {
    zh: '向政府部门申请公开数据，查看各项申请的办理状态和答复用时。',
    en: 'Ask a government body to publish data, and follow the status and response time of every request.',
  },
  'portal.scoreboard.title': { zh: '政务公开考核指标', en: 'Openness scoreboard' },
  'portal.scoreboard.description': {
    zh: '各部门按政务公开实施意见（衡办发〔2017〕25号）考核的指标：牵头事项、已发布数据集、按时更新率、校验通过率、依申请公开答复情况。',
    en: 'Each agency measured against the 2017 openness plan: plan items it leads, published datasets, on-time rate, validation pass rate and answers to data requests.',
  },
  'portal.developers.title': { zh: '开发者接口', en: 'For developers' },
  'portal.developers.description': {
    zh: '通过GraphQL、CKAN兼容接口和DCAT-AP调用数据目录和经过校验的数据行。',
    en: 'The catalogue and its validated rows through GraphQL, a CKAN-compatible API and DCAT-AP.',
  },
  'portal.signIn.title': { zh: '登录', en: 'Sign in' },
  'portal.signIn.description': { zh: '政府部门工作人员登录，发布和维护数据集。', en: 'Sign in to publish and maintain datasets.' },
  'portal.workspace.title': { zh: '工作台', en: 'Workspace' },
  'portal.workspace.description': { zh: '部门工作台：数据集、上传、校验报告与审核。', en: 'The agency workspace: datasets, uploads, validation reports and review.' },
} as const satisfies MessageTable;
