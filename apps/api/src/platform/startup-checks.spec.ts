import { StartupError } from '@opendata/config';
import { createServer } from 'node:net';
import { checkDatabase, checkPortFree, checkStorage } from './startup-checks';

/** Start-up problems an operator causes end in one line naming what to fix (main.ts prints it, no stack). */
describe('start-up checks', () => {
  const oneLine = async (check: Promise<unknown>, expected: RegExp) => {
    const error = await check.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toMatch(expected);
    expect((error as Error).message).not.toContain('\n');
  };

  it('a port in use', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    try {
      await oneLine(checkPortFree('127.0.0.1', port), new RegExp(`^PORT ${port} is already in use on 127.0.0.1; stop what listens there or set PORT`));
    } finally {
      server.close();
    }
    await expect(checkPortFree('127.0.0.1', port)).resolves.toBeUndefined();
  });

  it('a host that is not this machine', async () => {
    await oneLine(checkPortFree('192.0.2.1', 3000), /^HOST 192\.0\.2\.1 is not an address of this machine/);
  });

  it('a database nobody answers for, without echoing the password', async () => {
    const check = checkDatabase('postgres://user:s3cret@127.0.0.1:1/opendata');
    await oneLine(check, /^cannot use the database at 127\.0\.0\.1:1\/opendata \(DATABASE_URL\): connect ECONNREFUSED/);
    await expect(check).rejects.not.toThrow(/s3cret/);
  });

  it('an object store nobody answers for', async () => {
    const storage = { endPoint: '127.0.0.1', port: 1, useSSL: false, accessKey: 'a', secretKey: 'b', region: 'us-east-1', bucket: 'opendata' };
    await oneLine(checkStorage(storage), /^cannot use the object store at http:\/\/127\.0\.0\.1:1 \(MINIO_ENDPOINT, bucket opendata\): connect ECONNREFUSED/);
  });
});
