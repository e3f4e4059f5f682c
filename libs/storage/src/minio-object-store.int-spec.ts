import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { testStorage } from '../../../test/support/test-services';
import { MinioObjectStore } from './minio-object-store';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A stream of `size` pseudo-random bytes produced 64 KiB at a time, never held whole in memory. */
function generated(size: number, seed: number): { stream: Readable; sha256: () => string } {
  const hash = createHash('sha256');
  let produced = 0;
  let state = seed;
  const stream = new Readable({
    read() {
      if (produced >= size) return this.push(null);
      const n = Math.min(65536, size - produced);
      const chunk = Buffer.allocUnsafe(n);
      for (let i = 0; i < n; i++) {
        state = (state * 1103515245 + 12345) >>> 0;
        chunk[i] = state >>> 24;
      }
      produced += n;
      hash.update(chunk);
      this.push(chunk);
    },
  });
  return { stream, sha256: () => hash.digest('hex') };
}

describe('MinioObjectStore on the embedded S3 endpoint', () => {
  const store = new MinioObjectStore({ ...testStorage(), partSize: 5 * 1024 * 1024 });

  beforeAll(() => store.ensureBucket());

  it('puts and gets a small buffer with its content type and metadata', async () => {
    const body = Buffer.from('站点,AQI\n衡阳市监测站,42\n', 'utf8');
    const put = await store.put('small/a.csv', body, { contentType: 'text/csv', metadata: { origin: 'test' } });
    expect(put.size).toBe(body.length);
    expect(await readAll(await store.get('small/a.csv'))).toEqual(body);
    const info = await store.stat('small/a.csv');
    expect(info).toMatchObject({ size: body.length, contentType: 'text/csv', metadata: { origin: 'test' } });
  });

  it('streams an upload of several parts without knowing its size, byte for byte', async () => {
    const size = 17 * 1024 * 1024 + 12345; // four parts of 5 MiB, the last one short
    const source = generated(size, 7);
    const put = await store.put('big/blob.bin', source.stream);
    expect(put.size).toBe(size);
    const stored = createHash('sha256');
    for await (const chunk of await store.get('big/blob.bin')) stored.update(chunk as Buffer);
    expect(stored.digest('hex')).toBe(source.sha256());
    expect((await store.stat('big/blob.bin'))?.size).toBe(size);
  });

  it('puts a stream shorter than one part as a single object', async () => {
    const put = await store.put('small/stream.txt', Readable.from([Buffer.from('abc'), Buffer.from('def')]));
    expect(put.size).toBe(6);
    expect((await readAll(await store.get('small/stream.txt'))).toString()).toBe('abcdef');
  });

  it('serves byte ranges', async () => {
    await store.put('range.txt', Buffer.from('0123456789'));
    expect((await readAll(await store.get('range.txt', { start: 2, end: 5 }))).toString()).toBe('2345');
    expect((await readAll(await store.get('range.txt', { start: 7 }))).toString()).toBe('789');
  });

  it('reports a missing object as null and removes objects', async () => {
    expect(await store.stat('nope')).toBeNull();
    await store.put('gone.txt', Buffer.from('x'));
    await store.remove('gone.txt');
    expect(await store.stat('gone.txt')).toBeNull();
  });

  it('lists objects under a prefix', async () => {
    await store.put('list/one', Buffer.from('1'));
    await store.put('list/two', Buffer.from('22'));
    const listed: string[] = [];
    for await (const item of store.list('list/')) listed.push(`${item.key}:${item.size}`);
    expect(listed.sort()).toEqual(['list/one:1', 'list/two:2']);
  });

  it('signs GET URLs that work without credentials and fail when tampered with', async () => {
    const body = randomBytes(100);
    await store.put('signed.bin', body);
    const url = await store.presignedGet('signed.bin', 60);
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer())).toEqual(body);
    const tampered = await fetch(url.replace(/X-Amz-Signature=[0-9a-f]{4}/, 'X-Amz-Signature=0000'));
    expect(tampered.status).toBe(403);
  });

  it('aborts a multipart upload when the source stream fails', async () => {
    let sent = 0;
    const failing = new Readable({
      read() {
        if (sent >= 12 * 1024 * 1024) return this.destroy(new Error('client went away'));
        sent += 1024 * 1024;
        this.push(Buffer.alloc(1024 * 1024, 1));
      },
    });
    await expect(store.put('failed.bin', failing)).rejects.toThrow('client went away');
    expect(await store.stat('failed.bin')).toBeNull();
  });
});
