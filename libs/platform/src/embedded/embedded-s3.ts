import type { StorageConnection } from '@opendata/config';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ServiceLog } from './service-log';

export interface EmbeddedS3Options {
  directory: string;
  bucket: string;
  accessKey: string;
  secretKey: string;
  port?: number;
}

export interface EmbeddedS3Handle extends Pick<StorageConnection, 'endPoint' | 'port' | 'accessKey' | 'secretKey'> {
  stop(): Promise<void>;
}

interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
  /** Koa's middleware list, composed when the server starts listening. */
  middleware: KoaMiddleware[];
}

type KoaMiddleware = (ctx: { method: string; path: string; query: Record<string, unknown>; status: number }, next: () => Promise<void>) => Promise<void>;

/**
 * AbortMultipartUpload (DELETE /bucket/key?uploadId=...), which the endpoint lacks: without it the parts of an
 * abandoned upload would stay on disk for ever. It keeps parts under <bucket>/._S3rver_uploads/<uploadId>/.
 */
function abortMultipart(directory: string): KoaMiddleware {
  return async (ctx, next) => {
    const uploadId = ctx.query.uploadId;
    const bucket = /^\/([^/]+)\/./.exec(ctx.path)?.[1];
    if (ctx.method !== 'DELETE' || typeof uploadId !== 'string' || !bucket) return next();
    if (!/^[0-9a-f]{8,64}$/.test(uploadId) || !/^[a-z0-9.-]{3,63}$/.test(bucket)) {
      ctx.status = 400;
      return;
    }
    await rm(join(directory, bucket, '._S3rver_uploads', uploadId), { recursive: true, force: true });
    ctx.status = 204;
  };
}

/**
 * Runs the `@20minutes/s3rver` endpoint in this process, on loopback only. It accepts any unsigned GET, so it
 * must never listen beyond 127.0.0.1. Its built-in demo key pair is replaced by the given credentials.
 */
export async function runS3rver(options: EmbeddedS3Options): Promise<{ port: number; close(): Promise<void> }> {
  await mkdir(options.directory, { recursive: true });
  /* eslint-disable @typescript-eslint/no-require-imports -- CommonJS-only package without type declarations */
  const S3rver = require('@20minutes/s3rver') as new (options: object) => S3rverInstance;
  const { DUMMY_ACCOUNT } = require('@20minutes/s3rver/lib/models/account') as {
    DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void; revokeAccessKey(id: string): void };
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  DUMMY_ACCOUNT.revokeAccessKey('S3RVER');
  DUMMY_ACCOUNT.createKeyPair(options.accessKey, options.secretKey);
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory: options.directory,
    vhostBuckets: false,
    configureBuckets: [{ name: options.bucket }],
  });
  server.middleware.unshift(abortMultipart(options.directory));
  const address = await server.run();
  return { port: address.port, close: () => server.close() };
}

/**
 * Starts the embedded S3 endpoint in a child process, so that its request handling and disk writes run beside
 * the API's event loop rather than on it. The child exits when this process goes away, even by SIGKILL.
 */
export async function startEmbeddedS3(
  options: Omit<EmbeddedS3Options, 'accessKey' | 'secretKey'>,
  log: ServiceLog,
): Promise<EmbeddedS3Handle> {
  const accessKey = `embedded-${randomBytes(6).toString('hex')}`;
  const secretKey = randomBytes(24).toString('base64url');
  const child = fork(require.resolve('./s3rver-process'), [], {
    env: { ...process.env, S3RVER_OPTIONS: JSON.stringify({ ...options, accessKey, secretKey }) },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // Run from TypeScript sources (scripts under -r @swc-node/register), the child needs the same loader.
    execArgv: __filename.endsWith('.ts') ? process.execArgv : [],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-2000);
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port?: number; error?: string }) =>
      message.port ? resolve(message.port) : reject(new Error(`embedded S3 endpoint failed: ${message.error}`)),
    );
    child.once('exit', (code) =>
      reject(new Error(`embedded S3 endpoint exited with code ${code}: ${stderr.trim() || 'no output'}`)),
    );
  });
  log.log(`Embedded S3 endpoint listening on 127.0.0.1:${port}`);
  return {
    endPoint: '127.0.0.1',
    port,
    accessKey,
    secretKey,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
