import { CsvDialect, sniffDialect } from './csv-sniffer';
import { CsvTokenizer } from './csv-tokenizer';
import { DEFAULT_BATCH_SIZE, RowBatch, RowBatcher } from './row-batch';
import { TextHead, headSample, readHead, replayHead } from './text-head';

export { CsvFormatError } from './read-errors';
export type { CsvDialect } from './csv-sniffer';
export type { RowBatch } from './row-batch';

export interface CsvReadOptions {
  /** Skips sniffing the delimiter (one character). */
  delimiter?: string;
  /** A character that escapes the next one, besides doubled quotes (frictionless' escapeChar). */
  escapeChar?: string;
  batchSize?: number;
}

export interface CsvRead {
  /** Sniffed from the first 64 Ki characters; resolves before the first batch. */
  dialect: Promise<CsvDialect>;
  batches: AsyncIterable<RowBatch>;
}

/** Characters of text read ahead and sniffed. */
export const SNIFF_CHARS = 64 * 1024;

/**
 * Reads CSV text into numbered row batches (the header is row 1; a record spanning lines is one row; an
 * empty line is a row with no cells). Reading ahead for the dialect starts at once. Errors from the text
 * (EncodingError) and CsvFormatError are thrown by `batches` after the rows that precede them.
 */
export function readCsv(text: AsyncIterable<string>, options: CsvReadOptions = {}): CsvRead {
  const source = text[Symbol.asyncIterator]();
  const head = readHead(source, SNIFF_CHARS);
  const dialect = head.then((h) => {
    if (h.error && h.chunks.length === 0) throw h.error;
    const { sample, complete } = headSample(h, SNIFF_CHARS);
    return sniffDialect(sample, complete, options);
  });
  dialect.catch(() => undefined); // the same error reaches whoever iterates the batches
  return { dialect, batches: csvBatches(head, dialect, source, options.batchSize ?? DEFAULT_BATCH_SIZE) };
}

async function* csvBatches(head: Promise<TextHead>, dialect: Promise<CsvDialect>, source: AsyncIterator<string>, batchSize: number): AsyncGenerator<RowBatch> {
  let tokenizer: CsvTokenizer;
  let batcher: RowBatcher;
  try {
    const read = await dialect;
    tokenizer = new CsvTokenizer(read);
    // The lines as written are kept where PostgreSQL's CSV COPY reads them the same way (see RowBatch.lines).
    batcher = new RowBatcher(batchSize, { lines: read.delimiter === ',' && read.quote === '"' && !read.skipInitialSpace });
  } catch (error) {
    await source.return?.();
    throw error;
  }
  try {
    for await (const chunk of replayHead(await head, source)) {
      tokenizer.push(chunk, batcher.rows, batcher.lines);
      yield* batcher.full();
    }
    tokenizer.end(batcher.rows, batcher.lines);
  } catch (error) {
    yield* batcher.flush();
    throw error;
  }
  yield* batcher.flush();
}
