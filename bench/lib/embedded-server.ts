import { ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { apiNodeArgs } from './api-node';

/**
 * The server as `npm start` runs it (embedded PostgreSQL and S3 under `dataDir`), as a child process, with an
 * admin token and no demo catalogue. Quotas are off: a benchmark is one client at full speed from one address.
 * `BENCH_PROFILE=dir` writes a CPU profile of the server there (node --cpu-prof). `extraEnv` adds settings.
 */
export async function startEmbeddedServer(root: string, dataDir: string, port: number, adminToken: string, extraEnv: Record<string, string> = {}): Promise<ChildProcess> {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, ...apiNodeArgs(root)], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_TOKEN: adminToken,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      RATE_LIMIT_PER_IP: '0',
      RATE_LIMIT_PER_TOKEN: '0',
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      /* not listening yet */
    }
    await sleep(200);
  }
  throw new Error('server did not become healthy');
}

export async function stopEmbeddedServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
