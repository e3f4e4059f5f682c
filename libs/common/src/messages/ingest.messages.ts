import { MessageTable } from './message-types';

/** Uploads, validations and schema inferences: the request, its size, the queue, the schemas. */
export const INGEST_MESSAGES = {
  'upload.tooLarge': { zh: '文件超过允许的 {max} 字节', en: 'The file is larger than the {max} bytes allowed' },
  'upload.notMultipart': { zh: '请以 multipart/form-data 发送文件，字段名为“file”', en: 'Send the file as multipart/form-data, in a field named "file"' },
  'upload.noFilePart': { zh: 'multipart 正文中没有“file”部分', en: 'the multipart body has no "file" part' },
  'upload.malformed': { zh: 'multipart 正文格式错误：{reason}', en: 'malformed multipart body: {reason}' },
  'upload.interrupted': { zh: '上传在文件全部到达前中断', en: 'The upload was interrupted before the whole file arrived' },
  'upload.clientGone': { zh: '客户端在收到答复前关闭了连接', en: 'The client closed the connection before the answer' },
  'upload.fieldName': { zh: '字段名：{problem}', en: 'field name: {problem}' },
  'upload.fileName': { zh: '文件名：{problem}', en: 'file name: {problem}' },
  'upload.fieldTooLong': { zh: '不能超过 {max} KiB', en: 'must be at most {max} KiB' },
  'upload.fileNameTooLong': { zh: '文件名不能超过 {max} 个字符', en: 'the file name must be at most {max} characters' },
  'upload.schemaNeeded': {
    zh: '请指定用于校验的采集标准（GET /api/v1/schemas 列出全部）',
    en: 'name the collection schema to validate against (GET /api/v1/schemas lists them)',
  },
  'slots.uploads': { zh: '上传', en: 'uploads' },
  'slots.inferences': { zh: '采集标准推断', en: 'schema inferences' },
  'slots.full': {
    zh: '服务器繁忙：正在处理 {held} 个{what}，另有 {waiting} 个在排队，请 {retry} 秒后重试',
    en: 'the server is processing {held} {what} with {waiting} more waiting; retry in {retry} s',
  },
  'slots.timeout': { zh: '{what}排队超过 {wait} 秒仍未轮到，请 {retry} 秒后重试', en: 'no slot for {what} freed up within {wait} s; retry in {retry} s' },
  'schema.builtInId': { zh: '“{id}”是平台的采集标准，请换一个 ID', en: '"{id}" is a platform collection standard; choose another id' },
  'schema.ownedByOther': { zh: '“{id}”属于组织 {owner}', en: '"{id}" belongs to organization {owner}' },
  'download.rangeNotSatisfiable': { zh: '请求的字节范围超出文件大小（{size} 字节）', en: 'The requested range is outside the file ({size} bytes)' },
  'schema.invalid': { zh: '不是有效的采集标准', en: 'The schema is not a valid collection schema' },
  'schema.badId': {
    zh: '须为 2 到 63 个小写字母、数字和连字符（如 hengyang-air-stations）',
    en: 'lower-case letters, digits and hyphens, 2 to 63 characters (e.g. hengyang-air-stations)',
  },
} as const satisfies MessageTable;
