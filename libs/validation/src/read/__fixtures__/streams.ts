/** Helpers for the reader specs: fixture bytes, chunked streams and collected results. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RowBatch } from '../row-batch';

export function fixture(name: string): Buffer {
  return readFileSync(join(__dirname, name));
}

/** The bytes as a stream of `size`-byte chunks (1 puts every chunk boundary inside multi-byte characters). */
export async function* chunked<T extends Uint8Array | string>(data: T, size: number = Number.MAX_SAFE_INTEGER): AsyncGenerator<T> {
  for (let i = 0; i < data.length; i += size) yield data.slice(i, i + size) as T;
}

export async function collectText(text: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of text) all += chunk;
  return all;
}

export interface Collected {
  rows: string[][];
  /** Each batch's first row number, to check the numbering. */
  starts: number[];
  error: Error | null;
}

/** Every row, and the error the batches ended with (rows before an error are kept). */
export async function collectRows(batches: AsyncIterable<RowBatch>): Promise<Collected> {
  const collected: Collected = { rows: [], starts: [], error: null };
  try {
    for await (const batch of batches) {
      expectNumbering(collected, batch);
      collected.starts.push(batch.firstRowNumber);
      collected.rows.push(...batch.rows);
    }
  } catch (error) {
    collected.error = error as Error;
  }
  return collected;
}

function expectNumbering(collected: Collected, batch: RowBatch): void {
  if (batch.firstRowNumber !== collected.rows.length + 1) {
    throw new Error(`batch starts at row ${batch.firstRowNumber}, expected ${collected.rows.length + 1}`);
  }
}

/** The rejection of a promise, or a failure if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}
