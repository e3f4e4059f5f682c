import { join } from 'node:path';

/**
 * Node's arguments for the API as `npm start` runs it (package.json "start"): the heap cap, then the compiled
 * entry point. Without a cap V8 sizes the old generation from the machine's memory (4 GB here) and lets the
 * garbage of successive uploads pile up before a full collection; with one it collects sooner.
 */
export function apiNodeArgs(root: string): string[] {
  // BENCH_API_NODE_ARGS adds Node options to the API's (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it).
  const extra = process.env.BENCH_API_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  return [`--max-old-space-size=${process.env.API_HEAP_MB ?? 1024}`, ...extra, join(root, 'dist/apps/api/src/main.js')];
}
