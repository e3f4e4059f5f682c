import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__OPENDATA_TEST__ as
    | { pg: { stop(): Promise<void> }; s3: { close(): Promise<void> }; dir: string }
    | undefined;
  if (!state) return;
  await state.s3.close();
  await state.pg.stop();
  await rm(state.dir, { recursive: true, force: true });
}
