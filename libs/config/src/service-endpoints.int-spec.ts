import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from './app-config';
import { startServices } from './service-endpoints';
import { StartupError } from './startup-error';

describe('startServices', () => {
  it('refuses a DATA_DIR whose embedded services belong to another live process', async () => {
    const dataDir = await mkdtemp(join(process.env.TEST_TMP_DIR as string, 'busy-'));
    await chmod(dataDir, 0o755);
    // process.ppid is alive for as long as this test runs: it stands for another server on the same DATA_DIR.
    await writeFile(join(dataDir, 'runtime.json'), JSON.stringify({ pid: process.ppid, databaseUrl: 'x', storage: {} }));
    const log = { log: () => undefined, warn: () => undefined, error: () => undefined };
    const refused = startServices(loadConfig({ DATA_DIR: dataDir }), log);
    await expect(refused).rejects.toThrow(`DATA_DIR ${dataDir} is in use by process ${process.ppid}`);
    // An operator's mistake: main.ts prints it as one line, without a stack trace.
    await expect(refused).rejects.toBeInstanceOf(StartupError);
  });

  it('refuses a DATA_DIR it cannot write, saying which and why, before starting anything', async () => {
    const file = join(process.env.TEST_TMP_DIR as string, `not-a-directory-${process.pid}`);
    await writeFile(file, '');
    const log = { log: jest.fn(), warn: () => undefined, error: () => undefined };
    const refused = startServices(loadConfig({ DATA_DIR: join(file, 'data') }), log);
    await expect(refused).rejects.toBeInstanceOf(StartupError);
    await expect(refused).rejects.toThrow(/^DATA_DIR .*not-a-directory-\d+\/data cannot be written \(ENOTDIR: not a directory/);
    expect(log.log).not.toHaveBeenCalled();
  });
});
