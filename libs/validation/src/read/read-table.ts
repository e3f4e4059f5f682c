import { CsvDialect, readCsv } from './csv-reader';
import { decodeText } from './encoding';
import { readJson } from './json-reader';
import { MAGIC_LENGTH, detectBinaryKind } from './magic-bytes';
import { RowBatch } from './row-batch';
import { readXlsx } from './xlsx-reader';

export type TableFormat = 'csv' | 'json' | 'xlsx';

export interface TableReadOptions {
  format: TableFormat;
  /** Forced text encoding (CSV and JSON); detected when absent. */
  encoding?: string;
  /** Forced CSV delimiter; sniffed when absent. */
  delimiter?: string;
  escapeChar?: string;
  batchSize?: number;
}

export interface TableRead {
  format: TableFormat;
  /** The text encoding; null for XLSX. Rejects like `batches` when the bytes are not text. */
  encoding: Promise<string | null>;
  /** The CSV dialect; null for JSON and XLSX. */
  dialect: Promise<CsvDialect | null>;
  /** Row 1 is the header. Throws EncodingError, NotTextError, CsvFormatError, JsonFormatError or XlsxFormatError. */
  batches: AsyncIterable<RowBatch>;
}

const EXTENSIONS: Record<string, TableFormat> = {
  csv: 'csv',
  tsv: 'csv',
  tab: 'csv',
  txt: 'csv',
  json: 'json',
  ndjson: 'json',
  jsonl: 'json',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
};

const CONTENT_TYPES: Record<string, TableFormat> = {
  'text/csv': 'csv',
  'text/tab-separated-values': 'csv',
  'text/plain': 'csv',
  'application/json': 'json',
  'application/x-ndjson': 'json',
  'application/jsonl': 'json',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/**
 * The format of an upload: magic bytes first (a ZIP is an XLSX whatever its name), then the file name's
 * extension, then the content type; CSV otherwise. An .xls or a PDF is left to the CSV path, whose decoder
 * reports it as not text.
 */
export function detectFormat(fileName: string | null, firstBytes: Buffer, contentType?: string | null): TableFormat {
  if (detectBinaryKind(firstBytes) === 'zip') return 'xlsx';
  const extension = fileName ? /\.([a-z0-9]+)$/i.exec(fileName.split(/[?#]/)[0])?.[1]?.toLowerCase() : undefined;
  if (extension && EXTENSIONS[extension]) return EXTENSIONS[extension];
  const type = contentType?.split(';')[0].trim().toLowerCase();
  if (type && CONTENT_TYPES[type]) return CONTENT_TYPES[type];
  if (type && (type.endsWith('+json') || type.endsWith('/json'))) return 'json';
  return 'csv';
}

/** One entry point for every format: the same numbered row batches, and typed errors from `batches`. */
export function readTable(bytes: AsyncIterable<Uint8Array>, options: TableReadOptions): TableRead {
  const { format, batchSize } = options;
  if (format === 'xlsx') {
    return { format, encoding: Promise.resolve(null), dialect: Promise.resolve(null), batches: readXlsx(bytes, { batchSize }).batches };
  }
  const decoded = decodeText(bytes, { encoding: options.encoding });
  if (format === 'json') {
    const json = readJson(decoded.text, { batchSize });
    return { format, encoding: decoded.encoding, dialect: Promise.resolve(null), batches: json.batches };
  }
  const csv = readCsv(decoded.text, { delimiter: options.delimiter, escapeChar: options.escapeChar, batchSize });
  return { format, encoding: decoded.encoding, dialect: csv.dialect, batches: csv.batches };
}

/**
 * The first bytes of a stream (for detectFormat) and the whole stream again, without reading it twice:
 * the peeked chunks are replayed before the rest.
 */
export async function peekBytes(bytes: AsyncIterable<Uint8Array>, length: number = MAGIC_LENGTH): Promise<{ head: Buffer; bytes: AsyncIterable<Uint8Array> }> {
  const source = bytes[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < length) {
    const next = await source.next();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(chunks).subarray(0, length);
  async function* replay(): AsyncGenerator<Uint8Array> {
    let finished = done;
    try {
      yield* chunks;
      while (!finished) {
        const next = await source.next();
        if (next.done) finished = true;
        else yield next.value;
      }
    } finally {
      if (!finished) await source.return?.();
    }
  }
  return { head, bytes: replay() };
}
