import { ReportBuilder, ReportState } from '@opendata/validation';
import { ValidationEvent, ValidationJob } from './validation-events';

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
