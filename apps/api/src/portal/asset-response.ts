import { Request, Response } from 'express';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { AssetFile } from './portal-files.service';

/** Asset names carry a hash of their content: a name never changes meaning, so caches may keep it for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Sends one representation of an asset: 304 when the client has it, the body streamed from disk otherwise. */
export async function sendAsset(req: Request, res: Response, file: AssetFile): Promise<void> {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Cache-Control', IMMUTABLE);
  res.setHeader('ETag', file.etag);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (file.encoding) res.setHeader('Content-Encoding', file.encoding);
  if (matches(req.headers['if-none-match'], file.etag)) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Length', String(file.size));
  res.status(200);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  if (file.body) {
    res.end(file.body);
    return;
  }
  await pipeline(createReadStream(file.path!), res).catch(() => res.destroy());
}
