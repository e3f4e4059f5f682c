import type { StorageConnection } from '@opendata/config';
import { Client } from 'minio';
import { Readable } from 'node:stream';
import { ByteRange, ListedObject, ObjectInfo, ObjectStore, PutOptions, PutResult } from './object-store';

export interface MinioStoreOptions extends StorageConnection {
  /** Multipart part size; S3 needs at least 5 MiB for every part but the last. */
  partSize?: number;
}

/** S3's smallest part: with two parts in flight, a stream costs the server at most 15 MiB of buffers. */
export const DEFAULT_PART_SIZE = 5 * 1024 * 1024;

/** Parts uploading at once; memory stays below (MAX_PARTS_IN_FLIGHT + 1) x partSize. */
const MAX_PARTS_IN_FLIGHT = 2;

interface MultipartClient {
  initiateNewMultipartUpload(bucket: string, key: string, headers: Record<string, string>): Promise<string>;
  uploadPart(
    config: { bucketName: string; objectName: string; uploadID: string; partNumber: number; headers: object },
    payload: Buffer,
  ): Promise<{ etag: string; part: number }>;
  completeMultipartUpload(
    bucket: string,
    key: string,
    uploadId: string,
    etags: Array<{ part: number; etag: string }>,
  ): Promise<{ etag: string }>;
  abortMultipartUpload(bucket: string, key: string, uploadId: string): Promise<void>;
}

/**
 * ObjectStore over the minio client. Streams are uploaded part by part through the multipart primitives
 * directly: minio's own putObject buffers whole parts of up to 528 MiB for streams of unknown size and first
 * lists pending uploads (ListMultipartUploads), which the embedded endpoint does not implement.
 */
export class MinioObjectStore implements ObjectStore {
  readonly bucket: string;
  private readonly client: Client;
  private readonly region: string;
  private readonly partSize: number;

  constructor(options: MinioStoreOptions) {
    this.bucket = options.bucket;
    this.region = options.region;
    this.partSize = Math.max(options.partSize ?? DEFAULT_PART_SIZE, 5 * 1024 * 1024);
    this.client = new Client({
      endPoint: options.endPoint,
      port: options.port,
      useSSL: options.useSSL,
      accessKey: options.accessKey,
      secretKey: options.secretKey,
      region: options.region,
      pathStyle: true,
    });
  }

  async ensureBucket(): Promise<void> {
    if (!(await this.client.bucketExists(this.bucket))) await this.client.makeBucket(this.bucket, this.region);
  }

