/**
 * CSV text for the demo files: UTF-8 string, header first, LF line ends, no BOM, RFC 4180 quoting only where a
 * cell needs it (a primary pollutant list such as "PM10,PM2.5" does).
 */

export type Cell = string | number | null | undefined;

function quote(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const lines = [header, ...rows].map((row) => row.map(quote).join(','));
  return `${lines.join('\n')}\n`;
}

/** Fixed decimals without a negative zero ("-0.0") sneaking in. */
export function fixed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return Number(text) === 0 ? (0).toFixed(decimals) : text;
}

/** "YYYY-MM-DD HH:00" for an hour counted from a UTC-based wall-clock start (time zones play no part). */
export function formatHour(startUtcMs: number, hourOffset: number): string {
  const date = new Date(startUtcMs + hourOffset * 3_600_000);
  return `${date.toISOString().slice(0, 13).replace('T', ' ')}:00`;
}
