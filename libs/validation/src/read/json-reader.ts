import { messageText } from '@opendata/common';
import { JsonArraySplitter } from './json-array-splitter';
import { JsonRowMapper } from './json-rows';
import { JsonFormatError } from './read-errors';
import { DEFAULT_BATCH_SIZE, RowBatch, RowBatcher } from './row-batch';
import { TextHead, replayHead } from './text-head';

export { JsonFormatError } from './read-errors';

/** A JSON array of records, or newline-delimited JSON (one record a line). */
export type JsonLayout = 'array' | 'ndjson';

export interface JsonRead {
  /** From the first non-blank character: "[" is an array, "{" is NDJSON. */
  layout: Promise<JsonLayout>;
  batches: AsyncIterable<RowBatch>;
}

/**
 * Reads JSON records into numbered row batches without parsing the whole file: array elements and NDJSON
 * lines are cut out of the stream and parsed one by one. Row 1 is the header (the first object's keys).
 * Malformed JSON is a JsonFormatError carrying the record number, thrown after the rows before it.
 */
export function readJson(text: AsyncIterable<string>, options: { batchSize?: number } = {}): JsonRead {
  const source = text[Symbol.asyncIterator]();
  const head = readToContent(source);
  const layout = head.then(chooseLayout);
  layout.catch(() => undefined); // the same error reaches whoever iterates the batches
  return { layout, batches: jsonBatches(head, layout, source, options.batchSize ?? DEFAULT_BATCH_SIZE) };
}

/** Reads until the first non-blank character (or the end); a read error is kept for after the text. */
async function readToContent(source: AsyncIterator<string>): Promise<TextHead> {
  const chunks: string[] = [];
  try {
    for (;;) {
      const next = await source.next();
      if (next.done) return { chunks, done: true, error: null };
      chunks.push(next.value);
      if (/\S/.test(next.value)) return { chunks, done: false, error: null };
    }
  } catch (error) {
    return { chunks, done: true, error };
  }
}

function firstCharacter(head: TextHead): string | null {
  for (const chunk of head.chunks) {
    const match = /\S/.exec(chunk);
    if (match) return match[0];
  }
  return null;
}

function chooseLayout(head: TextHead): JsonLayout {
  const first = firstCharacter(head);
  if (first === null && head.error) throw head.error;
  if (first === null || first === '[') return 'array';
  if (first === '{') return 'ndjson';
  throw new JsonFormatError(1, messageText('json.notArrayOrNdjson', { open: '{', found: JSON.stringify(first) }));
}

interface RecordSink {
  push(chunk: string): void;
  end(): void;
}

async function* jsonBatches(head: Promise<TextHead>, layout: Promise<JsonLayout>, source: AsyncIterator<string>, batchSize: number): AsyncGenerator<RowBatch> {
  const batcher = new RowBatcher(batchSize);
  let sink: RecordSink;
  try {
    sink = (await layout) === 'array' ? new ArraySink(batcher) : new NdjsonSink(batcher);
  } catch (error) {
    await source.return?.();
    throw error;
  }
  const started = await head;
  // An empty or blank text has no rows; the validator reports the empty source.
  if (started.done && !started.error && firstCharacter(started) === null) return;
  try {
    for await (const chunk of replayHead(started, source)) {
      sink.push(chunk);
      yield* batcher.full();
    }
    sink.end();
  } catch (error) {
    yield* batcher.flush();
    throw error;
  }
  yield* batcher.flush();
}

function parseRecord(json: string, recordNumber: number, line: number | null): unknown {
  try {
    return JSON.parse(json);
  } catch (error) {
    const reason = (error as Error).message;
    throw new JsonFormatError(recordNumber, line === null ? messageText('json.recordInvalid', { record: recordNumber, reason }) : messageText('json.lineRecordInvalid', { record: recordNumber, line, reason }));
  }
}

class ArraySink implements RecordSink {
  private readonly splitter = new JsonArraySplitter();
  private readonly mapper = new JsonRowMapper();
  private readonly texts: string[] = [];
  private records = 0;

  constructor(private readonly batcher: RowBatcher) {}

  push(chunk: string): void {
    this.splitter.push(chunk, this.texts);
    for (const text of this.texts) {
      this.records++;
      this.mapper.add(parseRecord(text, this.records, null), this.records, this.batcher.rows);
    }
    this.texts.length = 0;
  }

  end(): void {
    this.splitter.end();
  }
}

class NdjsonSink implements RecordSink {
  private readonly mapper = new JsonRowMapper();
  private partial = '';
  private line = 0;
  private records = 0;

  constructor(private readonly batcher: RowBatcher) {}

  push(chunk: string): void {
    const text = this.partial + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      this.addLine(text.slice(start, end));
      start = end + 1;
    }
    this.partial = text.slice(start);
    if (this.partial.length > 16 * 1024 * 1024) {
      throw new JsonFormatError(this.records + 1, messageText('json.lineTooLong', { line: this.line + 1 }));
    }
  }

  end(): void {
    this.addLine(this.partial);
    this.partial = '';
  }

  private addLine(line: string): void {
    this.line++;
    if (line.trim() === '') return; // blank lines (and a final newline) separate nothing
    this.records++;
    this.mapper.add(parseRecord(line, this.records, this.line), this.records, this.batcher.rows);
  }
}