  async put(key: string, body: Readable | Buffer, options: PutOptions = {}): Promise<PutResult> {
    const headers = this.headers(options);
    if (Buffer.isBuffer(body)) return this.putBuffer(key, body, headers);

    // Parts are filled in place in a few buffers reused for the whole stream (one filling, the others going up):
    // a buffer per part would leave hundreds of MB of garbage outside the heap for a large file.
    const free: Buffer[] = [];
    const release = (buffer: Buffer) => free.push(buffer);
    let part: Buffer = Buffer.allocUnsafeSlow(this.partSize);
    let buffered = 0;
    let total = 0;
    let upload: MultipartUpload | null = null;
    try {
      for await (const chunk of body as AsyncIterable<Buffer | string>) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        total += bytes.length;
        for (let at = 0; at < bytes.length; ) {
          const copied = bytes.copy(part, buffered, at);
          at += copied;
          buffered += copied;
          if (buffered < this.partSize) continue;
          if (!upload) {
            upload = await MultipartUpload.start(this.multipart(), this.bucket, key, headers);
            await options.onMultipartStart?.(upload.uploadId);
          }
          await upload.add(part, release);
          part = free.pop() ?? Buffer.allocUnsafeSlow(this.partSize);
          buffered = 0;
        }
      }
      if (!upload) return await this.putBuffer(key, part.subarray(0, buffered), headers);
      if (buffered > 0) await upload.add(part.subarray(0, buffered), release);
      const etag = await upload.complete();
      return { key, size: total, etag };
    } catch (error) {
      await upload?.abort();
      throw error;
    }
  }

  async abortUpload(key: string, uploadId: string): Promise<void> {
    await this.multipart().abortMultipartUpload(this.bucket, key, uploadId);
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    if (!range) return this.client.getObject(this.bucket, key);
    const length = range.end === undefined ? 0 : range.end - range.start + 1;
    return this.client.getPartialObject(this.bucket, key, range.start, length);
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    try {
      const info = await this.client.statObject(this.bucket, key);
      const metadata: Record<string, string> = {};
      let contentType = 'application/octet-stream';
      for (const [name, value] of Object.entries(info.metaData ?? {})) {
        if (name.toLowerCase() === 'content-type') contentType = String(value);
        else metadata[name.toLowerCase()] = String(value);
      }
      return { key, size: info.size, etag: info.etag, contentType, lastModified: info.lastModified, metadata };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await this.client.removeObject(this.bucket, key);
  }

  async *list(prefix: string): AsyncIterable<ListedObject> {
    const stream = this.client.listObjectsV2(this.bucket, prefix, true);
    for await (const item of stream as AsyncIterable<{ name?: string; size: number; lastModified: Date }>) {
      if (item.name) yield { key: item.name, size: item.size, lastModified: item.lastModified };
    }
  }

  presignedGet(key: string, expirySeconds: number, responseHeaders?: Record<string, string>): Promise<string> {
    return this.client.presignedGetObject(this.bucket, key, expirySeconds, responseHeaders);
  }

  async ping(): Promise<void> {
    if (!(await this.client.bucketExists(this.bucket))) throw new Error(`bucket ${this.bucket} does not exist`);
  }

  private async putBuffer(key: string, body: Buffer, headers: Record<string, string>): Promise<PutResult> {
    const result = await this.client.putObject(this.bucket, key, body, body.length, headers);
    return { key, size: body.length, etag: result.etag };
  }

  private headers(options: PutOptions): Record<string, string> {
    const headers: Record<string, string> = { 'Content-Type': options.contentType ?? 'application/octet-stream' };
    for (const [name, value] of Object.entries(options.metadata ?? {})) headers[`x-amz-meta-${name}`] = value;
    return headers;
  }

  private multipart(): MultipartClient {
    return this.client as unknown as MultipartClient;
  }
}

/** One multipart upload: parts go up in order, at most MAX_PARTS_IN_FLIGHT at a time. */
class MultipartUpload {
  private readonly etags: Array<{ part: number; etag: string }> = [];
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown = null;
  private nextPart = 1;

  private constructor(
    private readonly client: MultipartClient,
    private readonly bucket: string,
    private readonly key: string,
    readonly uploadId: string,
  ) {}

  static async start(client: MultipartClient, bucket: string, key: string, headers: Record<string, string>) {
    const uploadId = await client.initiateNewMultipartUpload(bucket, key, headers);
    return new MultipartUpload(client, bucket, key, uploadId);
  }

  /** Starts sending a part; `release` gets its buffer back once the part is stored (or failed). */
  async add(part: Buffer, release: (buffer: Buffer) => void): Promise<void> {
    while (this.inFlight.size >= MAX_PARTS_IN_FLIGHT) await Promise.race(this.inFlight);
    this.throwIfFailed();
    const partNumber = this.nextPart++;
    const task = this.client
      .uploadPart(
        { bucketName: this.bucket, objectName: this.key, uploadID: this.uploadId, partNumber, headers: {} },
        part,
      )
      .then((result) => {
        this.etags.push({ part: partNumber, etag: result.etag });
      })
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => {
        this.inFlight.delete(task);
        release(part);
      });
    this.inFlight.add(task);
  }

  async complete(): Promise<string> {
    await Promise.all(this.inFlight);
    this.throwIfFailed();
    this.etags.sort((a, b) => a.part - b.part);
    const result = await this.client.completeMultipartUpload(this.bucket, this.key, this.uploadId, this.etags);
    return result.etag;
  }

  async abort(): Promise<void> {
    await Promise.allSettled(this.inFlight);
    await this.client.abortMultipartUpload(this.bucket, this.key, this.uploadId).catch(() => undefined);
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'NotFound' || code === 'NoSuchKey' || code === 'NoSuchBucket';
}
