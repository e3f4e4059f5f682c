import { ErrorType, MAX_LISTED_ERRORS, ReportError, ValidationReport } from './validation-report';

/** What a builder has collected, as plain data: it crosses from a validation thread to the thread that publishes. */
export interface ReportState {
  listed: ReportError[];
  stats: Partial<Record<ErrorType, number>>;
  notes: string[];
  count: number;
}

const order = (e: ReportError): number => (e.rowNumber ?? 0) * 100_000 + (e.fieldNumber ?? 0);

/**
 * Collects errors while a table streams past: exact counts by type, and the first 1000 errors in row order
 * (errors found later but in earlier rows, such as duplicate keys found by the database, displace later ones).
 */
export class ReportBuilder {
  private readonly listed: ReportError[] = [];
  private readonly stats: Partial<Record<ErrorType, number>> = {};
  private readonly notes: string[] = [];
  private count = 0;

  static fromState(state: ReportState): ReportBuilder {
    const builder = new ReportBuilder();
    builder.listed.push(...state.listed);
    Object.assign(builder.stats, state.stats);
    builder.notes.push(...state.notes);
    builder.count = state.count;
    return builder;
  }

  state(): ReportState {
    return { listed: [...this.listed], stats: { ...this.stats }, notes: [...this.notes], count: this.count };
  }

  get errorCount(): number {
    return this.count;
  }

  countOf(type: ErrorType): number {
    return this.stats[type] ?? 0;
  }

  add(error: ReportError): void {
    this.count++;
    this.stats[error.type] = (this.stats[error.type] ?? 0) + 1;
    if (this.listed.length < MAX_LISTED_ERRORS) {
      this.listed.push(error);
      return;
    }
    let last = 0;
    for (let i = 1; i < this.listed.length; i++) if (order(this.listed[i]) > order(this.listed[last])) last = i;
    if (order(error) < order(this.listed[last])) this.listed[last] = error;
  }

  addNote(note: string): void {
    if (!this.notes.includes(note)) this.notes.push(note);
  }

  /** Counts errors that are not listed (found in bulk, beyond the listing limit). */
  addUnlisted(type: ErrorType, count: number): void {
    this.count += count;
    this.stats[type] = (this.stats[type] ?? 0) + count;
  }

  build(summary: Omit<ValidationReport, 'valid' | 'errorCount' | 'stats' | 'errors' | 'truncated' | 'notes'>): ValidationReport {
    const errors = [...this.listed].sort((a, b) => order(a) - order(b));
    return {
      valid: this.count === 0,
      ...summary,
      errorCount: this.count,
      stats: { ...this.stats },
      errors,
      truncated: this.count > errors.length,
      notes: [...this.notes],
    };
  }
}
