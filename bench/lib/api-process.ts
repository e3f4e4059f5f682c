import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { StorageConnection } from '@opendata/config';
import { apiNodeArgs } from './api-node';

/**
 * The API server as a separate process on the given (already running) services, as in production. Its peak
 * memory is the peak of the summed resident memory of the process and its workers, sampled every 100 ms.
 */
export async function startApiProcess(
  root: string,
  port: number,
  services: { databaseUrl: string; storage: StorageConnection },
  extraEnv: Record<string, string> = {},
): Promise<{ child: ChildProcess; peakRssMb: () => number; stop: () => Promise<void> }> {
  const s = services.storage;
  const child = spawn(process.execPath, apiNodeArgs(root), {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: services.databaseUrl,
      MINIO_ENDPOINT: `http://${s.endPoint}:${s.port}`,
      MINIO_ACCESS_KEY: s.accessKey,
      MINIO_SECRET_KEY: s.secretKey,
      MINIO_BUCKET: s.bucket,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      // One client at concurrency 16 from one address: quotas off, as for a trusted load balancer.
      RATE_LIMIT_PER_IP: '0',
      RATE_LIMIT_PER_TOKEN: '0',
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let peak = 0;
  const sample = setInterval(() => {
    peak = Math.max(peak, treeRssMb(child.pid as number));
  }, 100);
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await sleep(200);
  }
  return {
    child,
    peakRssMb: () => peak,
    stop: async () => {
      clearInterval(sample);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Resident memory of a process and all its descendants (API workers), from /proc. */
export function treeRssMb(pid: number): number {
  return processRssMb(pid).reduce((sum, mb) => sum + mb, 0);
}

/** Resident memory of a process, then of each of its descendants, in MB. */
export function processRssMb(pid: number): number[] {
  try {
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return [rss ? Number(rss[1]) / 1024 : 0, ...children.flatMap((c) => processRssMb(Number(c)))];
  } catch {
    return [];
  }
}
