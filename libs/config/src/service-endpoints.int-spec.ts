import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from './app-config';
import { startServices } from './service-endpoints';

describe('startServices', () => {
  it('refuses a DATA_DIR whose embedded services belong to another live process', async () => {
    const dataDir = await mkdtemp(join(process.env.TEST_TMP_DIR as string, 'busy-'));
    await chmod(dataDir, 0o755);
    // process.ppid is alive for as long as this test runs: it stands for another server on the same DATA_DIR.
    await writeFile(join(dataDir, 'runtime.json'), JSON.stringify({ pid: process.ppid, databaseUrl: 'x', storage: {} }));
    const log = { log: () => undefined, warn: () => undefined, error: () => undefined };
    await expect(startServices(loadConfig({ DATA_DIR: dataDir }), log)).rejects.toThrow(
      `DATA_DIR ${dataDir} is in use by process ${process.ppid}`,
    );
  });
});
