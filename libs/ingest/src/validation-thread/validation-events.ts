import { CopyText, copyFieldOrder } from '@opendata/datastore';
import { CellValue, NegativeListInspector, NegativeListMatcher, NegativeRule, TableSchema, TableValidation, ValidateTableOptions, tableEvents } from '@opendata/validation';

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

/** The validation's options for a job, on whichever thread runs it. */
function tableOptions(job: ValidationJob): ValidateTableOptions {
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

/**
 * What validating an upload yields, in this order, on whichever thread it runs: the COPY `layout` once the header
 * is read (the schema field of each COPY column after `_row`, see copyFieldOrder), the valid rows as COPY text
 * (`rows`, CopyText's format; only for a job that copies), and at the `end` the validation.
 */
export type ValidationEvent =
  | { type: 'layout'; fieldOrder: number[] }
  | { type: 'rows'; text: string; rows: number }
  | { type: 'end'; result: TableValidation };

/**
 * Reads and checks the bytes of a job and formats the rows that passed as COPY text: a text per batch of rows
 * read, cut in pieces of at most `rowsPerText` rows.
 */
export async function* validationEvents(bytes: AsyncIterable<Buffer>, job: ValidationJob, rowsPerText = Infinity): AsyncGenerator<ValidationEvent, void, undefined> {
  let text = new CopyText([]);
  const values: Array<CellValue | null> = [];
  for await (const event of tableEvents(bytes, tableOptions(job))) {
    if (event.type === 'layout') {
      const fieldOrder = copyFieldOrder(event.fieldColumns);
      text = new CopyText(fieldOrder);
      yield { type: 'layout', fieldOrder };
    } else if (event.type === 'rows') {
      const accepted = event.accepted;
      if (!accepted) continue;
      for (let i = 0; i < accepted.count; i++) {
        const line = accepted.lines[i];
        // A row with its line as written is passed through: its values are not read.
        text.row(accepted.rowNumbers[i], line === null ? accepted.valuesOf(i, values) : values, line);
        if (text.pending >= rowsPerText) yield rowsOf(text);
      }
      if (text.pending > 0) yield rowsOf(text);
    } else {
      yield { type: 'end', result: event.validation };
    }
  }
}

function rowsOf(text: CopyText): ValidationEvent {
  const rows = text.pending;
  return { type: 'rows', text: text.take(), rows };
}
