import { NegativeListInspector, NegativeListMatcher, NegativeRule, ReportState, TableFormat, TableSchema, ValidateTableOptions } from '@opendata/validation';

/** What a validation thread needs to check one upload: plain data, copied to the thread. */
export interface ValidationJob {
  schema: TableSchema | null;
  fileName: string | null;
  contentType: string | null;
  encoding: string | null;
  delimiter: string | null;
  keys: 'memory' | 'external';
  /** The negative list to apply as rows stream past (NegativeListInspector), or null when it is empty. */
  negativeList: { rules: NegativeRule[]; schemaId: string | null } | null;
}

/** validateTable's options for a job, on whichever thread runs it. */
export function tableOptions(spec: ValidationJob): ValidateTableOptions {
  const negative = spec.negativeList;
  return {
    schema: spec.schema,
    fileName: spec.fileName,
    contentType: spec.contentType,
    encoding: spec.encoding,
    delimiter: spec.delimiter,
    keys: spec.keys,
    inspector: negative ? new NegativeListInspector(new NegativeListMatcher(negative.rules), negative.schemaId) : null,
  };
}

/** Every message names its job: a thread is reused, and late messages of an ended job are ignored. */
export type ToThread =
  /** `copy`: send the valid rows back as COPY text (CopyText) for a row table. */
  | { job: number; type: 'start'; spec: ValidationJob; copy: boolean }
  | { job: number; type: 'bytes'; chunk: Uint8Array }
  | { job: number; type: 'end' }
  /** The COPY text of one `rows` message has been written: the thread may send more. */
  | { job: number; type: 'written' };

export interface ThreadResult {
  report: ReportState;
  format: TableFormat;
  encoding: string | null;
  rowCount: number;
  fieldColumns: number[];
}

export type FromThread =
  /** A chunk of bytes was taken by the reader: the sender may send more. */
  | { job: number; type: 'taken'; bytes: number }
  /** Sent once the header is read, before any rows: the schema field of each COPY column (copyFieldOrder). */
  | { job: number; type: 'layout'; fieldOrder: number[] }
  | { job: number; type: 'rows'; text: string; rows: number }
  | { job: number; type: 'done'; result: ThreadResult }
  | { job: number; type: 'failed'; message: string };
