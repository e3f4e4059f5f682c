/**
 * The HTTP details of sending a file (RFC 9110 ranges and validators, RFC 6266/8187 file names), kept apart
 * from the controller so they can be tested on their own.
 */

export type RangeRequest =
  | { kind: 'full' }
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable' };

/**
 * Reads a `Range` header against a file of `size` bytes. Only single byte ranges are served; anything else
 * (other units, several ranges, bad syntax) is ignored and the whole file is sent, as RFC 9110 allows.
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (!header) return { kind: 'full' };
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'full' };
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? Infinity : Number(match[2]);
  if (end < start) return { kind: 'full' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}

/** A strong entity tag from the file's SHA-256: equal bytes, equal tag, on every replica. */
export function entityTag(sha256: string): string {
  return `"${sha256}"`;
}

/** `If-None-Match` uses weak comparison: W/"x" matches "x"; `*` matches any existing file. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * `If-Range`: the range applies only if the client's copy is still current (strong comparison for tags; an
 * HTTP date must equal Last-Modified exactly).
 */
export function rangeStillValid(header: string | undefined, etag: string, lastModified: string): boolean {
  if (!header) return true;
  const value = header.trim();
  if (value.startsWith('"') || value.startsWith('W/')) return value === etag;
  return value === lastModified;
}

/**
 * `attachment` with the name twice: a plain ASCII fallback for old clients and the exact UTF-8 name as
 * `filename*` (RFC 8187), which browsers and curl prefer; Chinese file names survive this way.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'download';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Text files are sent in the encoding they were uploaded in (often GB18030), so say which. */
export function contentType(mediaType: string, encoding: string | null): string {
  if (!encoding || !/^text\/|\+?json$|\/csv$/i.test(mediaType) || /charset=/i.test(mediaType)) return mediaType;
  return `${mediaType}; charset=${encoding}`;
}
