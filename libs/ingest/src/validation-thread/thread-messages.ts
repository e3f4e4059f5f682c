import { NegativeListInspector, NegativeListMatcher, NegativeRule, ReportBuilder, ReportState, TableSchema, ValidateTableOptions } from '@opendata/validation';
import type { ValidationEvent } from './validation-events';

/** What checking an upload needs, as plain data: a validation thread, when they are on, gets a copy. */
export interface ValidationJob {
  schema: TableSchema | null;
  fileName: string | null;
  contentType: string | null;
  encoding: string | null;
  delimiter: string | null;
  keys: 'memory' | 'external';
  /** Whether the valid rows come back as COPY text, for a row table. */
  copy: boolean;
  /** The negative list to apply as rows stream past (NegativeListInspector), or null when it is empty. */
  negativeList: { rules: NegativeRule[]; schemaId: string | null } | null;
}

/** validateTable's options for a job, on whichever thread runs it. */
export function tableOptions(job: ValidationJob): ValidateTableOptions {
  const negative = job.negativeList;
  return {
    schema: job.schema,
    fileName: job.fileName,
    contentType: job.contentType,
    encoding: job.encoding,
    delimiter: job.delimiter,
    keys: job.keys,
    acceptedRows: job.copy,
    inspector: negative ? new NegativeListInspector(new NegativeListMatcher(negative.rules), negative.schemaId) : null,
  };
}

/** Every message names its job: a thread is reused, and late messages of an ended job are ignored. */
export type ToThread =
  | { job: number; type: 'start'; spec: ValidationJob }
  | { job: number; type: 'bytes'; chunk: Uint8Array }
  | { job: number; type: 'end' }
  /** A `rows` event has been consumed (its COPY text written): the thread may send more. */
  | { job: number; type: 'written' };

/** A ValidationEvent as it crosses between threads: the report of the `end` as plain data. */
export type SentEvent = Exclude<ValidationEvent, { type: 'end' }> | { type: 'end'; result: Omit<Extract<ValidationEvent, { type: 'end' }>['result'], 'report'> & { report: ReportState } };

export type FromThread =
  /** A chunk of bytes was taken by the reader: the sender may send more. */
  | { job: number; type: 'taken'; bytes: number }
  | { job: number; type: 'event'; event: SentEvent }
  | { job: number; type: 'failed'; message: string };

export function toSent(event: ValidationEvent): SentEvent {
  return event.type === 'end' ? { type: 'end', result: { ...event.result, report: event.result.report.state() } } : event;
}

export function fromSent(event: SentEvent): ValidationEvent {
  return event.type === 'end' ? { type: 'end', result: { ...event.result, report: ReportBuilder.fromState(event.result.report) } } : event;
}
