import { CsvTokenizer } from './csv-tokenizer';

export interface CsvDialect {
  delimiter: string;
  quote: string;
  /** Equal to `quote` when quotes are escaped by doubling them only. */
  escape: string;
  /** From the sample; 'mixed' when more than one kind ends its records. */
  lineEnding: 'lf' | 'crlf' | 'cr' | 'mixed';
  /** Every delimiter in the sample is followed by a space (`a, b`): those spaces are not data. */
  skipInitialSpace: boolean;
}

export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'];

/** Records of the sample looked at: enough to see a pattern, few enough to stay fast. */
const SNIFF_RECORDS = 200;

interface Candidate {
  delimiter: string;
  rows: string[][];
  tokenizer: CsvTokenizer;
}

/**
 * Chooses the dialect from the first part of the text. For each candidate delimiter the sample is
 * tokenized (quotes respected) and the delimiter whose records most often share one field count (of at
 * least two) wins; ties go to the earlier candidate, comma first. A single-column file reads as comma.
 */
export function sniffDialect(sample: string, complete: boolean, options: { delimiter?: string; escapeChar?: string } = {}): CsvDialect {
  const quote = '"';
  const escape = options.escapeChar || quote;
  const delimiters = options.delimiter ? [options.delimiter] : DELIMITER_CANDIDATES;
  const candidates = delimiters.map((delimiter) => tokenizeSample(sample, complete, { delimiter, quote, escape }));
  let best = candidates[0];
  let bestScore = -1;
  for (const candidate of candidates) {
    const score = consistency(candidate.rows);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return {
    delimiter: best.delimiter,
    quote,
    escape,
    lineEnding: lineEnding(best.tokenizer),
    skipInitialSpace: spacesAfterDelimiters(best.rows),
  };
}

function tokenizeSample(sample: string, complete: boolean, dialect: { delimiter: string; quote: string; escape: string }): Candidate {
  const tokenizer = new CsvTokenizer({ ...dialect, skipInitialSpace: false });
  const rows: string[][] = [];
  try {
    tokenizer.push(sample, rows);
    if (complete) tokenizer.end(rows);
  } catch {
    // An unclosed quote in the sample: judge by the records before it; reading will report it.
  }
  return { delimiter: dialect.delimiter, rows: rows.slice(0, SNIFF_RECORDS), tokenizer };
}

/** Share of non-empty records having the most common field count; 0 when that count is below two. */
function consistency(rows: string[][]): number {
  const counts = new Map<number, number>();
  let total = 0;
  for (const row of rows) {
    if (row.length === 0) continue;
    counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    total++;
  }
  let modeWidth = 0;
  let modeCount = 0;
  for (const [width, count] of counts) {
    if (count > modeCount || (count === modeCount && width > modeWidth)) {
      modeWidth = width;
      modeCount = count;
    }
  }
  return modeWidth < 2 ? 0 : modeCount / total;
}

function lineEnding(tokenizer: CsvTokenizer): CsvDialect['lineEnding'] {
  const { lf, crlf, cr } = tokenizer.lineEndings;
  const kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  if (kinds > 1) return 'mixed';
  if (crlf > 0) return 'crlf';
  if (cr > 0) return 'cr';
  return 'lf';
}

/** Like Python's sniffer: spaces after every delimiter (`1, "a, b"`) mean skipinitialspace. */
function spacesAfterDelimiters(rows: string[][]): boolean {
  let seen = 0;
  for (const row of rows) {
    for (let i = 1; i < row.length; i++) {
      if (row[i].charCodeAt(0) !== 32) return false;
      seen++;
    }
  }
  return seen > 0;
}
