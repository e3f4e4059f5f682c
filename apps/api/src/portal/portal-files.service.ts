import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { stat, readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

export type ContentEncoding = 'br' | 'gzip';

/** One asset representation to send: a file to stream, or compressed bytes held in memory. */
export interface AssetFile {
  contentType: string;
  encoding: ContentEncoding | null;
  etag: string;
  size: number;
  /** Stream this file, or send `body`. */
  path: string | null;
  body: Buffer | null;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Types worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.map', '.svg', '.txt', '.wasm', '.webmanifest', '.ico']);

/** Assets compressed here (when the build wrote no .br/.gz sibling) are kept, up to this many bytes in all. */
const COMPRESSED_CACHE_BYTES = 32 * 1024 * 1024;
/** Larger files are sent as they are rather than compressed in memory. */
const COMPRESS_MAX_BYTES = 8 * 1024 * 1024;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * The built portal on disk (PORTAL_DIR, by default dist/portal): its two HTML pages, re-read when the build
 * changes them, and its hashed assets, sent in the best encoding the client accepts: the build's .br or .gz
 * sibling when there is one, else compressed here once and kept (bounded).
 */
@Injectable()
export class PortalFilesService {
  private readonly dir: string;
  private readonly pages = new Map<string, { mtimeMs: number; html: string }>();
  private readonly compressed = new Map<string, Buffer>();
  private readonly compressing = new Map<string, Promise<Buffer>>();
  private compressedBytes = 0;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.dir = resolve(config.portalDir);
  }

  /** index.html or explorer.html as built; null when the portal has not been built. */
  async page(name: 'index.html' | 'explorer.html'): Promise<string | null> {
    const path = join(this.dir, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    const cached = this.pages.get(name);
    if (cached && cached.mtimeMs === info.mtimeMs) return cached.html;
    const html = await readFile(path, 'utf8');
    this.pages.set(name, { mtimeMs: info.mtimeMs, html });
    return html;
  }

  /** A file under assets/, by its path segments; null when there is none (or the path leaves the folder). */
  async asset(segments: readonly string[], acceptEncoding: string | undefined): Promise<AssetFile | null> {
    const root = join(this.dir, 'assets');
    if (!segments.length || segments.some((s) => !s || s === '.' || s === '..' || /[\\\0]/.test(s))) return null;
    const path = resolve(root, ...segments);
    if (!path.startsWith(root + sep)) return null;
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    const ext = extname(path).toLowerCase();
    const contentType = TYPES[ext] ?? 'application/octet-stream';
    const plain: AssetFile = { contentType, encoding: null, etag: etagOf(info.size, info.mtimeMs, null), size: info.size, path, body: null };
    if (!COMPRESSIBLE.has(ext)) return plain;
    for (const encoding of acceptedEncodings(acceptEncoding)) {
      const sibling = `${path}${encoding === 'br' ? '.br' : '.gz'}`;
      const prebuilt = await stat(sibling).catch(() => null);
      if (prebuilt?.isFile()) return { ...plain, encoding, etag: etagOf(prebuilt.size, prebuilt.mtimeMs, encoding), size: prebuilt.size, path: sibling };
    }
    const [encoding] = acceptedEncodings(acceptEncoding);
    if (!encoding || info.size > COMPRESS_MAX_BYTES) return plain;
    const body = await this.compress(path, info.mtimeMs, encoding);
    return { ...plain, encoding, etag: etagOf(info.size, info.mtimeMs, encoding), size: body.length, path: null, body };
  }

  /** Compresses a file once per build of it; the least recently used results go past the cache's size. */
  private compress(path: string, mtimeMs: number, encoding: ContentEncoding): Promise<Buffer> {
    const key = `${encoding}:${mtimeMs}:${path}`;
    const hit = this.compressed.get(key);
    if (hit) {
      this.compressed.delete(key);
      this.compressed.set(key, hit);
      return Promise.resolve(hit);
    }
    let work = this.compressing.get(key);
    if (!work) {
      work = readFile(path)
        .then((bytes) =>
          encoding === 'br'
            ? brotli(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
            : gzipped(bytes, { level: 9 }),
        )
        .finally(() => this.compressing.delete(key));
      this.compressing.set(key, work);
      work.then((body) => this.keep(key, body), () => undefined);
    }
    return work;
  }

  private keep(key: string, body: Buffer): void {
    this.compressed.set(key, body);
    this.compressedBytes += body.length;
    for (const [oldKey, old] of this.compressed) {
      if (this.compressedBytes <= COMPRESSED_CACHE_BYTES || oldKey === key) break;
      this.compressed.delete(oldKey);
      this.compressedBytes -= old.length;
    }
  }
}

/** Brotli first, then gzip, among those the client accepts (a q of 0 refuses; `*` accepts both). */
export function acceptedEncodings(header: string | undefined): ContentEncoding[] {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name, qParam ? Number(qParam.slice(2)) || 0 : 1);
  }
  const accepted = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).filter(accepted);
}

function etagOf(size: number, mtimeMs: number, encoding: ContentEncoding | null): string {
  return `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;
}
