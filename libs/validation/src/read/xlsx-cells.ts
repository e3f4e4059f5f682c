/**
 * Spreadsheet cell values as the text a CSV export would hold, so one validator reads every format.
 * Written against the value shapes exceljs produces (number, string, boolean, Date, rich text, formula,
 * hyperlink, error), without importing its types so the formatting can be tested on its own.
 */

export interface CellLike {
  value: unknown;
  numFmt?: string;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function xlsxCellText(cell: CellLike): string {
  return valueText(cell.value, cell.numFmt);
}

function valueText(value: unknown, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return isDateFormat(numFmt) ? dateText(serialToDate(value), numFmt) : numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value, numFmt);
  return objectText(value as Record<string, unknown>, numFmt);
}

function objectText(value: Record<string, unknown>, numFmt: string | undefined): string {
  if (Array.isArray(value.richText)) return richText(value.richText);
  // A formula counts for the result Excel saved with it (a shared formula's followers have no text of their own).
  if ('formula' in value || 'sharedFormula' in value) return valueText(value.result, numFmt);
  if ('error' in value) return String(value.error);
  if ('text' in value) return valueText(value.text, numFmt);
  return JSON.stringify(value);
}

function richText(runs: unknown[]): string {
  return runs.map((run) => String((run as { text?: unknown }).text ?? '')).join('');
}

/**
 * Excel keeps 15 significant digits and shows no more; rounding there drops binary noise a formula left
 * (0.30000000000000004 reads 0.3) while a value stored clean prints as stored.
 */
export function numberText(value: number): string {
  if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(15)));
}

/** A workbook has a handful of number formats and a sheet millions of cells: work each format out once. */
const tokenCache = new Map<string, string>();

/** Date and time tokens left once literals, colours and conditions are removed from a number format. */
function formatTokens(numFmt: string | undefined): string {
  if (!numFmt) return '';
  let tokens = tokenCache.get(numFmt);
  if (tokens === undefined) {
    tokens = numFmt
      .replace(/\[[^\]]*]/g, '')
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, '')
      .replace(/[^ymdhs]/gi, '')
      .toLowerCase();
    if (tokenCache.size > 1000) tokenCache.clear();
    tokenCache.set(numFmt, tokens);
  }
  return tokens;
}

export function isDateFormat(numFmt: string | undefined): boolean {
  return formatTokens(numFmt).length > 0;
}

function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * DAY_MS));
}

/**
 * exceljs gives a date as the UTC instant that spells the cell's wall-clock time. Time-only formats give
 * HH:mm:ss, date-only ones YYYY-MM-DD; otherwise the time is shown when there is one.
 */
export function dateText(date: Date, numFmt?: string): string {
  const ms = Math.round(date.getTime() / 1000) * 1000;
  const d = new Date(ms);
  const tokens = formatTokens(numFmt);
  const hasDate = /[yd]/.test(tokens) || (tokens.includes('m') && !/[hs]/.test(tokens));
  const hasTime = /[hs]/.test(tokens);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (hasTime && !hasDate && ms < EXCEL_EPOCH_MS + DAY_MS) return time;
  if (hasDate && !hasTime) return day;
  return ms % DAY_MS === 0 && !hasTime ? day : `${day} ${time}`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
