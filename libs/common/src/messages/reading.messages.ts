import { MessageTable } from './message-types';

/**
 * Why a file cannot be read as a table: the source errors of a validation report (encoding-error,
 * format-error, source-error). The English keeps frictionless-py's wording where it has one (Python's codec
 * errors), so that reports read like its reports. Then what schema inference says of the file it read.
 */
export const READING_MESSAGES = {
  'read.cannotDecode': {
    zh: '无法按 {encoding} 解码位置 {position} 处的字节 {byte}：{reason}',
    en: "'{encoding}' codec can't decode byte {byte} in position {position}: {reason}",
  },
  'read.neitherUtf8NorGb': { zh: '{error}；文件既不是 UTF-8 也不是 GB18030', en: '{error} (the file is neither UTF-8 nor GB18030)' },
  'read.endOfData': { zh: '（数据末尾）', en: 'end of data' },
  'read.reason.invalidStartByte': { zh: '无效的起始字节', en: 'invalid start byte' },
  'read.reason.invalidContinuationByte': { zh: '无效的后续字节', en: 'invalid continuation byte' },
  'read.reason.unexpectedEnd': { zh: '数据意外结束', en: 'unexpected end of data' },
  'read.reason.illegalMultibyte': { zh: '非法的多字节序列', en: 'illegal multibyte sequence' },
  'read.reason.incompleteMultibyte': { zh: '不完整的多字节序列', en: 'incomplete multibyte sequence' },
  'read.reason.illegalEncoding': { zh: '非法编码', en: 'illegal encoding' },
  'read.reason.illegalSurrogate': { zh: '非法的 UTF-16 代理项', en: 'illegal UTF-16 surrogate' },
  'read.reason.truncated': { zh: '数据被截断', en: 'truncated data' },
  'read.reason.invalidData': { zh: '无效数据', en: 'invalid data' },
  'read.nul': {
    zh: '字节位置 {position}（{encoding}）处有空字符 NUL (0x00)，含空字符的文本无法存储',
    en: 'byte 0x00 (NUL) in position {position} ({encoding}): text holding the NUL character cannot be stored',
  },
  'read.nulNoBom': {
    zh: '字节位置 {position}（{encoding}）处有空字符 NUL (0x00)，含空字符的文本无法存储；UTF-16 文件须以字节顺序标记开头',
    en: 'byte 0x00 (NUL) in position {position} ({encoding}): text holding the NUL character cannot be stored (a UTF-16 file must start with its byte order mark)',
  },
  'read.binary.zip': { zh: '文件是 ZIP 压缩包（XLSX、ODS、DOCX 文件都是），不是文本', en: 'the file is a ZIP archive (an XLSX, ODS or DOCX file is one), not text' },
  'read.binary.xls': { zh: '文件是 Excel 97-2003 工作簿（.xls），不是文本', en: 'the file is an Excel 97-2003 workbook (.xls), not text' },
  'read.binary.pdf': { zh: '文件是 PDF 文档，不是文本', en: 'the file is a PDF document, not text' },
  'read.binary.gzip': { zh: '文件是 gzip 压缩文件，不是文本', en: 'the file is a gzip-compressed file, not text' },
  'read.empty': { zh: '文件为空', en: 'the source is empty' },
  'read.unknownEncoding': {
    zh: '不支持编码“{encoding}”；可用 utf-8、gb18030（gbk、gb2312）、utf-16le、utf-16be、latin1',
    en: 'unsupported encoding "{encoding}"; use utf-8, gb18030 (gbk, gb2312), utf-16le, utf-16be or latin1',
  },
  'read.badDelimiter': { zh: '分隔符须为一个字符', en: 'the delimiter must be one character' },

  'csv.rowTooLong': {
    zh: '第 {row} 行超过 {max} 个字符：可能有引号未闭合',
    en: 'row {row} is longer than {max} characters: a quote is probably not closed',
  },
  'csv.unclosedQuote': { zh: '第 {row} 行有带引号的字段直到文件末尾都未闭合', en: 'row {row} has a quoted field that is not closed before the end of the file' },

  'json.notArrayOrNdjson': { zh: '应为 JSON 数组（“[”）或 NDJSON 对象（“{open}”），实际为 {found}', en: 'expected a JSON array ("[") or NDJSON objects ("{open}"), found {found}' },
  'json.recordInvalid': { zh: '第 {record} 条记录不是有效的 JSON：{reason}', en: 'record {record} is not valid JSON: {reason}' },
  'json.lineRecordInvalid': { zh: '第 {record} 条记录（第 {line} 行）不是有效的 JSON：{reason}', en: 'record {record} (line {line}) is not valid JSON: {reason}' },
  'json.lineTooLong': { zh: '第 {line} 行超过 16 Mi 个字符', en: 'line {line} is longer than 16 Mi characters' },
  'json.tooDeep': {
    zh: '第 {record} 条记录嵌套超过 {max} 层（JSON 行是记录：记录内的数组和对象最多嵌套 {inner} 层）',
    en: 'record {record} is nested more than {max} levels deep (JSON rows are records: arrays and objects inside a record may nest {inner} levels)',
  },
  'json.badKey': { zh: '第 {record} 条记录的键 {key}：{problem}', en: 'record {record}, key {key}: {problem}' },
  'json.badField': { zh: '第 {record} 条记录的字段 {field}：{problem}', en: 'record {record}, field {field}: {problem}' },
  'json.notArrayRecord': { zh: '第 {record} 条记录不像第一条那样是数组', en: 'record {record} is not an array like the first one' },
  'json.notObject': { zh: '第 {record} 条记录不是 JSON 对象', en: 'record {record} is not a JSON object' },
  'json.array.elementTooLong': { zh: 'JSON 数组有超过 {max} 个字符的元素（第 {record} 条记录处）', en: 'the JSON array has an element longer than {max} characters (at record {record})' },
  'json.array.missing': { zh: 'JSON 数组缺失：文本为空（第 {record} 条记录处）', en: 'the JSON array is missing: the text is empty (at record {record})' },
  'json.array.notClosed': { zh: 'JSON 数组未闭合：文本在数组内结束（第 {record} 条记录处）', en: 'the JSON array is not closed: the text ends inside it (at record {record})' },
  'json.array.noOpening': { zh: 'JSON 数组应以“[”开头（第 {record} 条记录处）', en: 'the JSON array should start with "[" (at record {record})' },
  'json.array.textAfter': { zh: 'JSON 数组的“]”之后还有文本（第 {record} 条记录处）', en: 'the JSON array is followed by more text after its closing "]" (at record {record})' },
  'json.array.missingComma': { zh: 'JSON 数组的两个元素之间缺少“,”（第 {record} 条记录处）', en: 'the JSON array is missing a "," between two elements (at record {record})' },
  'json.array.emptyElement': { zh: 'JSON 数组有空元素（第 {record} 条记录处）', en: 'the JSON array has an empty element (at record {record})' },

  'xlsx.noWorksheet': { zh: '工作簿中没有工作表', en: 'the workbook has no worksheet' },
  'xlsx.unreadable': { zh: '文件不是可读的 XLSX 工作簿：{reason}', en: 'the file is not a readable XLSX workbook: {reason}' },
  'xlsx.sharedStringsTooLarge': {
    zh: '工作簿的共享字符串表超过本平台读取 XLSX 的上限（{count} 个文本，{megabytes} MB）；请将工作表另存为 CSV（UTF-8）后上传',
    en: "the workbook's shared-strings table is larger than this platform reads from XLSX ({count} texts, {megabytes} MB); save the sheet as CSV (UTF-8) and upload that",
  },
  'xlsx.sharedStringTooLong': { zh: '工作簿共享字符串表中有超过 {megabytes} MB 的文本', en: "a text of the workbook's shared-strings table is longer than {megabytes} MB" },

  'infer.tooManyColumns': { zh: '表头有 {columns} 列，最多 {max} 列', en: 'The header has {columns} columns; a collection schema has at most {max}' },
  'infer.empty': { zh: '文件为空，没有可推断采集标准的表头', en: 'The source is empty: there is no header to infer a schema from' },
  'infer.encoding': { zh: '编码无法识别：{error}', en: 'the encoding is not recognised: {error}' },
  'infer.unreadable': { zh: '文件不是可读的表格：{error}', en: 'the file is not a readable table: {error}' },
  'infer.invalidDraft': { zh: '推断的草案不是有效的采集标准：{problems}', en: 'The inferred draft is not a valid collection schema: {problems}' },
  'infer.blankLabel': { zh: '第 {column} 列没有表头，校验会报 blank-label', en: 'column {column} has no label: validation reports blank-label until it has one' },
  'infer.duplicateLabel': { zh: '第 {column} 列表头与第 {first} 列重复', en: 'column {column} repeats the label of column {first}' },
  'infer.noRows': { zh: '文件只有表头，没有数据行', en: 'the file has a header and no rows: every column is proposed as optional text' },
  'infer.blankRows': { zh: '{count} 个空行，校验会报 blank-row', en: '{count} blank rows: validation reports them (blank-row)' },
  'infer.raggedRows': { zh: '{count} 行的单元格数与表头不同', en: '{count} rows have more or fewer cells than the header (extra-cell, missing-cell)' },
  'infer.unmasked': {
    zh: '第 {column} 列“{header}”含 {count} 个未脱敏的个人信息，已建议 x-masked: {kind}；发布前须脱敏',
    en: 'column {column} ("{header}") holds {count} unmasked {kind} values: the draft declares it x-masked, so the file must be masked before it is published',
  },
  'infer.personalCells': {
    zh: '第 {column} 列“{header}”有 {count} 个单元格含个人信息',
    en: 'column {column} ("{header}") has {count} cells holding personal data, which validation reports',
  },
  'infer.digitCode': { zh: '全为数字的编码，按文本读取以保留前导零', en: 'digit code, read as text so leading zeros are kept' },
  'infer.enumeration': { zh: '{count} 个取值，建议为枚举', en: '{count} values: proposed as an enumeration' },
  'infer.noValue': { zh: '没有任何取值，类型无法推断', en: 'no value in any row: the type could not be inferred' },
  'infer.personalCellsNote': { zh: '{count} 个单元格含个人信息，校验将报错', en: '{count} cells hold personal data: validation will report them' },
} as const satisfies MessageTable;
