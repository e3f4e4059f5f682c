import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const PROBE = resolve(__dirname, '../../../../test/support/embedded-postgres-probe.ts');

function probe(mode: 'init' | 'owner' | 'check', dir: string): { child: ChildProcess; output: Promise<string> } {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', PROBE, mode, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const output = new Promise<string>((resolvePromise, reject) => {
    if (mode === 'owner') {
      child.stdout!.on('data', () => out.includes('ready') && resolvePromise(out));
    }
    child.on('exit', (code, signal) =>
      code === 0 ? resolvePromise(out.trim()) : signal === 'SIGKILL' ? undefined : reject(new Error(`probe ${mode} failed: ${err}`)),
    );
  });
  return { child, output };
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('embedded PostgreSQL', () => {
  it('keeps data across restarts and recovers from a server killed with SIGKILL', async () => {
    const parent = await mkdtemp(join(process.env.TEST_TMP_DIR as string, 'pg-'));
    await chmod(parent, 0o755); // as root the server runs as the postgres user, which must enter it
    const dir = join(parent, 'postgres');

    // A UTF-8 cluster with a UTF-8 locale: otherwise Chinese drops out of tsvectors and trigrams.
    const init = JSON.parse(await probe('init', dir).output);
    expect(init).toEqual({ encoding: 'UTF8', datcollate: 'C.UTF-8', tsvector: `'空气':1 '质量':2` });

    const owner = probe('owner', dir);
    await owner.output;
    owner.child.kill('SIGKILL');
    await new Promise((r) => owner.child.once('exit', r));
    const orphan = Number(readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(isAlive(orphan)).toBe(true);

    expect(JSON.parse(await probe('check', dir).output)).toEqual([{ word: '空气质量' }]);
    expect(isAlive(orphan)).toBe(false);
    expect(existsSync(join(dir, 'data', 'postmaster.pid'))).toBe(false);
  }, 60000);
});
