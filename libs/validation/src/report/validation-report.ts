/**
 * Validation reports, in the shape of DESIGN.md: Frictionless error type names, row numbers counting the header
 * as row 1, at most 1000 listed errors while the counts stay exact.
 */
export const ERROR_TYPES = [
  // source
  'encoding-error',
  'format-error',
  'source-error',
  // header
  'blank-label',
  'duplicate-label',
  'missing-label',
  'extra-label',
  'incorrect-label',
  // row
  'blank-row',
  'duplicate-row',
  'primary-key',
  'row-constraint',
  // cell
  'extra-cell',
  'missing-cell',
  'type-error',
  'constraint-error',
  'unique-error',
  // personal data found in a cell (blocks publication)
  'personal-data',
  // a column, term, pattern or data category on the negative list (负面清单; blocks publication)
  'negative-list',
] as const;
export type ErrorType = (typeof ERROR_TYPES)[number];

export interface ReportError {
  type: ErrorType;
  /** 1 = the header row; absent for header and source errors. */
  rowNumber?: number;
  /** 1-based; absent for whole-row errors. */
  fieldNumber?: number;
  fieldName?: string;
  message: string;
  cell?: string;
}

export interface ValidationReport {
  valid: boolean;
  /** Data rows read (the header not counted). */
  rowCount: number;
  errorCount: number;
  encoding: string | null;
  format: string | null;
  schemaId: string | null;
  stats: Partial<Record<ErrorType, number>>;
  errors: ReportError[];
  /** True when more errors were found than listed. */
  truncated: boolean;
  /** Things the reader should know that are not errors (e.g. a check done on part of the file only). */
  notes: string[];
  byteSize: number;
  sha256: string | null;
  durationMs: number;
}

export const MAX_LISTED_ERRORS = 1000;
