import { existsSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StorageConnection } from '@opendata/config';

/**
 * While a server runs on the embedded services it records how to reach them in DATA_DIR/runtime.json (mode
 * 600), so that operator commands (apps/cli) can use the same database instead of trying to start a second
 * cluster on a data directory that is in use.
 */
export interface RuntimeState {
  pid: number;
  databaseUrl: string;
  storage: StorageConnection;
}

const FILE = 'runtime.json';

export async function writeRuntimeState(dataDir: string, state: RuntimeState): Promise<void> {
  await writeFile(join(dataDir, FILE), JSON.stringify(state), { mode: 0o600 });
}

export async function clearRuntimeState(dataDir: string): Promise<void> {
  await rm(join(dataDir, FILE), { force: true });
}

/** The state of a server that is still running, or null. */
export function readLiveRuntimeState(dataDir: string): RuntimeState | null {
  const file = join(dataDir, FILE);
  if (!existsSync(file)) return null;
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as RuntimeState;
    process.kill(state.pid, 0);
    return state;
  } catch {
    return null;
  }
}
