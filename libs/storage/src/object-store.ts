import { Readable } from 'node:stream';

export interface PutOptions {
  contentType?: string;
  /** Stored as x-amz-meta-*; values must be ASCII (encode anything else). */
  metadata?: Record<string, string>;
  /**
   * Called with the multipart upload id when a streamed body turns out large enough to need one, before any
   * part goes up: the caller records it so that, should the process die mid-way, a cleanup can abort it.
   */
  onMultipartStart?: (uploadId: string) => Promise<void>;
}

export interface PutResult {
  key: string;
  size: number;
  etag: string;
}

export interface ObjectInfo {
  key: string;
  size: number;
  etag: string;
  contentType: string;
  lastModified: Date;
  metadata: Record<string, string>;
}

/** An inclusive byte range, as in HTTP `Range: bytes=start-end`; `end` omitted means to the end. */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface ListedObject {
  key: string;
  size: number;
  lastModified: Date;
}

/**
 * The object store as the platform needs it. Production uses MinIO, the default the embedded S3 endpoint; both
 * through MinioObjectStore. Tests of other parts may substitute a fake; tests of storage use the real endpoint.
 */
export interface ObjectStore {
  readonly bucket: string;
  ensureBucket(): Promise<void>;
  /** Streams `body` of any size with bounded memory (a few parts at most). */
  put(key: string, body: Readable | Buffer, options?: PutOptions): Promise<PutResult>;
  get(key: string, range?: ByteRange): Promise<Readable>;
  stat(key: string): Promise<ObjectInfo | null>;
  remove(key: string): Promise<void>;
  list(prefix: string): AsyncIterable<ListedObject>;
  presignedGet(key: string, expirySeconds: number, responseHeaders?: Record<string, string>): Promise<string>;
  /** Aborts a multipart upload left behind by a process that died (its parts are deleted). */
  abortUpload(key: string, uploadId: string): Promise<void>;
  /** Resolves when the store answers; rejects otherwise (health checks). */
  ping(): Promise<void>;
}

export const OBJECT_STORE = Symbol('OBJECT_STORE');
