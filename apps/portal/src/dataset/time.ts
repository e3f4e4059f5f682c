/**
 * Times in rows as China Standard Time wall clocks. The API writes datetimes with their offset
 * ("2026-09-01T00:00:00+08:00"), older answers and some standards' own text without one ("2026-09-01T08:00:00",
 * "2026-09-01 08:00"). China has kept UTC+8 all year since 1991, so a fixed offset converts exactly.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const TIME = /^(\d{4})-(\d{2})-(\d{2})(?:([ T])(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Milliseconds of a time read as a wall clock in China (the time's own zone respected), or undefined. */
export function parseTime(value: string): number | undefined {
  const match = TIME.exec(value);
  if (!match) return undefined;
  if (match[8]) {
    const instant = Date.parse(value.replace(' ', 'T'));
    return Number.isNaN(instant) ? undefined : instant + CHINA_OFFSET_MS;
  }
  return Date.UTC(+match[1], +match[2] - 1, +match[3], +(match[5] ?? 0), +(match[6] ?? 0), +(match[7] ?? 0));
}

/** "2026-09-01 08:00" in China time for any datetime text; other text unchanged. */
export function wallClock(value: string): string {
  const match = TIME.exec(value);
  if (!match || !match[4]) return value;
  const time = parseTime(value);
  if (time === undefined) return value;
  const iso = new Date(time).toISOString();
  const seconds = iso.slice(17, 19);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds === '00' ? '' : `:${seconds}`}`;
}

/** A wall-clock time (parseTime's milliseconds) written the way `example` is, so the API compares like with like. */
export function formatLike(example: string, time: number): string | undefined {
  const match = TIME.exec(example);
  if (!match) return undefined;
  const iso = new Date(time).toISOString();
  if (!match[4]) return iso.slice(0, 10);
  const clock = `${iso.slice(0, 10)}${match[4]}${iso.slice(11, 16)}${match[7] !== undefined ? iso.slice(16, 19) : ''}`;
  return match[8] ? `${clock}+08:00` : clock;
}
