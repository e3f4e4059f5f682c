/** Reading uploads (CSV, JSON, XLSX) into numbered row batches for the validator, in one streaming pass. */
export { SNIFF_CHARS, readCsv } from './csv-reader';
export type { CsvDialect, CsvRead, CsvReadOptions } from './csv-reader';
export { DETECTION_WINDOW, decodeText, detectEncoding, normalizeEncoding } from './encoding';
export type { DecodedText, TextEncodingName } from './encoding';
export { readJson } from './json-reader';
export type { JsonLayout, JsonRead } from './json-reader';
export { detectFormat, peekBytes, readTable } from './read-table';
export type { TableFormat, TableRead, TableReadOptions } from './read-table';
export { CsvFormatError, EncodingError, JsonFormatError, NotTextError, XlsxFormatError } from './read-errors';
export { DEFAULT_BATCH_SIZE } from './row-batch';
export type { RowBatch } from './row-batch';
export { readXlsx } from './xlsx-reader';
