import { createReadStream, readFileSync } from 'node:fs';
import { CellValue } from '../../libs/validation/src/check/cell-readers';
import { readTable } from '../../libs/validation/src/read';
import { ReportError, ValidationReport } from '../../libs/validation/src/report/validation-report';
import { TableSchema } from '../../libs/validation/src/schema/table-schema';
import { TableValidation, ValidateTableOptions, tableEvents } from '../../libs/validation/src/validate-table';

/** An error as the peers' tests state it: row (header = 1, '-' for none), field (1-based, '-' for none), type. */
export type ErrorTriple = string;

export function triple(e: Pick<ReportError, 'type' | 'rowNumber' | 'fieldNumber'>): ErrorTriple {
  return `${e.rowNumber ?? '-'},${e.fieldNumber ?? '-'} ${e.type}`;
}

export interface RunResult {
  report: ValidationReport;
  /** Every error, in the report's order (row, then field). */
  triples: ErrorTriple[];
  /** Rows that passed, as read values in schema field order. */
  accepted: Array<Array<CellValue | null>>;
}

export type RunOptions = Partial<Omit<ValidateTableOptions, 'report' | 'acceptedRows'>> & { schema?: TableSchema | null };

/** Validates a file the way an upload is validated (streamed from disk), keys checked in memory. */
export async function runTable(path: string, options: RunOptions = {}): Promise<RunResult> {
  const accepted: Array<Array<CellValue | null>> = [];
  const events = tableEvents(createReadStream(path), { keys: 'memory', fileName: path, ...options, schema: options.schema ?? null, acceptedRows: true });
  let validation: TableValidation | null = null;
  for await (const event of events) {
    if (event.type === 'rows') {
      for (let i = 0; i < event.accepted!.count; i++) accepted.push([...event.accepted!.valuesOf(i, [])]);
    } else if (event.type === 'end') validation = event.validation;
  }
  const { report, rowCount, encoding, format } = validation!;
  const built = report.build({ rowCount, encoding, format, schemaId: options.schema?.id ?? null, byteSize: 0, sha256: null, durationMs: 0 });
  return { report: built, triples: built.errors.map(triple), accepted };
}

/** The rows as the reader gives them (header first), for the fixtures whose expected result is their content. */
export async function readRows(path: string, options: { encoding?: string; delimiter?: string; escapeChar?: string } = {}): Promise<string[][]> {
  const table = readTable(createReadStream(path), { format: 'csv', ...options });
  const rows: string[][] = [];
  for await (const batch of table.batches) rows.push(...batch.rows);
  return rows;
}

export const readJsonFile = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8'));
